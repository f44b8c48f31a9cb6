/**
 * What-if margin as TWS really answers it: a first openOrder copy that carries only a warning
 * and unset figures, then the real one — the adapter waits for the figures instead of failing
 * on the first copy; and a combo what-if that never gets figures — refused soon, in plain
 * words, never read as zero margin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRequest } from '@shared/domain/orders';
import { adapterOnSim, closeAdapters, simQuotes, spxOptionVia } from './adapter-harness';
import { EXPIRY } from './order-harness';

afterEach(closeAdapters);

async function shortPut(a: Awaited<ReturnType<typeof adapterOnSim>>): Promise<OrderRequest> {
  const put = await spxOptionVia(a, EXPIRY, 'P', 0.95);
  const [q] = simQuotes(a, [put]);
  return {
    action: 'SELL',
    quantity: 1,
    orderType: 'LMT',
    limitPrice: Math.round(q!.ask! * 3 * 20) / 20,
    tif: 'DAY',
    legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
  };
}

describe('IBKR what-if replies', () => {
  it('waits past a first copy with only a warning and takes the figures that follow', async () => {
    const a = await adapterOnSim({ whatIfReplies: 'warning-first' });
    const order = await shortPut(a);
    const impact = await a.broker.whatIf(order);
    const theirs = await a.sim.whatIf(order);
    expect(impact.maintMarginChange).toBeCloseTo(theirs.maintMarginChange, 6);
    expect(impact.initMarginChange).toBeGreaterThan(0);
    expect(a.sim.openOrders()).toEqual([]);
  });

  it('refuses a what-if that never gets figures, in words, within a few seconds', async () => {
    const a = await adapterOnSim({ whatIfReplies: 'empty' });
    const order = await shortPut(a);
    const started = Date.now();
    await expect(a.broker.whatIf(order)).rejects.toThrow(
      /no margin figures.*Margin figures follow/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
