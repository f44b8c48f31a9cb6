import { describe, expect, it } from 'vitest';
import { DailyBarSchema } from '@shared/domain/market';
import { weekday } from '@shared/domain/time';
import type { DailyBar } from '@shared/domain/market';
import { specOf } from '../../../src/main/broker/sim/universe';
import { makeSim } from './sim-helpers';

function logReturns(bars: DailyBar[]): number[] {
  return bars.slice(1).map((b, i) => Math.log(b.close / bars[i]!.close));
}

function beta(stock: number[], market: number[]): number {
  const n = market.length;
  const ms = stock.reduce((a, b) => a + b, 0) / n;
  const mm = market.reduce((a, b) => a + b, 0) / n;
  let cov = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    cov += (stock[i]! - ms) * (market[i]! - mm);
    v += (market[i]! - mm) ** 2;
  }
  return cov / v;
}

describe('historical daily bars', () => {
  it('gives a year of weekday bars ending on the start date at the start price', async () => {
    const { sim } = makeSim();
    const bars = await sim.historicalDaily('AAPL', 252);
    expect(bars).toHaveLength(252);
    for (const b of bars) {
      DailyBarSchema.parse(b);
      expect([1, 2, 3, 4, 5]).toContain(weekday(b.date));
      expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
      expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
    }
    expect(bars.map((b) => b.date)).toEqual([...bars.map((b) => b.date)].sort());
    expect(bars.at(-1)!.date).toBe('2026-11-20');
    expect(bars.at(-1)!.close).toBeCloseTo(sim.snapshot().prices.AAPL!, 2);
  });

  it('reproduces the configured betas over one year, within ±0.25', async () => {
    const { sim } = makeSim({ seed: 99 });
    const spx = logReturns(await sim.historicalDaily('SPX', 253));
    for (const sym of ['SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA', 'NVDA']) {
      const r = logReturns(await sim.historicalDaily(sym, 253));
      expect(Math.abs(beta(r, spx) - specOf(sym)!.beta), sym).toBeLessThan(0.25);
    }
    const es = logReturns(await sim.historicalDaily('FUT:ES:2026-12-18', 253));
    expect(Math.abs(beta(es, spx) - 1)).toBeLessThan(0.05);
  });

  it('gives SPX a realistic annual vol and VIX a positive history', async () => {
    const { sim } = makeSim({ seed: 3 });
    const r = logReturns(await sim.historicalDaily('SPX', 253));
    const vol = Math.sqrt((r.reduce((a, x) => a + x * x, 0) / r.length) * 252);
    expect(vol).toBeGreaterThan(0.1);
    expect(vol).toBeLessThan(0.25);
    const tsla = logReturns(await sim.historicalDaily('TSLA', 253));
    const tslaVol = Math.sqrt((tsla.reduce((a, x) => a + x * x, 0) / tsla.length) * 252);
    expect(tslaVol).toBeGreaterThan(0.4);
    const vix = await sim.historicalDaily('VIX', 252);
    expect(Math.min(...vix.map((b) => b.low))).toBeGreaterThan(0);
    expect(vix.at(-1)!.close).toBeCloseTo(sim.snapshot().prices.VIX!, 2);
  });

  it('is deterministic for a seed and does not change as the sim runs', async () => {
    const { sim, clock } = makeSim({ seed: 5 });
    const before = await sim.historicalDaily('NVDA', 100);
    await sim.start();
    clock.advance(5000);
    expect(await sim.historicalDaily('NVDA', 100)).toEqual(before);
    expect(await makeSim({ seed: 5 }).sim.historicalDaily('NVDA', 100)).toEqual(before);
    expect(await makeSim({ seed: 6 }).sim.historicalDaily('NVDA', 100)).not.toEqual(before);
  });

  it('rejects an unknown symbol', async () => {
    await expect(makeSim().sim.historicalDaily('ZZZ', 10)).rejects.toThrow(/unknown symbol ZZZ/);
  });
});
