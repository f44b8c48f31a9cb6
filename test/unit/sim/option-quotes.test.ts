import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import type { OptionModel, Quote } from '@shared/domain/market';
import { yearsToExpiry } from '@shared/domain/time';
import { black76Inputs, bsGreeks, bsmInputs } from '../../../src/main/risk/pricing/black-scholes';
import type { SimBroker } from '../../../src/main/broker/sim';
import { instrumentTick, onTick } from '../../../src/main/broker/sim/ticks';
import { specOf } from '../../../src/main/broker/sim/universe';
import { optionOf, started, strikeNear } from './sim-helpers';

const RATE = 0.045;

/** A spread of lines: every optionable root, three expiries, strikes from −15 % to +15 %. */
async function sampleOptions(sim: SimBroker): Promise<Instrument[]> {
  const out: Instrument[] = [];
  for (const root of ['SPX', 'SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA', 'NVDA', 'ES']) {
    const [chain] = await sim.optionChain(root);
    const spot = sim.snapshot().prices[root]!;
    const e = chain!.expirations;
    for (const expiry of [e[1]!, e[Math.floor(e.length / 2)]!, e.at(-1)!]) {
      for (const m of [0.85, 0.95, 1, 1.05, 1.15]) {
        const strike = await strikeNear(sim, root, spot * m);
        for (const right of ['C', 'P'] as const)
          out.push(await optionOf(sim, root, expiry, right, strike));
      }
    }
  }
  return out;
}

function collect(sim: SimBroker): { models: Map<string, OptionModel>; quotes: Map<string, Quote> } {
  const models = new Map<string, OptionModel>();
  const quotes = new Map<string, Quote>();
  sim.events.on('optionModel', (m) => models.set(m.key, m));
  sim.events.on('quote', (q) => quotes.set(q.key, q));
  return { models, quotes };
}

