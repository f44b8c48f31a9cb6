import { test as base, expect } from './fixtures';
import { startFakeTws, type FakeTwsProcess } from './fake-tws-process';

// Bulwark in IBKR mode against the fake TWS (which serves the simulator's book).
const test = base.extend<{ tws: FakeTwsProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture deps from this pattern
  tws: async ({}, use) => {
    const tws = await startFakeTws();
    await use(tws);
    await tws.stop();
  },
  headlessArgs: async ({ tws }, use) => {
    await use(['--broker', 'ibkr', '--ib-port', String(tws.port), '--validate-contract']);
  },
});

test('the book arrives from TWS: paper account, connected, Greeks from IB', async ({
  workstation: page,
}) => {
  const rows = page.locator('tr[data-position-id]');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(25);
  await expect(page.getByRole('status', { name: /^Connection/ })).toHaveAccessibleName(/connected/);
  await expect(page.getByText(/^paper$/i)).toBeVisible();
  await expect(page.getByText('DU1234567')).toBeVisible();
  await expect(page.getByText('API v193')).toBeVisible();
  await expect(
    page.getByRole('status', { name: /^Beta-weighted delta: (green|yellow|red)$/ }),
  ).toBeVisible();
});

test('a TWS outage turns the numbers stale and the lights grey; Bulwark recovers by itself', async ({
  workstation: page,
  tws,
}) => {
  test.setTimeout(60_000);
  const beta = page.getByRole('status', { name: /^Beta-weighted delta: / });
  await expect(beta).toHaveAccessibleName(/: (green|yellow|red)$/);
  tws.outage();
  await expect(page.getByRole('alert').filter({ hasText: /stale/i })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByRole('status', { name: /^Connection/ })).not.toHaveAccessibleName(
    /connected/,
  );
  await expect(beta).toHaveAccessibleName('Beta-weighted delta: stale');
  const names = await page
    .getByRole('status')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const lights = names.filter((n) => /: (green|yellow|red|stale)$/.test(n));
  expect(lights.length).toBeGreaterThanOrEqual(12);
  expect(lights.filter((n) => !n.endsWith(': stale'))).toEqual([]);
  tws.recover();
  await expect(page.getByRole('status', { name: /^Connection/ })).toHaveAccessibleName(
    /connected/,
    {
      timeout: 30_000,
    },
  );
  await expect(beta).toHaveAccessibleName(/: (green|yellow|red)$/, { timeout: 10_000 });
});
