/**
 * The order path through the contract on the real core and simulator: a bad order is refused
 * and never reaches the broker, a token sends once, a halt between review and send stops it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRecord, Review } from '@shared/domain/order-ticket';
import type { PositionsView } from '@shared/domain/positions';
import type { Core } from '../../src/main/core';
import { ok, startSimCore as startCore, stopSimCore } from './support/sim-core';

afterEach(stopSimCore);

/** A short SPY put of the demo book and a ticket buying one back at `price`. */
async function closeTicket(c: Core, price: (ask: number, bid: number) => number) {
  const view = await ok<PositionsView>(c, 'positions.snapshot', {});
  const put = view.rows.find(
    (r) => r.instrument.secType === 'OPT' && r.quantity < 0 && r.instrument.symbol === 'SPY',
  )!;
  const q = c.broker.lastQuote(put.instrument.key)!;
  return {
    put,
    ticket: {
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: price(q.ask!, q.bid!),
      tif: 'DAY',
      legs: [{ instrument: { key: put.instrument.key }, action: 'BUY', ratio: 1 }],
    },
  };
}

describe('order path on the core', () => {
  it('refuses a limit far through the mid: denied, no token, nothing sent', async () => {
    const { core } = await startCore();
    const { ticket } = await closeTicket(core, (ask) => ask * 3 + 5);
    const review = await ok<Review>(core, 'orders.preview', ticket);
    expect(review.decision).toBe('denied');
    expect(review.denials.map((d) => d.code)).toContain('PRICE_COLLAR');
    expect(review.confirmToken).toBeNull();
    expect(core.broker.openOrders()).toHaveLength(0);
    expect(await ok<OrderRecord[]>(core, 'orders.list', {})).toHaveLength(0);
    // The denial is kept with every check's outcome, for the journal.
    const [kept] = core.decisions.recent();
    expect(kept).toMatchObject({
      stage: 'review',
      decision: 'denied',
      clientRef: review.clientRef,
    });
    expect(kept!.checks.find((c) => c.check === 'price collar')?.outcome).toBe('deny');
  });

  it('sends once per token: the second submit is TOKEN_USED and nothing more is sent', async () => {
    const { core, clock } = await startCore();
    const { put, ticket } = await closeTicket(core, (_ask, bid) => bid);
    const review = await ok<Review>(core, 'orders.preview', ticket);
    expect(review.confirmToken).not.toBeNull();
    const first = await core.api.commands.dispatch('orders.submit', {
      confirmToken: review.confirmToken,
    });
    const second = await core.api.commands.dispatch('orders.submit', {
      confirmToken: review.confirmToken,
    });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'TOKEN_USED' } });
    const list = await ok<OrderRecord[]>(core, 'orders.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]!.request.legs[0]!.instrument.key).toBe(put.instrument.key);
    expect(list[0]!.clientRef).toBe(review.clientRef);
    // One review and one send are kept; the refused second submit never reached the gate.
    expect(core.decisions.recent().map((d) => [d.stage, d.orderId])).toEqual([
      ['review', null],
      ['submit', list[0]!.orderId],
    ]);
    clock.advance(100);
  });

  it('reads SELL of a sold leg as the buy it is: at a positive price it is refused, never sent', async () => {
    const { core } = await startCore();
    const { ticket } = await closeTicket(core, (_ask, bid) => bid);
    const leg = { ...ticket.legs[0]!, action: 'SELL' };
    // IB's convention: SELL 1 × [SELL put] buys the put; its price in combo terms is −price.
    const wrong = await ok<Review>(core, 'orders.preview', {
      ...ticket,
      action: 'SELL',
      legs: [leg],
    });
    expect(wrong.decision).toBe('denied');
    expect(wrong.denials.map((d) => d.code)).toContain('INVALID_ORDER');
    expect(wrong.order).toMatchObject({ action: 'BUY', limitPrice: -ticket.limitPrice });
    const right = await ok<Review>(core, 'orders.preview', {
      ...ticket,
      action: 'SELL',
      limitPrice: -ticket.limitPrice,
      legs: [leg],
    });
    expect(right.order).toMatchObject({ action: 'BUY', limitPrice: ticket.limitPrice });
    expect(right.order.legs[0]!.action).toBe('BUY');
    expect(right.reducesRisk).toBe(true);
    expect(core.broker.openOrders()).toHaveLength(0);
  });

  it('a forged token is TOKEN_INVALID', async () => {
    const { core } = await startCore();
    const r = await core.api.commands.dispatch('orders.submit', { confirmToken: 'forged' });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
    expect(core.broker.openOrders()).toHaveLength(0);
  });

  it('a halt between review and send stops the order at submit (ORDER_DENIED)', async () => {
    const { core } = await startCore();
    const { ticket } = await closeTicket(core, (_ask, bid) => bid);
    const review = await ok<Review>(core, 'orders.preview', ticket);
    expect(review.confirmToken).not.toBeNull();
    await ok(core, 'trading.set', { state: 'halted', reason: 'test halt' });
    const r = await core.api.commands.dispatch('orders.submit', {
      confirmToken: review.confirmToken,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'ORDER_DENIED' } });
    expect(core.broker.openOrders()).toHaveLength(0);
    expect(await ok<OrderRecord[]>(core, 'orders.list', {})).toHaveLength(0);
    const submit = core.decisions.recent().at(-1)!;
    expect(submit).toMatchObject({ stage: 'submit', decision: 'denied', orderId: null });
    expect(submit.denials.map((d) => d.code)).toEqual(['TRADING_HALTED']);
  });

  it('an unknown instrument key is refused with UNKNOWN_INSTRUMENT', async () => {
    const { core } = await startCore();
    const r = await core.api.commands.dispatch('orders.preview', {
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 1,
      tif: 'DAY',
      legs: [{ instrument: { key: 'OPT:NOPE:2026-12-18:P:10' }, action: 'SELL', ratio: 1 }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_INSTRUMENT' } });
  });

  it('malformed order commands get coded errors, never a send', async () => {
    const { core } = await startCore();
    const bad: unknown[] = [
      null,
      {},
      { action: 'BUY', quantity: -1, orderType: 'LMT', limitPrice: 1, tif: 'DAY', legs: [] },
      { action: 'BUY', quantity: 1, orderType: 'MKT', limitPrice: 1, tif: 'DAY', legs: [] },
      { action: 'HOLD', quantity: 1, orderType: 'LMT', limitPrice: NaN, tif: 'DAY', legs: [] },
    ];
    for (const input of bad) {
      const r = await core.api.commands.dispatch('orders.preview', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(core.broker.openOrders()).toHaveLength(0);
  });
});
