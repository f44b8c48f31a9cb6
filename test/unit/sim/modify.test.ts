import { describe, expect, it } from 'vitest';
import { limitOrder, of, optionOf, started, strikeNear } from './sim-helpers';

async function restingSell() {
  const s = await started();
  const spot = s.sim.snapshot().prices.SPX!;
  const put = await optionOf(
    s.sim,
    'SPX',
    '2026-12-18',
    'P',
    await strikeNear(s.sim, 'SPX', spot * 0.95),
  );
  s.sim.subscribeMarketData(put);
  s.clock.advance(250);
  const q = s.sim.lastQuote(put.key)!;
  const { orderId } = await s.sim.placeOrder(
    limitOrder(put, 'SELL', 2, Math.round(q.ask! * 3 * 20) / 20),
  );
  s.clock.advance(250);
  return { ...s, put, orderId, bid: q.bid! };
}

describe('modifying a working simulator order', () => {
  it('a new limit at the bid fills the resting order, under the same id', async () => {
    const { sim, clock, log, orderId, bid } = await restingSell();
    expect(sim.openOrders().map((o) => o.orderId)).toEqual([orderId]);
    await sim.modifyOrder(orderId, { limitPrice: Math.max(0.05, Math.round((bid - 1) * 20) / 20) });
    for (let i = 0; i < 8 && sim.openOrders().length > 0; i++) clock.advance(250);
    const statuses = of(log, 'orderStatus').filter((s) => s.orderId === orderId);
    expect(statuses.at(-1)).toMatchObject({ status: 'Filled', filled: 2, remaining: 0 });
    expect(of(log, 'execution').every((e) => e.orderId === orderId)).toBe(true);
  });

  it('a new quantity changes what remains; below what is filled, or an unknown id, is refused', async () => {
    const { sim, clock, log, orderId } = await restingSell();
    await sim.modifyOrder(orderId, { quantity: 5 });
    clock.advance(250);
    expect(sim.openOrders()[0]).toMatchObject({ orderId, remaining: 5 });
    expect(of(log, 'orderStatus').at(-1)).toMatchObject({
      orderId,
      status: 'Submitted',
      remaining: 5,
    });
    await sim.modifyOrder(999, { limitPrice: 1 });
    clock.advance(250);
    expect(of(log, 'error').at(-1)).toMatchObject({ code: '10147', orderId: 999 });
  });
});
