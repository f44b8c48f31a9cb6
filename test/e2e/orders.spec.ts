/**
 * The order path end to end in Chromium against the simulator: an iron condor built from the
 * chain is simulated, reviewed, sent, fills and shows in the positions; a breaching order is
 * denied in an alert and cannot be sent.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const positionRows = 'tr[data-position-id]';

async function openTicket(page: Page): Promise<Locator> {
  await expect.poll(() => page.locator(positionRows).count()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'New order' }).click();
  const ticket = page.getByRole('dialog', { name: 'Order ticket' });
  await expect(ticket).toBeVisible();
  await expect(ticket.getByRole('table', { name: 'SPX option chain' })).toBeVisible();
  return ticket;
}

/**
 * The simulator's option spreads are wide (3 % of the price), so a four-leg combo only fills by
 * crossing them, five points through its mid: the trader widens the price collar in Settings
 * first. The demo book is red on gamma under the default matrix, where any short-gamma trade
 * is denied; this test runs on a matrix with room for one more.
 */
async function widenCollar(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Max ticks through mid').fill('200');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toBeVisible();
  await settings.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(settings).toBeHidden();
}

test.describe('with room in the risk limits', () => {
  test.use({
    headlessArgs: [
      '--seed',
      '42',
      '--sim-start',
      '2026-11-20T11:00:00-05:00',
      '--validate-contract',
      '--risk-matrix',
      'test/fixtures/roomy-risk-matrix.yaml',
    ],
  });

  test('an iron condor from the chain: simulate, review, send, fill, positions', async ({
    workstation: page,
  }) => {
    await widenCollar(page);
    const ticket = await openTicket(page);
    await ticket.getByLabel('Strategy', { exact: true }).selectOption('iron-condor');
    // Pick the short strikes from the chain: a put below the money, a call above it.
    const chain = ticket.getByRole('table', { name: 'SPX option chain' });
    const atm = chain.locator('tr.chain-atm');
    await expect(atm).toHaveCount(1);
    const strikes = await chain.locator('tbody th').allTextContents();
    const atmStrike = (await atm.locator('th').textContent()) ?? '';
    const i = strikes.indexOf(atmStrike);
    const put = strikes[i - 4]!;
    const call = strikes[i + 4]!;
    await chain.getByRole('button', { name: `Pick ${put} put` }).click();
    await chain.getByRole('button', { name: `Pick ${call} call` }).click();
    await expect(ticket.getByLabel('Short put')).toHaveValue(put);
    await expect(ticket.getByLabel('Short call')).toHaveValue(call);
    await ticket.getByLabel('Width').fill(String(Number(strikes[i + 1]) - Number(atmStrike)));
    await expect(ticket.getByRole('list', { name: 'Legs' }).getByRole('listitem')).toHaveCount(4);
    const expiry = await ticket.getByLabel('Expiry', { exact: true }).inputValue();
    // Cross the spread so the simulator fills it.
    await ticket.getByRole('button', { name: 'Natural' }).click();
    await expect(ticket.getByLabel('Limit price')).not.toHaveValue('');
    await expect(ticket.getByText(/^Max profit/)).toBeVisible();

    await ticket.getByRole('button', { name: 'Simulate' }).click();
    const review = ticket.getByRole('region', { name: 'Review' });
    await expect(review).toBeVisible();
    await expect(
      review.getByText(/Init margin change \((broker what-if|local margin model)\)/),
    ).toBeVisible();
    await expect(review.getByText('Lights before → after')).toBeVisible();
    await expect(review.getByText(/^All \d+ lights$/)).toBeVisible();
    await expect(ticket.getByRole('alert')).toHaveCount(0);
    const send = ticket.getByRole('button', { name: 'Send' });
    await expect(send).toBeEnabled();
    await expect(ticket.getByText(/Review valid for \d+ s/)).toBeVisible();

    // Any edit invalidates the review; Simulate again restores it.
    await ticket.getByLabel('Rationale').fill('e2e: range-bound into expiry');
    await expect(send).toBeDisabled();
    await ticket.getByRole('button', { name: 'Simulate' }).click();
    await expect(send).toBeEnabled();
    await send.click();

    await expect(ticket).toBeHidden();
    const panel = page.getByRole('region', { name: 'Working orders' });
    await expect(panel.getByRole('status')).toContainText(/Order #\d+ sent/);
    const done = panel.getByText(/^Done today \(\d+\)$/);
    await expect(done).toHaveText('Done today (1)', { timeout: 20_000 });
    await done.click();
    await expect(panel.getByRole('table', { name: 'Done today' })).toContainText('filled');
    for (const [right, strike] of [
      ['P', put],
      ['C', call],
    ] as const) {
      await expect(
        page.locator(`${positionRows}[data-position-id*="OPT:SPX:${expiry}:${right}:${strike}"]`),
      ).toHaveCount(1, { timeout: 20_000 });
    }
  });
});

test('a breaching order shows its denial and cannot be sent', async ({ workstation: page }) => {
  const ticket = await openTicket(page);
  await ticket.getByLabel('Strategy', { exact: true }).selectOption('single');
  await ticket.getByLabel('Quantity').fill('5000');
  await expect(ticket.getByLabel('Limit price')).not.toHaveValue('');
  await ticket.getByRole('button', { name: 'Simulate' }).click();
  const alert = ticket.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('MAX_CONTRACTS');
  await expect(ticket.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(ticket.getByRole('region', { name: 'Review' })).toContainText('Review: denied');
});
