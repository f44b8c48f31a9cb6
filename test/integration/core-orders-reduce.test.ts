/**
 * "Only reduces" is earned, not assumed, on the real core and simulator: shrinking a position
 * while adding margin (selling a spread's protective wing) is an opening order for every check,
 * and a close already working counts, so a second close cannot flip the position.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '@shared/domain/order-ticket';
import type { OrderRequest } from '@shared/domain/orders';
import { ok, startSimCore as startCore, stopSimCore } from './support/sim-core';

afterEach(stopSimCore);

function single(key: string, action: 'BUY' | 'SELL', quantity: number, limitPrice: number) {
  return {
    action,
    quantity,
    orderType: 'LMT',
    limitPrice,
    tif: 'DAY',
    legs: [{ instrument: { key }, action: 'BUY', ratio: 1 }],
  };
}

describe('only reduces, on the core', () => {
  it('selling a long wing that adds margin is not "only reduces": reduce-only refuses it', async () => {
    const { core } = await startCore();
    // A long option of the demo book whose sale the broker says adds margin: a spread's wing.
    let wing: { key: string; mid: number; added: number } | null = null;
    for (const p of core.broker.positions()) {
      if (p.instrument.secType !== 'OPT' || p.quantity <= 0) continue;
      const q = core.broker.lastQuote(p.instrument.key);
      if (!q?.bid || !q.ask) continue;
      const order = single(p.instrument.key, 'SELL', 1, q.bid) as unknown as OrderRequest;
      const impact = await core.broker.whatIf({
        ...order,
        legs: [{ ...order.legs[0]!, instrument: p.instrument }],
      });
      if (impact.maintMarginChange > 1_000) {
        wing = { key: p.instrument.key, mid: (q.bid + q.ask) / 2, added: impact.maintMarginChange };
        break;
      }
    }
    expect(wing, 'the demo book holds a spread with a long wing').not.toBeNull();
    await ok(core, 'trading.set', { state: 'reduce-only', reason: 'test' });
    const review = await ok<Review>(
      core,
      'orders.preview',
      single(wing!.key, 'SELL', 1, wing!.mid),
    );
    expect(review.reducesRisk).toBe(false);
    expect(review.decision).toBe('denied');
    const denial = review.denials.find((d) => d.code === 'REDUCE_ONLY');
    expect(denial?.message).toMatch(/adds \$[\d,]+ of margin/);
    expect(Number(denial?.details.marginAdded)).toBeGreaterThan(1_000);
    expect(core.broker.openOrders()).toHaveLength(0);
  });

  it('a close already working counts: a second close of the same short is opening', async () => {
    const { core } = await startCore();
    const short = core.broker
      .positions()
      .find(
        (p) => p.instrument.secType === 'OPT' && p.instrument.symbol === 'SPY' && p.quantity < 0,
      )!;
    const q = core.broker.lastQuote(short.instrument.key)!;
    const all = Math.abs(short.quantity);
    // Buy the whole short back at a price that rests (the bid): it stays working.
    const first = await ok<Review>(
      core,
      'orders.preview',
      single(short.instrument.key, 'BUY', all, q.bid!),
    );
    expect(first.reducesRisk).toBe(true);
    await ok(core, 'orders.submit', { confirmToken: first.confirmToken });
    await ok(core, 'trading.set', { state: 'reduce-only', reason: 'test' });
    const second = await ok<Review>(
      core,
      'orders.preview',
      single(short.instrument.key, 'BUY', 1, q.bid!),
    );
    expect(second.reducesRisk).toBe(false);
    expect(second.denials.map((d) => d.code)).toContain('REDUCE_ONLY');
    expect(core.broker.openOrders()).toHaveLength(1);
  });

  it('a new limit on an opening order is refused in reduce-only, like a new order', async () => {
    const { core } = await startCore();
    // Buying more of something long opens; at the bid it rests. The first such order the gate
    // allows (most add to a red light on the demo book).
    let opening: { review: Review; bid: number } | null = null;
    for (const p of core.broker.positions()) {
      const q = core.broker.lastQuote(p.instrument.key);
      if (p.quantity <= 0 || !q?.bid) continue;
      const review = await ok<Review>(
        core,
        'orders.preview',
        single(p.instrument.key, 'BUY', 1, q.bid),
      );
      if (review.denials.length === 0) {
        opening = { review, bid: q.bid };
        break;
      }
    }
    expect(opening, 'some opening order passes the gate').not.toBeNull();
    const { review, bid } = opening!;
    expect(review.reducesRisk).toBe(false);
    const { orderId } = await ok<{ orderId: number }>(core, 'orders.submit', {
      confirmToken: review.confirmToken,
    });
    await ok(core, 'trading.set', { state: 'reduce-only', reason: 'test' });
    const r = await core.api.commands.dispatch('orders.modify', {
      orderId,
      limitPrice: bid + 0.05,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'ORDER_DENIED' } });
    if (!r.ok) expect(r.error.details?.codes).toContain('REDUCE_ONLY');
    expect(core.broker.openOrders()[0]!.request.limitPrice).toBe(bid);
  });
});
