/**
 * Betas against the benchmark for beta-weighted delta: the user's table, then 1.0 for the
 * S&P 500 family, then one year of daily log returns, else 1.0 flagged as unavailable.
 */
import type { Benchmark, BetaSource } from '@shared/domain/risk';
import type { DailyBar } from '@shared/domain/market';

/** Returns used for a computed beta: one trading year. */
export const BETA_WINDOW = 252;
/** Fewer aligned returns than this and no beta is computed. */
export const BETA_MIN_RETURNS = 120;

/**
 * Tracks the S&P 500 one for one. ES and MES deltas are already index-equivalent, so their
 * beta is 1 whatever the benchmark.
 */
export const SP500_FAMILY: ReadonlySet<string> = new Set(['SPX', 'XSP', 'SPY', 'VOO', 'ES', 'MES']);

function closesByDate(bars: readonly DailyBar[]): Map<string, number> {
  const closes = new Map<string, number>();
  for (const bar of bars) {
    if (Number.isFinite(bar.close) && bar.close > 0) closes.set(bar.date, bar.close);
  }
  return closes;
}

/**
 * OLS beta (cov / var) of the symbol's daily log returns on the benchmark's, over the last
 * 252 returns. Only dates present in both series count, so a missing day in either spans the
 * same interval in both. Null with fewer than `minReturns` returns (default 120) or when the
 * benchmark did not move.
 */
export function betaFromBars(
  symbolBars: readonly DailyBar[],
  benchmarkBars: readonly DailyBar[],
  opts: { minReturns?: number } = {},
): { beta: number; returns: number } | null {
  const minReturns = opts.minReturns ?? BETA_MIN_RETURNS;
  const symbol = closesByDate(symbolBars);
  const bench = closesByDate(benchmarkBars);
  const dates = [...symbol.keys()].filter((d) => bench.has(d)).sort();
  const dates1y = dates.slice(-(BETA_WINDOW + 1));
  const rs: number[] = [];
  const rb: number[] = [];
  for (let i = 1; i < dates1y.length; i++) {
    const [d0, d1] = [dates1y[i - 1] as string, dates1y[i] as string];
    rs.push(Math.log((symbol.get(d1) as number) / (symbol.get(d0) as number)));
    rb.push(Math.log((bench.get(d1) as number) / (bench.get(d0) as number)));
  }
  const n = rs.length;
  if (n < Math.max(2, minReturns)) return null;
  const meanS = rs.reduce((a, b) => a + b, 0) / n;
  const meanB = rb.reduce((a, b) => a + b, 0) / n;
  let cov = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const db = (rb[i] as number) - meanB;
    cov += ((rs[i] as number) - meanS) * db;
    varB += db * db;
  }
  if (!(varB > 0)) return null;
  return { beta: cov / varB, returns: n };
}

export interface BetaSources {
  /** The risk matrix's table, symbol → beta. */
  user: Readonly<Record<string, number>>;
  /** Betas computed from daily bars against the benchmark. */
  computed: ReadonlyMap<string, number>;
}

/** User table → S&P 500 family (1.0, 'index') → computed → 1.0 'unavailable'. */
export function resolveBeta(
  symbol: string,
  benchmark: Benchmark,
  sources: BetaSources,
): { beta: number; source: BetaSource } {
  const key = symbol.toUpperCase();
  const user = sources.user[key];
  if (user !== undefined && Number.isFinite(user)) return { beta: user, source: 'user' };
  if (key === benchmark || SP500_FAMILY.has(key)) return { beta: 1, source: 'index' };
  const computed = sources.computed.get(key) ?? sources.computed.get(symbol);
  if (computed !== undefined && Number.isFinite(computed)) {
    return { beta: computed, source: 'computed' };
  }
  return { beta: 1, source: 'unavailable' };
}
