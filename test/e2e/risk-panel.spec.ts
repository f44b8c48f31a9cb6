import { expect, test } from './fixtures';

const LIGHT = /^(.+): (green|yellow|red|stale)$/;

test('the risk panel shows one named light per limit and the regime', async ({
  workstation: page,
}) => {
  await expect(page.getByRole('status', { name: 'Regime: neutral' })).toBeVisible();
  const beta = page.getByRole('status', { name: /^Beta-weighted delta: (green|yellow|red)$/ });
  await expect(beta).toBeVisible();
  const names = await page
    .getByRole('status')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const lights = names.filter((n) => LIGHT.test(n) && !n.startsWith('Connection'));
  expect(lights.length).toBeGreaterThanOrEqual(12);
  // Explanation on click.
  await page.getByRole('button', { name: /^Beta-weighted delta/ }).click();
  await expect(page.getByText(/benchmark shares of β-delta/)).toBeVisible();
  // The heavy half arrives from the worker thread.
  await expect(page.getByRole('table', { name: /Scenario P&L/ })).toBeVisible({ timeout: 5_000 });
});

test('SPX −6%, VIX +15 turns β-delta and vega red and changes the regime within 2 s', async ({
  workstation: page,
}) => {
  const beta = page.getByRole('status', { name: /^Beta-weighted delta: / });
  const vega = page.getByRole('status', { name: /^Short vega: / });
  await expect(beta).toHaveAccessibleName(/: (green|yellow)$/);
  await expect(vega).toHaveAccessibleName(/: (green|yellow)$/);
  await expect(page.getByRole('status', { name: 'Regime: neutral' })).toBeVisible();
  await page.getByPlaceholder(/SPX/).fill('SPX -6%, VIX +15');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(beta).toHaveAccessibleName('Beta-weighted delta: red', { timeout: 2_000 });
  await expect(vega).toHaveAccessibleName('Short vega: red', { timeout: 2_000 });
  await expect(page.getByRole('status', { name: /^Regime: / })).not.toHaveAccessibleName(
    'Regime: neutral',
    { timeout: 2_000 },
  );
});

// The raw page: Chromium logs the refused reconnects as console errors once the core is gone.
test('when the core goes away every risk light turns stale, never green', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('status', { name: /^Beta-weighted delta: / })).toBeVisible();
  expect(await app.stop()).toBe(0);
  await expect(page.getByRole('status', { name: 'Beta-weighted delta: stale' })).toBeVisible();
  const names = await page
    .getByRole('status')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const lights = names.filter((n) => LIGHT.test(n) && !n.startsWith('Connection'));
  expect(lights.length).toBeGreaterThanOrEqual(12);
  expect(lights.filter((n) => !n.endsWith(': stale'))).toEqual([]);
});
