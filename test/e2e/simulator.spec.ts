import { expect, test } from './fixtures';

const number = (text: string | null) => Number((text ?? '').replace(/[^0-9.-]/g, ''));

test('a shock from the simulator panel moves SPX and says so', async ({ workstation: page }) => {
  const spx = page.locator('tr[data-quote-key="IND:SPX"] td.w-last');
  await expect.poll(async () => number(await spx.textContent())).toBeGreaterThan(1000);
  const before = number(await spx.textContent());
  await page.getByRole('button', { name: /^SPX −5%/ }).click();
  await expect(page.getByText('Shock applied: SPX −5%')).toBeVisible();
  await expect.poll(async () => number(await spx.textContent()) / before - 1).toBeLessThan(-0.04);
});

test('a custom shock the simulator cannot read shows its coded error inline', async ({
  workstation: page,
}) => {
  await page.getByPlaceholder(/SPX/).fill('SPX down a lot');
  await page.getByRole('button', { name: 'Apply' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'INVALID_SHOCK' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('SPX down a lot');
  // Still live afterwards.
  await expect(page.getByRole('status', { name: /^Connection/ })).toHaveAccessibleName(/connected/);
});

// The raw page: Chromium logs the refused reconnects as console errors once the core is gone.
test('when the core goes away, every value turns stale and nothing reads connected', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const rows = page.locator('tr[data-position-id]');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(25);
  await expect(page.locator('tr[data-position-id].row-stale')).toHaveCount(0);
  expect(await app.stop()).toBe(0);
  await expect(page.getByText(/Core link lost/).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /stale/i })).toBeVisible();
  await expect(page.getByRole('status', { name: /^Connection/ })).not.toHaveAccessibleName(
    /connected/,
  );
  const total = await rows.count();
  await expect(page.locator('tr[data-position-id].row-stale')).toHaveCount(total);
});
