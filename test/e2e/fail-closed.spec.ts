/** Issue 8, end to end in Chromium: an engine failure and a blown account, as the trader sees them. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LIGHT = /^(.+): (green|yellow|red|stale)$/;

async function lightStates(page: Page): Promise<string[]> {
  const names = await page
    .getByRole('status')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.filter((n) => LIGHT.test(n) && !n.startsWith('Connection'));
}

async function simControl(page: Page, app: { origin: string; token: string }, input: unknown) {
  return page.evaluate(
    async ({ origin, token, input }) => {
      const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`);
      await new Promise((r) => (ws.onopen = r));
      const reply = new Promise<unknown>((resolve) => {
        ws.onmessage = (e) => resolve(JSON.parse(String(e.data)));
      });
      ws.send(JSON.stringify({ type: 'call', id: 1, name: 'sim.control', input }));
      const r = await reply;
      ws.close();
      return r;
    },
    { origin: app.origin, token: app.token, input },
  );
}

test('an engine failure greys every light within one second, with the reason', async ({
  workstation: page,
  app,
}) => {
  await expect(
    page.getByRole('status', { name: /^Beta-weighted delta: (green|yellow|red)$/ }),
  ).toBeVisible();
  expect((await lightStates(page)).length).toBeGreaterThanOrEqual(12);
  expect(await simControl(page, app, { action: 'engine-fault', on: true })).toMatchObject({
    ok: true,
  });
  await expect
    .poll(async () => (await lightStates(page)).every((n) => n.endsWith(': stale')), {
      timeout: 1_000,
    })
    .toBe(true);
  await expect(page.getByText(/Risk engine failed/).first()).toBeVisible();
  await expect(page.getByText(/fault injected from the simulator controls/).first()).toBeVisible();
  await simControl(page, app, { action: 'engine-fault', on: false });
  await expect(
    page.getByRole('status', { name: /^Beta-weighted delta: (green|yellow|red)$/ }),
  ).toBeVisible();
});

test('SPX -20%, VIX +30 turns margin cushion red with a margin-call alarm within 2 s', async ({
  workstation: page,
}) => {
  const cushion = page.getByRole('status', { name: /^Margin cushion: / });
  await expect(cushion).toHaveAccessibleName(/: (green|yellow)$/);
  await page.getByPlaceholder(/SPX/).fill('SPX -20%, VIX +30');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(cushion).toHaveAccessibleName('Margin cushion: red', { timeout: 2_000 });
  const alarm = page.getByText(/Margin call: the broker may liquidate/).filter({ visible: true });
  await expect(alarm.first()).toBeVisible({ timeout: 2_000 });
});
