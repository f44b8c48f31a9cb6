import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { OrderRequest } from '@shared/domain/orders';
import {
  CommissionReportSchema,
  ExecutionSchema,
  OrderStatusEventSchema,
} from '@shared/domain/orders';
import type { SimBroker } from '../../../src/main/broker/sim';
import type { Recorded } from './sim-helpers';
import { limitOrder, of, optionOf, started, strikeNear } from './sim-helpers';

async function aaplPut(sim: SimBroker, moneyness = 0.95): Promise<Instrument> {
  const spot = sim.snapshot().prices.AAPL!;
  return optionOf(sim, 'AAPL', '2026-12-18', 'P', await strikeNear(sim, 'AAPL', spot * moneyness));
}

/** Records the quotes of one line, and the quote in force when each execution arrived. */
function watch(sim: SimBroker, key: string): { quotes: Quote[]; atFill: Quote[] } {
  const quotes: Quote[] = [];
  const atFill: Quote[] = [];
  sim.events.on('quote', (q) => {
    if (q.key === key) quotes.push(q);
  });
  sim.events.on('execution', (e) => {
    if (e.instrument.key === key) atFill.push(quotes.at(-1)!);
  });
  return { quotes, atFill };
}

const order = (log: Recorded[]): string[] =>
  log
    .filter((r) => ['execution', 'commission', 'orderStatus'].includes(r.event))
    .map((r) => r.event);

