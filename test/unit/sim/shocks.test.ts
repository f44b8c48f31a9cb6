import { describe, expect, it } from 'vitest';
import type { OptionModel } from '@shared/domain/market';
import { MarketModel } from '../../../src/main/broker/sim/market-model';
import { SimShockError, applyShock } from '../../../src/main/broker/sim/shocks';
import { SYMBOL_INDEX } from '../../../src/main/broker/sim/universe';
import { FRIDAY_3PM, optionOf, started, strikeNear } from './sim-helpers';

const idx = (s: string): number => SYMBOL_INDEX.get(s)!;

function prices(m: MarketModel): Record<string, number> {
  return Object.fromEntries([...SYMBOL_INDEX].map(([s, i]) => [s, m.price(i)]));
}

function model(): MarketModel {
  const m = new MarketModel(1, FRIDAY_3PM, '2026-12-18');
  m.step(30);
  return m;
}

describe('market shocks', () => {
  it('moves SPY and ES exactly with SPX and QQQ by its beta of 1.15', () => {
    const m = model();
    const before = prices(m);
    applyShock(m, [{ symbol: 'SPX', change: -5, unit: 'percent' }]);
    const after = prices(m);
    const move = (s: string): number => after[s]! / before[s]! - 1;
    expect(move('SPX')).toBeCloseTo(-0.05, 10);
    expect(move('SPY')).toBeCloseTo(-0.05, 10);
    expect(move('ES')).toBeCloseTo(-0.05, 10);
    expect(move('MES')).toBeCloseTo(-0.05, 10);
    expect(move('QQQ')).toBeCloseTo(-0.0575, 10);
    expect(move('TSLA')).toBeCloseTo(-0.1, 10);
  });

  it('a down move raises VIX along the spot-vol relation; an up move lowers it', () => {
    const down = model();
    const vix = down.vix;
    applyShock(down, [{ symbol: 'SPX', change: -5, unit: 'percent' }]);
    expect(down.vix / vix).toBeCloseTo(Math.pow(0.95, -5), 9);
    expect(down.vix).toBeGreaterThan(vix);
    const up = model();
    applyShock(up, [{ symbol: 'SPX', change: 5, unit: 'percent' }]);
    expect(up.vix).toBeLessThan(vix);
    const own = model();
    applyShock(own, [
      { symbol: 'SPX', change: -5, unit: 'percent' },
      { symbol: 'VIX', change: 2, unit: 'points' },
    ]);
    expect(own.vix - vix).toBeCloseTo(2, 9); // a VIX move given with it wins
  });

  it.each([
    ['SPX', 1_000_000, /beyond the simulator's ±50% per shock/],
    ['SPX', -99.99, /beyond the simulator's ±50% per shock/],
    ['AAPL', 60, /beyond/],
    ['VIX', 900, /above 150/],
  ])('refuses %s %d%% and leaves the market alone', (symbol, change, why) => {
    const m = model();
    const before = prices(m);
    expect(() => applyShock(m, [{ symbol, change, unit: 'percent' }])).toThrow(SimShockError);
    try {
      applyShock(m, [{ symbol, change, unit: 'percent' }]);
    } catch (e) {
      expect((e as SimShockError).problems.join(' ')).toMatch(why);
    }
    expect(prices(m)).toEqual(before);
  });

  it('keeps index, futures and ETFs together at the largest shock allowed', () => {
    const m = model();
    const before = prices(m);
    applyShock(m, [{ symbol: 'SPX', change: -50, unit: 'percent' }]);
    const after = prices(m);
    for (const s of ['SPY', 'ES', 'MES']) expect(after[s]! / before[s]!).toBeCloseTo(0.5, 10);
  });

  it('lets an explicit move on a symbol override its beta move', () => {
    const m = model();
    const before = prices(m);
    applyShock(m, [
      { symbol: 'SPX', change: -5, unit: 'percent' },
      { symbol: 'NVDA', change: 3, unit: 'percent' },
    ]);
    expect(m.price(idx('NVDA')) / before.NVDA!).toBeCloseTo(1.03, 10);
    expect(m.price(idx('AAPL')) / before.AAPL!).toBeCloseTo(1 - 0.06, 10);
  });

  it('raises VIX by the points given and VIX3M by half as many', () => {
    const m = model();
    const before = prices(m);
    applyShock(m, [{ symbol: 'VIX', change: 10, unit: 'points' }]);
    expect(m.vix - before.VIX!).toBeCloseTo(10, 9);
    expect(m.vix3m - before.VIX3M!).toBeCloseTo(5, 9);
    expect(m.price(0)).toBe(before.SPX);
  });

  it('moves VIX3M by its own amount when it is given', () => {
    const m = model();
    const before = prices(m);
    applyShock(m, [
      { symbol: 'VIX', change: 10, unit: 'points' },
      { symbol: 'VIX3M', change: 2, unit: 'points' },
    ]);
    expect(m.vix3m - before.VIX3M!).toBeCloseTo(2, 9);
  });

  it('never takes VIX below its floor of 5', () => {
    const m = model();
    applyShock(m, [{ symbol: 'VIX', change: -90, unit: 'percent' }]);
    expect(m.vix).toBeCloseTo(5, 9);
  });

  it('rejects an unknown symbol with a clear problem and changes nothing', () => {
    const m = model();
    const before = prices(m);
    let caught: unknown;
    try {
      applyShock(m, [
        { symbol: 'SPX', change: -5, unit: 'percent' },
        { symbol: 'FOO', change: 1, unit: 'percent' },
      ]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SimShockError);
    expect((caught as SimShockError).problems).toEqual([
      expect.stringContaining('unknown symbol FOO'),
    ]);
    expect(prices(m)).toEqual(before);
  });

  it('rejects a points move that would leave a negative price', () => {
    const m = model();
    expect(() => applyShock(m, [{ symbol: 'AAPL', change: -500, unit: 'points' }])).toThrow(
      SimShockError,
    );
  });

  it('raises option prices, implied vols and out-of-the-money vega when VIX is shocked up', async () => {
    const { sim, clock } = await started();
    const spot = sim.snapshot().prices.SPX!;
    const atm = await optionOf(sim, 'SPX', '2026-12-18', 'C', await strikeNear(sim, 'SPX', spot));
    const otm = await optionOf(
      sim,
      'SPX',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPX', spot * 0.9),
    );
    sim.subscribeMarketData(atm);
    sim.subscribeMarketData(otm);
    const last = new Map<string, OptionModel>();
    sim.events.on('optionModel', (m) => last.set(m.key, m));
    clock.advance(250);
    const atmBefore = sim.lastQuote(atm.key)!;
    const otmBefore = last.get(otm.key)!;
    sim.shock([{ symbol: 'VIX', change: 15, unit: 'points' }]);
    const atmAfter = sim.lastQuote(atm.key)!;
    const otmAfter = last.get(otm.key)!;
    expect(atmAfter.mark!).toBeGreaterThan(atmBefore.mark! * 1.3);
    expect(otmAfter.iv!).toBeGreaterThan(otmBefore.iv! + 0.1);
    expect(otmAfter.vega!).toBeGreaterThan(otmBefore.vega! * 1.5);
    expect(sim.status().lastShock).toBe('VIX +15');
  });

  it('throws SimShockError from the broker for a bad spec, listing every problem', async () => {
    const { sim } = await started();
    expect(() => sim.shockSpec('SPX -5%, XYZ +3')).toThrow(/unknown symbol XYZ/);
    expect(() => sim.shockSpec('nonsense')).toThrow(SimShockError);
  });
});
