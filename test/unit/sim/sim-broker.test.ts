import { describe, expect, it } from 'vitest';
import { ConnectionStateSchema } from '@shared/domain/account';
import { InstrumentSchema } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import { OptionChainSchema, QuoteSchema } from '@shared/domain/market';
import type { SimStatus } from '@shared/domain/sim';
import { SimStatusSchema } from '@shared/domain/sim';
import { SimBroker } from '../../../src/main/broker/sim';
import { FakeClock } from '../../fakes/fake-clock';
import { FRIDAY_3PM, makeSim, of, optionOf, started, strikeNear } from './sim-helpers';

/** Runs a sim for `steps` steps with every demo line subscribed; returns all quotes seen. */
async function quotePath(seed: number, steps: number, speed = 1): Promise<Quote[]> {
  const { sim, clock } = await started({ seed, speed });
  const quotes: Quote[] = [];
  sim.events.on('quote', (q) => quotes.push(q));
  for (const p of sim.positions()) sim.subscribeMarketData(p.instrument);
  clock.advance(250 * steps);
  return quotes;
}

describe('SimBroker', () => {
  it('connects on start: connecting → connected, then positions and account', async () => {
    const { sim, log } = makeSim();
    expect(sim.connectionState().status).toBe('disconnected');
    await sim.start();
    const states = of(log, 'connection').map((s) => ConnectionStateSchema.parse(s));
    expect(states.map((s) => s.status)).toEqual(['connecting', 'connected']);
    expect(states[1]).toMatchObject({
      broker: 'sim',
      reason: 'simulator running',
      mode: 'simulated',
      account: 'SIM-DEMO',
      serverVersion: null,
    });
    expect(log.map((r) => r.event).slice(2, 4)).toEqual(['positions', 'account']);
    expect(sim.kind).toBe('sim');
    expect(sim.managedAccounts()).toEqual(['SIM-DEMO']);
  });

  it('stops: clears its timers and reports disconnected', async () => {
    const { sim, clock, log } = await started();
    await sim.placeOrder({
      action: 'BUY',
      quantity: 1,
      orderType: 'MKT',
      tif: 'DAY',
      legs: [{ instrument: sim.positions()[0]!.instrument, action: 'BUY', ratio: 1 }],
    });
    await sim.stop();
    expect(clock.pendingTimers()).toBe(0);
    expect(sim.connectionState()).toMatchObject({
      status: 'disconnected',
      reason: 'simulator stopped',
    });
    const steps = sim.status().steps;
    clock.advance(5000);
    expect(sim.status().steps).toBe(steps);
    expect(of(log, 'orderStatus')).toEqual([]);
  });

  it('produces identical quotes for the same seed and steps', async () => {
    const a = await quotePath(42, 40);
    const b = await quotePath(42, 40);
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it('produces a different path for a different seed', async () => {
    const a = await quotePath(42, 40);
    const b = await quotePath(43, 40);
    expect(b).not.toEqual(a);
  });

  it('keeps the market path independent of orders and subscriptions', async () => {
    const run = async (busy: boolean): Promise<Record<string, number>> => {
      const { sim, clock } = await started({ seed: 11 });
      if (busy) {
        for (const p of sim.positions()) sim.subscribeMarketData(p.instrument);
        await sim.placeOrder({
          action: 'BUY',
          quantity: 1,
          orderType: 'MKT',
          tif: 'DAY',
          legs: [{ instrument: sim.positions()[0]!.instrument, action: 'BUY', ratio: 1 }],
        });
      }
      clock.advance(5000);
      return sim.snapshot().prices;
    };
    expect(await run(true)).toEqual(await run(false));
  });

  it('stamps quotes with wall time while sim time runs at speed × wall time', async () => {
    const clock = new FakeClock(Date.parse('2030-01-02T10:00:00Z'));
    const sim = new SimBroker({ seed: 1, clock, startTime: FRIDAY_3PM, speed: 60 });
    await sim.start();
    const [spx] = await sim.lookupContract({ symbol: 'SPX', secType: 'IND' });
    sim.subscribeMarketData(spx!);
    const seen: Quote[] = [];
    sim.events.on('quote', (q) => seen.push(QuoteSchema.parse(q)));
    clock.advance(1000);
    expect(seen.at(-1)!.time).toBe(clock.now());
    expect(sim.status().simTime).toBe(FRIDAY_3PM + 60_000);
    expect(sim.status().steps).toBe(4);
  });

  it('stops sim time while paused, yet keeps quotes fresh about once a second', async () => {
    const { sim, clock } = await started();
    const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
    sim.subscribeMarketData(aapl!);
    const statuses: SimStatus[] = [];
    sim.onStatus((s) => statuses.push(SimStatusSchema.parse(s)));
    expect(sim.pause().running).toBe(false);
    const t = sim.status().simTime;
    const quotes: Quote[] = [];
    sim.events.on('quote', (q) => quotes.push(q));
    clock.advance(5000);
    expect(sim.status().simTime).toBe(t);
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    expect(quotes.length).toBeLessThanOrEqual(6);
    expect(new Set(quotes.map((q) => q.last)).size).toBe(1);
    sim.resume();
    clock.advance(1000);
    expect(sim.status().simTime).toBe(t + 1000);
    expect(statuses[0]!.running).toBe(false);
    expect(statuses.some((s) => s.running)).toBe(true);
  });

  it('changes speed within the allowed range and rejects others', async () => {
    const { sim, clock } = await started();
    const t = sim.status().simTime;
    expect(sim.setSpeed(100).speed).toBe(100);
    clock.advance(1000);
    expect(sim.status().simTime).toBe(t + 100_000);
    expect(() => sim.setSpeed(0)).toThrow(RangeError);
    expect(() => sim.setSpeed(5000)).toThrow(RangeError);
  });

  it('emits its status on changes and about once a wall second', async () => {
    const { sim, clock } = await started({ seed: 5 });
    const statuses: SimStatus[] = [];
    sim.onStatus((s) => statuses.push(s));
    clock.advance(5000);
    expect(statuses.length).toBeGreaterThanOrEqual(4);
    expect(statuses.length).toBeLessThanOrEqual(6);
    sim.shockSpec('SPX -2%');
    expect(statuses.at(-1)).toMatchObject({ seed: 5, lastShock: 'SPX -2%', running: true });
  });

  it('stops quotes and model values once unsubscribed', async () => {
    const { sim, clock } = await started();
    const spot = sim.snapshot().prices.QQQ!;
    const call = await optionOf(sim, 'QQQ', '2026-12-18', 'C', await strikeNear(sim, 'QQQ', spot));
    let quotes = 0;
    let models = 0;
    sim.events.on('quote', () => quotes++);
    sim.events.on('optionModel', () => models++);
    const sub = sim.subscribeMarketData(call);
    expect(sub.key).toBe(call.key);
    expect(sim.lastQuote(call.key)).not.toBeNull();
    clock.advance(1000);
    expect([quotes, models]).toEqual([4, 4]);
    sub.unsubscribe();
    sub.unsubscribe();
    clock.advance(1000);
    expect([quotes, models]).toEqual([4, 4]);
  });

  it('reports an error for market data on an unknown instrument', async () => {
    const { sim, log } = await started();
    const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
    sim.subscribeMarketData({ ...aapl!, key: 'STK:NOPE' });
    expect(of(log, 'error')[0]).toMatchObject({ code: '200', orderId: null });
  });

  it('looks up contracts as schema-valid instruments with stable contract ids', async () => {
    const { sim } = makeSim();
    const puts = await sim.lookupContract({
      symbol: 'SPX',
      secType: 'OPT',
      expiry: '2026-12-18',
      right: 'P',
    });
    expect(puts).toHaveLength((await sim.optionChain('SPX'))[0]!.strikes.length);
    const p5800 = puts.find((p) => p.strike === 5800)!;
    expect(InstrumentSchema.parse(p5800)).toMatchObject({
      key: 'OPT:SPX:2026-12-18:P:5800',
      description: 'SPX 18 Dec 26 5800 P',
      exchange: 'CBOE',
      exercise: 'european',
      underlyingKey: 'IND:SPX',
      multiplier: 100,
    });
    const again = await makeSim().sim.lookupContract({
      symbol: 'SPX',
      secType: 'OPT',
      expiry: '2026-12-18',
      right: 'P',
      strike: 5800,
    });
    expect(again[0]!.conId).toBe(p5800.conId);
    const [es] = await sim.lookupContract({ symbol: 'ES', secType: 'FUT' });
    expect(es).toMatchObject({ key: 'FUT:ES:2026-12-18', exchange: 'CME', multiplier: 50 });
    const [fop] = await sim.lookupContract({
      symbol: 'ES',
      secType: 'FOP',
      expiry: '2026-12-18',
      strike: 6000,
      right: 'C',
    });
    expect(InstrumentSchema.parse(fop)).toMatchObject({
      underlyingKey: 'FUT:ES:2026-12-18',
      multiplier: 50,
      exercise: 'american',
    });
    const [aapl] = await sim.lookupContract({ symbol: 'aapl', secType: 'STK' });
    expect(aapl).toMatchObject({ key: 'STK:AAPL', exchange: 'SMART', multiplier: 1 });
    expect(await sim.lookupContract({ symbol: 'ZZZ', secType: 'STK' })).toEqual([]);
  });

  it('returns one option chain per optionable underlying and none for VIX', async () => {
    const { sim } = makeSim();
    const [spx] = await sim.optionChain('SPX');
    expect(OptionChainSchema.parse(spx)).toMatchObject({
      underlying: 'SPX',
      secType: 'OPT',
      multiplier: 100,
      exercise: 'european',
    });
    const [es] = await sim.optionChain('FUT:ES:2026-12-18');
    expect(es).toMatchObject({ underlying: 'ES', secType: 'FOP', multiplier: 50 });
    expect(await sim.optionChain('VIX')).toEqual([]);
  });
});
