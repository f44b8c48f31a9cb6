/**
 * What-if margin as TWS really answers it: a first openOrder copy that carries only a warning
 * and unset figures, then the real one — the adapter waits for the figures instead of failing
 * on the first copy; and a combo what-if that never gets figures — refused soon, in plain
 * words, never read as zero margin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adapterOnSim, closeAdapters, restingSpxPut } from './adapter-harness';
import { EXPIRY } from './order-harness';

afterEach(closeAdapters);

describe('IBKR what-if replies', () => {
  it('waits past a first copy with only a warning and takes the figures that follow', async () => {
    const a = await adapterOnSim({ whatIfReplies: 'warning-first' });
    const order = await restingSpxPut(a, EXPIRY);
    const impact = await a.broker.whatIf(order);
    const theirs = await a.sim.whatIf(order);
    expect(impact.maintMarginChange).toBeCloseTo(theirs.maintMarginChange, 6);
    expect(impact.initMarginChange).toBeGreaterThan(0);
    expect(a.sim.openOrders()).toEqual([]);
  });

  it('refuses a what-if that never gets figures, in words, within a few seconds', async () => {
    const a = await adapterOnSim({ whatIfReplies: 'empty' });
    const order = await restingSpxPut(a, EXPIRY);
    const started = Date.now();
    await expect(a.broker.whatIf(order)).rejects.toThrow(
      /no margin figures.*Margin figures follow/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
