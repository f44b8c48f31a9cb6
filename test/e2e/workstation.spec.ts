import { request } from '@playwright/test';
import { expect, test } from './fixtures';

const positionRows = 'tr[data-position-id]';

test('the positions table fills with the demo book', async ({ workstation: page }) => {
  const table = page.getByRole('table', { name: 'Positions' });
  await expect(table).toBeVisible();
  await expect.poll(() => table.locator(positionRows).count()).toBeGreaterThanOrEqual(25);
  for (const symbol of ['SPX', 'SPY', 'QQQ', 'AAPL', 'ES']) {
    await expect(
      table.getByRole('row', { name: new RegExp(`^${symbol}\\b`) }).first(),
    ).toBeVisible();
  }
});

test('the connection indicator reads connected', async ({ workstation: page }) => {
  const status = page.getByRole('status', { name: /^Connection/ });
  await expect(status).toHaveAccessibleName(/connected/);
});

test('prices and Greeks change over time', async ({ workstation: page }) => {
  const rows = page.locator(positionRows);
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(25);
  const snapshot = () =>
    rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? '').join('\n'));
  const before = await snapshot();
  await expect.poll(snapshot, { timeout: 10_000 }).not.toBe(before);
  // Compare a short option's price and delta cells specifically.
  const spx = page.locator(`${positionRows}[data-position-id*="OPT:SPX"]`).first();
  const cells = async () => (await spx.locator('td').allTextContents()).join('|');
  const first = await cells();
  await expect.poll(cells, { timeout: 10_000 }).not.toBe(first);
});

test('a request without the token is refused', async ({ app }) => {
  const anonymous = await request.newContext();
  expect((await anonymous.get(`${app.origin}/`)).status()).toBe(401);
  expect((await anonymous.get(`${app.origin}/?token=wrong`)).status()).toBe(401);
  await anonymous.dispose();
});

// A page of ours with a wrong token is told its session ended (close code 4401, readable by the
// page, unlike a refused upgrade) and gets no session: not one message before the close.
test('a WebSocket with a wrong token gets no session, even from our own page', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const outcome = await page.evaluate(async (origin) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=wrong`);
    let messages = 0;
    ws.onmessage = () => messages++;
    return new Promise<string>((resolve) => {
      ws.onclose = (e) => resolve(`closed ${e.code} after ${messages} messages`);
      ws.onerror = () => resolve('refused');
    });
  }, app.origin);
  expect(outcome).toBe('closed 4401 after 0 messages');
});

test('a malformed command gets a coded error and the app keeps working', async ({
  workstation: page,
  app,
}) => {
  const replies = await page.evaluate(
    async ({ origin, token }) => {
      const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${token}`);
      const got: unknown[] = [];
      await new Promise((r) => (ws.onopen = r));
      const done = new Promise<void>((resolve) => {
        ws.onmessage = (e) => {
          got.push(JSON.parse(String(e.data)));
          if (got.length === 3) resolve();
        };
      });
      ws.send('this is not json');
      ws.send(JSON.stringify({ type: 'call', id: 1, name: 'orders.launch', input: {} }));
      ws.send(
        JSON.stringify({
          type: 'call',
          id: 2,
          name: 'sim.control',
          input: { action: 'speed', speed: -3 },
        }),
      );
      await done;
      ws.close();
      return got;
    },
    { origin: app.origin, token: app.token },
  );
  expect(replies).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({ code: 'MALFORMED_MESSAGE' }),
      }),
      expect.objectContaining({
        id: 1,
        ok: false,
        error: expect.objectContaining({ code: 'UNKNOWN_COMMAND' }),
      }),
      expect.objectContaining({
        id: 2,
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_INPUT' }),
      }),
    ]),
  );
  // The workstation still streams.
  const rows = page.locator(positionRows);
  const text = () => rows.evaluateAll((trs) => trs.map((tr) => tr.textContent).join());
  const before = await text();
  await expect.poll(text, { timeout: 10_000 }).not.toBe(before);
  await expect(page.getByRole('status', { name: /^Connection/ })).toHaveAccessibleName(/connected/);
});