describe('simulated order handling', () => {
  it('numbers orders from 1 and announces Submitted after placeOrder resolves', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim, 0.8);
    const a = await sim.placeOrder(limitOrder(put, 'BUY', 1, 0.01));
    const b = await sim.placeOrder(limitOrder(put, 'BUY', 1, 0.01));
    expect([a.orderId, b.orderId]).toEqual([1, 2]);
    expect(of(log, 'orderStatus')).toEqual([]);
    clock.advance(0);
    const statuses = of(log, 'orderStatus').map((s) => OrderStatusEventSchema.parse(s));
    expect(statuses.map((s) => [s.orderId, s.status, s.remaining])).toEqual([
      [1, 'Submitted', 1],
      [2, 'Submitted', 1],
    ]);
    expect(sim.openOrders().map((o) => o.orderId)).toEqual([1, 2]);
  });

  it('fills a marketable limit at the touch, not at its limit, and never through it', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim);
    sim.subscribeMarketData(put);
    const { atFill } = watch(sim, put.key);
    const buyLimit = sim.lastQuote(put.key)!.ask! + 1;
    await sim.placeOrder(limitOrder(put, 'BUY', 1, buyLimit));
    clock.advance(250);
    const [buy] = of(log, 'execution');
    expect(buy!.side).toBe('BOT');
    expect(buy!.price).toBeGreaterThanOrEqual(atFill[0]!.ask!);
    expect(buy!.price).toBeLessThanOrEqual(atFill[0]!.ask! + 0.05 + 1e-9);
    expect(buy!.price).toBeLessThan(buyLimit - 0.5);

    const sellLimit = Math.max(0.01, sim.lastQuote(put.key)!.bid! - 1);
    await sim.placeOrder(limitOrder(put, 'SELL', 1, sellLimit));
    clock.advance(250);
    const sell = of(log, 'execution')[1]!;
    expect(sell.side).toBe('SLD');
    expect(sell.price).toBeLessThanOrEqual(atFill[1]!.bid!);
    expect(sell.price).toBeGreaterThanOrEqual(atFill[1]!.bid! - 0.05 - 1e-9);
    expect(sell.price).toBeGreaterThan(sellLimit);
  });

  it('rests a passive limit, then fills it at its limit once a shock moves the market through', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim);
    sim.subscribeMarketData(put);
    const bid = sim.lastQuote(put.key)!.bid!;
    const limit = Math.round(bid * 0.6 * 100) / 100;
    const { orderId } = await sim.placeOrder(limitOrder(put, 'BUY', 2, limit));
    clock.advance(2000);
    expect(of(log, 'execution')).toEqual([]);
    expect(sim.openOrders()).toMatchObject([{ orderId, status: 'Submitted', remaining: 2 }]);
    sim.shock([{ symbol: 'AAPL', change: 8, unit: 'percent' }]);
    expect(sim.lastQuote(put.key)!.ask!).toBeLessThan(limit);
    const execs = of(log, 'execution');
    expect(execs.map((e) => e.price)).toEqual([limit]);
    expect(of(log, 'orderStatus').at(-1)).toMatchObject({ status: 'Filled', avgFillPrice: limit });
  });

  it('fills an order larger than the displayed size over several steps, ending Filled', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim);
    sim.subscribeMarketData(put);
    const { atFill } = watch(sim, put.key);
    await sim.placeOrder(limitOrder(put, 'BUY', 1000, 1000));
    for (let i = 0; i < 60 && sim.openOrders().length > 0; i++) clock.advance(250);
    const execs = of(log, 'execution').map((e) => ExecutionSchema.parse(e));
    expect(execs.length).toBeGreaterThan(4);
    execs.forEach((e, i) => expect(e.quantity).toBeLessThanOrEqual(atFill[i]!.askSize!));
    expect(execs.reduce((s, e) => s + e.quantity, 0)).toBe(1000);
    expect(execs.at(-1)!.cumQty).toBe(1000);
    const statuses = of(log, 'orderStatus');
    const fills = statuses.filter((s) => s.filled > 0);
    expect(fills.slice(0, -1).every((s) => s.status === 'Submitted' && s.remaining > 0)).toBe(true);
    expect(fills.at(-1)).toMatchObject({ status: 'Filled', filled: 1000, remaining: 0 });
    const avg = execs.reduce((s, e) => s + e.price * e.quantity, 0) / 1000;
    expect(fills.at(-1)!.avgFillPrice!).toBeCloseTo(avg, 6);
    expect(sim.positions().find((p) => p.instrument.key === put.key)?.quantity).toBe(1000);
  });

  it('charges IB-like commissions per execution with the $1 minimum', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim);
    const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
    const [es] = await sim.lookupContract({ symbol: 'ES', secType: 'FUT' });
    await sim.placeOrder(limitOrder(put, 'BUY', 1, 100));
    await sim.placeOrder(limitOrder(put, 'BUY', 2, 100));
    await sim.placeOrder(limitOrder(aapl!, 'BUY', 100, 1000));
    await sim.placeOrder(limitOrder(es!, 'BUY', 1, 10_000));
    clock.advance(250);
    const reports = of(log, 'commission').map((c) => CommissionReportSchema.parse(c));
    expect(reports.map((r) => r.commission)).toEqual([1, 1.3, 1, 2.25]);
    expect(reports.map((r) => r.execId)).toEqual([
      'sim.1.1.0',
      'sim.2.1.0',
      'sim.3.1.0',
      'sim.4.1.0',
    ]);
  });

  it('fills an iron condor BAG on all four legs at once, executions before commissions before status', async () => {
    const { sim, clock, log } = await started();
    const spot = sim.snapshot().prices.SPX!;
    const k = async (m: number): Promise<number> => strikeNear(sim, 'SPX', spot * m);
    const leg = async (right: 'C' | 'P', m: number, action: 'BUY' | 'SELL') => ({
      instrument: await optionOf(sim, 'SPX', '2027-01-15', right, await k(m)),
      action,
      ratio: 1,
    });
    const legs = [
      await leg('P', 0.94, 'SELL'),
      await leg('P', 0.92, 'BUY'),
      await leg('C', 1.04, 'SELL'),
      await leg('C', 1.06, 'BUY'),
    ];
    const condor: OrderRequest = {
      action: 'BUY',
      quantity: 2,
      orderType: 'LMT',
      limitPrice: -0.05, // asks for only a 5-cent credit: marketable
      tif: 'DAY',
      legs,
    };
    const cashBefore = sim.accountSummary()!.cash;
    const { orderId } = await sim.placeOrder(condor);
    clock.advance(250);
    const execs = of(log, 'execution');
    expect(execs.map((e) => [e.execId, e.side, e.quantity])).toEqual([
      [`sim.${orderId}.1.0`, 'SLD', 2],
      [`sim.${orderId}.1.1`, 'BOT', 2],
      [`sim.${orderId}.1.2`, 'SLD', 2],
      [`sim.${orderId}.1.3`, 'BOT', 2],
    ]);
    expect(order(log).slice(-9)).toEqual([
      'execution',
      'execution',
      'execution',
      'execution',
      'commission',
      'commission',
      'commission',
      'commission',
      'orderStatus',
    ]);
    const status = of(log, 'orderStatus').at(-1)!;
    const combo = execs.reduce((s, e) => s + (e.side === 'BOT' ? e.price : -e.price), 0);
    expect(status).toMatchObject({ status: 'Filled', filled: 2, remaining: 0 });
    expect(status.avgFillPrice!).toBeCloseTo(combo, 9);
    expect(status.avgFillPrice!).toBeLessThan(-0.05);
    for (const l of legs) {
      const p = sim.positions().find((x) => x.instrument.key === l.instrument.key)!;
      expect(p.quantity).toBe(l.action === 'BUY' ? 2 : -2);
    }
    const credit = -combo * 2 * 100;
    expect(sim.accountSummary()!.cash - cashBefore).toBeCloseTo(credit - 4 * 1.3, 6);
  });

  it('inverts the legs when the combo is sold', async () => {
    const { sim, clock, log } = await started();
    const spot = sim.snapshot().prices.SPY!;
    const hi = await optionOf(
      sim,
      'SPY',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPY', spot * 0.97),
    );
    const lo = await optionOf(
      sim,
      'SPY',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPY', spot * 0.95),
    );
    await sim.placeOrder({
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 0.01,
      tif: 'GTC',
      legs: [
        { instrument: hi, action: 'BUY', ratio: 1 },
        { instrument: lo, action: 'SELL', ratio: 1 },
      ],
    });
    clock.advance(250);
    expect(of(log, 'execution').map((e) => e.side)).toEqual(['SLD', 'BOT']);
  });

  it('cancels a working order with a reason and never fills it afterwards', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim);
    const { orderId } = await sim.placeOrder(limitOrder(put, 'BUY', 1, 0.01));
    clock.advance(500);
    await sim.cancelOrder(orderId);
    expect(of(log, 'orderStatus').at(-1)).toMatchObject({
      orderId,
      status: 'Cancelled',
      reason: 'cancelled by user',
    });
    expect(sim.openOrders()).toEqual([]);
    sim.shock([{ symbol: 'AAPL', change: 30, unit: 'percent' }]);
    clock.advance(1000);
    expect(of(log, 'execution')).toEqual([]);
    await sim.cancelOrder(orderId);
    expect(of(log, 'error').at(-1)).toMatchObject({ code: '10147', orderId });
  });

  it('books a fill into positions and cash and publishes both', async () => {
    const { sim, clock, log } = await started();
    const put = await aaplPut(sim, 0.9);
    const cash = sim.accountSummary()!.cash;
    const count = sim.positions().length;
    await sim.placeOrder(limitOrder(put, 'BUY', 3, 100));
    const seen = log.length;
    clock.advance(250);
    const exec = of(log, 'execution')[0]!;
    const pos = sim.positions().find((p) => p.instrument.key === put.key)!;
    expect(pos).toMatchObject({ account: 'SIM-DEMO', quantity: 3, avgPrice: exec.price });
    expect(sim.positions()).toHaveLength(count + 1);
    expect(sim.accountSummary()!.cash).toBeCloseTo(cash - 3 * exec.price * 100 - 1.95, 6);
    const after = log.slice(seen).map((r) => r.event);
    expect(after.indexOf('positions')).toBeGreaterThan(after.indexOf('orderStatus'));
    expect(after).toContain('account');
  });

  it('realises P&L when buying back a short position and removes it at zero', async () => {
    const { sim, clock, log } = await started();
    const short = sim.positions().find((p) => p.instrument.symbol === 'TSLA' && p.quantity < 0)!;
    await sim.placeOrder(limitOrder(short.instrument, 'BUY', -short.quantity, 1000));
    clock.advance(250);
    const exec = of(log, 'execution')[0]!;
    const report = of(log, 'commission')[0]!;
    const expected = (short.avgPrice - exec.price) * 100 * -short.quantity - report.commission;
    expect(report.realizedPnl!).toBeCloseTo(expected, 6);
    expect(sim.positions().some((p) => p.instrument.key === short.instrument.key)).toBe(false);
  });

  it('moves only commission through cash for a futures fill', async () => {
    const { sim, clock } = await started();
    const [mes] = await sim.lookupContract({ symbol: 'MES', secType: 'FUT' });
    const cash = sim.accountSummary()!.cash;
    await sim.placeOrder(limitOrder(mes!, 'SELL', 1, 1));
    clock.advance(250);
    expect(sim.accountSummary()!.cash).toBeCloseTo(cash - 2.25, 6);
    expect(sim.positions().find((p) => p.instrument.key === mes!.key)?.quantity).toBe(-3);
  });
});
