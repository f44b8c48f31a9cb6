import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '@shared/domain/orders';
import type { SimBroker } from '../../../src/main/broker/sim';
import { limitOrder, of, optionOf, started, strikeNear } from './sim-helpers';

type Case = [string, (sim: SimBroker) => Promise<OrderRequest>, RegExp];

const cases: Case[] = [
  [
    'an unknown instrument',
    async (sim) => {
      const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
      return limitOrder({ ...aapl!, key: 'STK:ZZZZ', symbol: 'ZZZZ' }, 'BUY', 1, 10);
    },
    /unknown instrument STK:ZZZZ/,
  ],
  [
    'a strike the chain does not list',
    async (sim) => {
      const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
      const fake = { ...aapl!, key: 'OPT:AAPL:2026-12-18:P:231.7', secType: 'OPT' as const };
      return limitOrder(fake, 'BUY', 1, 1);
    },
    /unknown instrument OPT:AAPL:2026-12-18:P:231.7/,
  ],
  [
    'a quantity of zero',
    async (sim) => {
      const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
      return limitOrder(aapl!, 'BUY', 0, 200);
    },
    /quantity must be a whole number above 0/,
  ],
  [
    'a negative quantity',
    async (sim) => {
      const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
      return limitOrder(aapl!, 'BUY', -5, 200);
    },
    /quantity must be a whole number above 0 \(got -5\)/,
  ],
  [
    'a limit order without a limit price',
    async (sim) => {
      const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
      const { limitPrice: _drop, ...rest } = limitOrder(aapl!, 'BUY', 1, 200);
      return rest;
    },
    /limit order without a limit price/,
  ],
  [
    'legs on different underlyings',
    async (sim) => {
      const spx = sim.snapshot().prices.SPX!;
      const a = await optionOf(
        sim,
        'SPX',
        '2026-12-18',
        'P',
        await strikeNear(sim, 'SPX', spx * 0.95),
      );
      const b = await optionOf(
        sim,
        'SPY',
        '2026-12-18',
        'P',
        await strikeNear(sim, 'SPY', (spx / 10) * 0.95),
      );
      return {
        ...limitOrder(a, 'BUY', 1, 1),
        legs: [
          { instrument: a, action: 'SELL', ratio: 1 },
          { instrument: b, action: 'BUY', ratio: 10 },
        ],
      };
    },
    /legs on different underlyings \(SPX, SPY\) in one combo/,
  ],
  [
    'an index',
    async (sim) => {
      const [vix] = await sim.lookupContract({ symbol: 'VIX', secType: 'IND' });
      return limitOrder(vix!, 'BUY', 1, 20);
    },
    /IND:VIX is an index and cannot be traded/,
  ],
];

describe('order rejections', () => {
  it.each(cases)(
    'rejects %s with Inactive + error 201 and leaves the book alone',
    async (_, make, reason) => {
      const { sim, clock, log } = await started();
      const order = await make(sim);
      const positions = JSON.stringify(sim.positions());
      const cash = sim.accountSummary()!.cash;
      const { orderId } = await sim.placeOrder(order);
      clock.advance(2000);
      const status = of(log, 'orderStatus').filter((s) => s.orderId === orderId);
      expect(status).toHaveLength(1);
      expect(status[0]).toMatchObject({ status: 'Inactive', filled: 0 });
      expect(status[0]!.reason).toMatch(reason);
      const [error] = of(log, 'error');
      expect(error).toMatchObject({ code: '201', orderId });
      expect(error!.message).toMatch(/^Order rejected - reason: /);
      expect(error!.message).toMatch(reason);
      expect(of(log, 'execution')).toEqual([]);
      expect(JSON.stringify(sim.positions())).toBe(positions);
      expect(sim.accountSummary()!.cash).toBe(cash);
      expect(sim.openOrders()).toEqual([]);
    },
  );

  it('rejects an option that expired while the sim ran', async () => {
    const { sim, clock, log } = await started({ speed: 60 });
    const spot = sim.snapshot().prices.SPY!;
    const put = await optionOf(sim, 'SPY', '2026-11-20', 'P', await strikeNear(sim, 'SPY', spot));
    clock.advance(61_000); // 61 sim minutes: past today's 16:00 close
    const positions = JSON.stringify(sim.positions());
    const { orderId } = await sim.placeOrder(limitOrder(put, 'BUY', 1, 500));
    clock.advance(1000);
    expect(of(log, 'orderStatus').find((s) => s.orderId === orderId)).toMatchObject({
      status: 'Inactive',
      reason: `${put.key} has expired`,
    });
    expect(of(log, 'error')[0]).toMatchObject({ code: '201', orderId });
    expect(JSON.stringify(sim.positions())).toBe(positions);
  });

  it('lists every problem of an order at once', async () => {
    const { sim, clock, log } = await started();
    const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
    const { limitPrice: _drop, ...order } = limitOrder(aapl!, 'BUY', 0, 1);
    await sim.placeOrder(order);
    clock.advance(0);
    expect(of(log, 'orderStatus')[0]!.reason).toBe(
      'quantity must be a whole number above 0 (got 0); limit order without a limit price',
    );
  });
});
