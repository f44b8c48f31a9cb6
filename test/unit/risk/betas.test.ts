import { describe, expect, it } from 'vitest';
import type { DailyBar } from '@shared/domain/market';
import { betaFromBars, resolveBeta } from '../../../src/main/risk/betas';

/** mulberry32: a small seeded generator, so the series are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function date(i: number): string {
  return new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

function bars(closes: number[], dates: string[]): DailyBar[] {
  return closes.map((close, i) => ({
    date: dates[i] ?? '',
    open: close,
    high: close,
    low: close,
    close,
    volume: 1_000,
  }));
}

/**
 * Benchmark log returns ~ N(0, 1 %); the symbol's are beta(i) × r_b + noise. Returns both
 * series of `n + 1` closes on consecutive dates.
 */
function series(n: number, beta: (i: number) => number, noise: number, seed = 1) {
  const next = rng(seed);
  const dates = Array.from({ length: n + 1 }, (_, i) => date(i));
  const b = [5_000];
  const s = [100];
  for (let i = 0; i < n; i++) {
    const rb = 0.01 * normal(next);
    const rs = beta(i) * rb + noise * normal(next);
    b.push((b[i] as number) * Math.exp(rb));
    s.push((s[i] as number) * Math.exp(rs));
  }
  return { symbol: bars(s, dates), bench: bars(b, dates) };
}

describe('betaFromBars', () => {
  it('recovers a known beta from noisy daily returns', () => {
    const { symbol, bench } = series(400, () => 1.5, 0.001);
    const result = betaFromBars(symbol, bench);
    expect(result?.returns).toBe(252);
    expect(result?.beta).toBeCloseTo(1.5, 1);
    expect(Math.abs((result?.beta ?? 0) - 1.5)).toBeLessThan(0.02);
  });

  it('uses only the last 252 returns', () => {
    // Beta 0.5 for the first 148 returns, 1.5 for the last 252: only the latter count.
    const { symbol, bench } = series(400, (i) => (i < 148 ? 0.5 : 1.5), 0);
    expect(betaFromBars(symbol, bench)?.beta).toBeCloseTo(1.5, 10);
  });

  it('aligns by date: gaps in either series and unsorted input do not shift returns', () => {
    const { symbol, bench } = series(300, () => 1.5, 0);
    const holed = symbol.filter((_, i) => i % 7 !== 3).reverse();
    const otherHoles = bench.filter((_, i) => i % 11 !== 5);
    const extra: DailyBar = { ...(bench[0] as DailyBar), date: '2023-06-01', close: 9_999 };
    const result = betaFromBars(holed, [extra, ...otherHoles]);
    expect(result?.beta).toBeCloseTo(1.5, 10);
    const aligned = symbol.filter((_, i) => i % 7 !== 3 && i % 11 !== 5).length;
    expect(result?.returns).toBe(Math.min(252, aligned - 1));
  });

  it('returns null with too few aligned returns, unless minReturns allows it', () => {
    const { symbol, bench } = series(100, () => 1.2, 0.001);
    expect(betaFromBars(symbol, bench)).toBeNull();
    expect(betaFromBars(symbol, bench, { minReturns: 50 })?.returns).toBe(100);
    const disjoint = bench.map((bar, i) => ({ ...bar, date: date(i + 1_000) }));
    expect(betaFromBars(symbol, disjoint, { minReturns: 2 })).toBeNull();
  });

  it('returns null when the benchmark never moves', () => {
    const { symbol, bench } = series(200, () => 1, 0.01);
    const flat = bench.map((bar) => ({ ...bar, close: 5_000 }));
    expect(betaFromBars(symbol, flat)).toBeNull();
  });

  it('skips bars without a positive close', () => {
    const { symbol, bench } = series(300, () => 0.8, 0);
    const broken = symbol.map((bar, i) => (i === 290 ? { ...bar, close: 0 } : bar));
    expect(betaFromBars(broken, bench)?.beta).toBeCloseTo(0.8, 10);
  });
});

describe('resolveBeta', () => {
  const computed = new Map([
    ['AAPL', 1.2],
    ['SPY', 0.98],
  ]);

  it('prefers the user table, even over the index family', () => {
    const sources = { user: { AAPL: 1.4, SPY: 0.9 }, computed };
    expect(resolveBeta('AAPL', 'SPX', sources)).toEqual({ beta: 1.4, source: 'user' });
    expect(resolveBeta('SPY', 'SPX', sources)).toEqual({ beta: 0.9, source: 'user' });
  });

  it('gives the S&P 500 family beta 1, futures included, whatever the benchmark', () => {
    const sources = { user: {}, computed };
    for (const symbol of ['SPX', 'XSP', 'SPY', 'VOO', 'ES', 'MES']) {
      expect(resolveBeta(symbol, 'SPY', sources)).toEqual({ beta: 1, source: 'index' });
    }
    expect(resolveBeta('MES', 'ES', sources)).toEqual({ beta: 1, source: 'index' });
  });

  it('then the computed beta, then 1.0 flagged unavailable', () => {
    const sources = { user: {}, computed };
    expect(resolveBeta('AAPL', 'SPX', sources)).toEqual({ beta: 1.2, source: 'computed' });
    expect(resolveBeta('aapl', 'SPX', sources)).toEqual({ beta: 1.2, source: 'computed' });
    expect(resolveBeta('NVDA', 'SPX', sources)).toEqual({ beta: 1, source: 'unavailable' });
  });
});