describe('option quotes and model values', () => {
  it('quotes bid ≤ mark ≤ ask, bid ≥ 0, both on the product’s tick', async () => {
    const { sim, clock } = await started();
    const lines = await sampleOptions(sim);
    for (const inst of lines) sim.subscribeMarketData(inst);
    clock.advance(250);
    for (const inst of lines) {
      const q = sim.lastQuote(inst.key)!;
      expect(q.bid!).toBeGreaterThanOrEqual(0);
      expect(q.bid!).toBeLessThanOrEqual(q.mark!);
      expect(q.mark!).toBeLessThanOrEqual(q.ask!);
      expect(q.ask!).toBeGreaterThan(q.bid!);
      expect(onTick(q.bid!, instrumentTick(inst, q.bid!)), `${inst.key} bid ${q.bid}`).toBe(true);
      expect(onTick(q.ask!, instrumentTick(inst, q.ask!)), `${inst.key} ask ${q.ask}`).toBe(true);
      expect(q.bidSize!).toBeGreaterThanOrEqual(10);
      expect(q.askSize!).toBeLessThanOrEqual(200);
    }
  });

  it('keeps put-call parity on model prices (BSM with yield; Black-76 for ES options)', async () => {
    const { sim, clock } = await started();
    const lines = await sampleOptions(sim);
    for (const inst of lines) sim.subscribeMarketData(inst);
    const { models } = collect(sim);
    clock.advance(250);
    const now = sim.status().simTime;
    for (let i = 0; i < lines.length; i += 2) {
      const call = models.get(lines[i]!.key)!;
      const put = models.get(lines[i + 1]!.key)!;
      const inst = lines[i]!;
      const t = yearsToExpiry(inst.expiry!, now, inst.settlement);
      const s = call.underlyingPrice!;
      const k = inst.strike!;
      const q = specOf(inst.symbol)!.divYield;
      const forwardValue =
        inst.secType === 'FOP'
          ? Math.exp(-RATE * t) * (s - k)
          : s * Math.exp(-q * t) - k * Math.exp(-RATE * t);
      expect(call.modelPrice! - put.modelPrice!).toBeCloseTo(forwardValue, 6);
    }
  });

  it('reports Greeks per share in broker units: vega per vol point, theta per day', async () => {
    const { sim, clock } = await started();
    const spot = sim.snapshot().prices.SPX!;
    const spxPut = await optionOf(
      sim,
      'SPX',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPX', spot * 0.95),
    );
    const esCall = await optionOf(
      sim,
      'ES',
      '2026-12-18',
      'C',
      await strikeNear(sim, 'ES', spot * 1.03),
    );
    sim.subscribeMarketData(spxPut);
    sim.subscribeMarketData(esCall);
    const { models } = collect(sim);
    clock.advance(250);
    // The December SPX monthly and the ES quarterly both settle AM, at the 09:30 print.
    expect([spxPut.settlement, esCall.settlement]).toEqual(['AM', 'AM']);
    const t = yearsToExpiry('2026-12-18', sim.status().simTime, 'AM');
    const check = (m: OptionModel, expected: ReturnType<typeof bsGreeks>): void => {
      expect(m.modelPrice!).toBeCloseTo(expected.price, 8);
      expect(m.delta!).toBeCloseTo(expected.delta, 10);
      expect(m.gamma!).toBeCloseTo(expected.gamma, 10);
      expect(m.vega!).toBeCloseTo(expected.vega * 0.01, 10);
      expect(m.theta!).toBeCloseTo(expected.theta / 365, 10);
    };
    const p = models.get(spxPut.key)!;
    check(p, bsGreeks(bsmInputs('P', p.underlyingPrice!, spxPut.strike!, t, RATE, 0.013, p.iv!)));
    expect(p.delta!).toBeLessThan(0);
    expect(p.theta!).toBeLessThan(0);
    expect(p.vega!).toBeGreaterThan(0);
    expect(p.vega!).toBeLessThan(10); // per vol point per share: a few dollars, not hundreds
    const c = models.get(esCall.key)!;
    check(c, bsGreeks(black76Inputs('C', c.underlyingPrice!, esCall.strike!, t, RATE, c.iv!)));
  });

  it('puts more implied vol on low strikes than high ones (put skew)', async () => {
    const { sim, clock } = await started();
    const spot = sim.snapshot().prices.SPX!;
    const low = await optionOf(
      sim,
      'SPX',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPX', spot * 0.9),
    );
    const atm = await optionOf(sim, 'SPX', '2026-12-18', 'P', await strikeNear(sim, 'SPX', spot));
    const high = await optionOf(
      sim,
      'SPX',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPX', spot * 1.1),
    );
    for (const i of [low, atm, high]) sim.subscribeMarketData(i);
    const { models } = collect(sim);
    clock.advance(250);
    const iv = (i: Instrument): number => models.get(i.key)!.iv!;
    expect(iv(low)).toBeGreaterThan(iv(atm));
    expect(iv(atm)).toBeGreaterThan(iv(high) - 0.001);
    expect(iv(atm)).toBeGreaterThan(0.1);
    expect(iv(atm)).toBeLessThan(0.25);
  });

  it('values an expired option at intrinsic with delta 0 or ±1 and no other Greeks', async () => {
    const { sim, clock } = await started({ speed: 60 });
    // SPY's 0-DTE settles PM (SPX's only line today is the AM monthly, settled at 09:30).
    const spot = sim.snapshot().prices.SPY!;
    const strikes = [spot * 0.99, spot * 1.01];
    const lines: Instrument[] = [];
    for (const x of strikes) {
      const k = await strikeNear(sim, 'SPY', x);
      for (const r of ['C', 'P'] as const)
        lines.push(await optionOf(sim, 'SPY', '2026-11-20', r, k));
    }
    for (const i of lines) sim.subscribeMarketData(i);
    const { models } = collect(sim);
    clock.advance(61_000); // 61 sim minutes: past 16:00
    for (const inst of lines) {
      const m = models.get(inst.key)!;
      const q = sim.lastQuote(inst.key)!;
      const s = m.underlyingPrice!;
      const intrinsic = Math.max(0, inst.right === 'C' ? s - inst.strike! : inst.strike! - s);
      expect(m.modelPrice!).toBeCloseTo(intrinsic, 9);
      expect(q.bid).toBe(q.ask);
      expect(q.mark!).toBeCloseTo(intrinsic, 2);
      expect([0, 1, -1]).toContain(m.delta);
      expect(m.delta === 0).toBe(intrinsic === 0);
      expect([m.gamma, m.vega, m.theta]).toEqual([0, 0, 0]);
    }
  });

  it('reports "not computed" Greeks on about 1 model tick in 200, repeatably', async () => {
    const runOnce = async (): Promise<string[]> => {
      const { sim, clock } = await started();
      const lines = (await sampleOptions(sim)).slice(0, 60);
      for (const i of lines) sim.subscribeMarketData(i);
      const missing: string[] = [];
      let ticks = 0;
      sim.events.on('optionModel', (m) => {
        ticks++;
        if (m.delta === null) {
          expect([m.gamma, m.vega, m.theta]).toEqual([null, null, null]);
          expect(m.iv).not.toBeNull();
          expect(m.modelPrice).not.toBeNull();
          missing.push(`${ticks}:${m.key}`);
        }
      });
      clock.advance(250 * 200);
      expect(ticks).toBe(60 * 200);
      return missing;
    };
    const first = await runOnce();
    expect(first.length).toBeGreaterThan(20);
    expect(first.length).toBeLessThan(110);
    expect(await runOnce()).toEqual(first);
  });

  it('publishes indexes as a last value only, shares on cents in round lots, futures on 0.25', async () => {
    const { sim, clock } = await started();
    const [spx] = await sim.lookupContract({ symbol: 'SPX', secType: 'IND' });
    const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
    const [es] = await sim.lookupContract({ symbol: 'ES', secType: 'FUT' });
    for (const i of [spx!, aapl!, es!]) sim.subscribeMarketData(i);
    clock.advance(250);
    const qi = sim.lastQuote(spx!.key)!;
    expect([qi.bid, qi.ask, qi.bidSize]).toEqual([null, null, null]);
    expect(qi.mark).toBe(qi.last);
    const qs = sim.lastQuote(aapl!.key)!;
    expect(onTick(qs.bid!, 0.01) && onTick(qs.ask!, 0.01)).toBe(true);
    expect(qs.ask!).toBeGreaterThan(qs.bid!);
    expect(qs.bidSize! % 100).toBe(0);
    const qf = sim.lastQuote(es!.key)!;
    expect(onTick(qf.bid!, 0.25) && qf.ask! - qf.bid! === 0.25).toBe(true);
  });
});
