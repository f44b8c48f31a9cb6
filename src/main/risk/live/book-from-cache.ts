/**
 * The live book: the market cache's positions, quotes, broker Greeks and account values turned
 * into the engine's RiskBook at one instant, with staleness decided here (old quotes, a broker
 * that is not connected) so the engine can fail closed.
 */
import { describeInstrument, isOption } from '@shared/domain/instrument';
import type { Benchmark, BetaSource } from '@shared/domain/risk';
import type { BrokerPosition } from '../../broker/port';
import type { MarketCache } from '../../market/market-cache';
import type { StaleAfter } from '../../market/positions-view';
import type { RiskBook, RiskPosition, RiskUnderlying } from '../engine/book';

export interface LiveBookInputs {
  cache: MarketCache;
  now: number;
  staleAfter: StaleAfter;
  benchmark: Benchmark;
  rate: number;
  dividendYield(symbol: string): number;
  beta(symbol: string): { beta: number; source: BetaSource };
  startOfDay: { nlv: number | null; basis: string };
}

/** Keys of the benchmark and volatility indexes the book reads. */
/** Benchmarks with one fixed instrument; ES is whichever future the book is on. */
const FIXED_BENCHMARK_KEYS = { SPX: 'IND:SPX', SPY: 'STK:SPY' } as const;
export const VIX_KEY = 'IND:VIX';
export const VIX3M_KEY = 'IND:VIX3M';
export const VVIX_KEY = 'IND:VVIX';

function benchmarkKey(benchmark: Benchmark, positions: readonly BrokerPosition[]): string | null {
  if (benchmark !== 'ES') return FIXED_BENCHMARK_KEYS[benchmark];
  // ES: the front future held (futures or the underlying of ES options), earliest expiry first.
  const keys = positions
    .map((p) => (p.instrument.secType === 'FUT' ? p.instrument.key : p.instrument.underlyingKey))
    .filter((k): k is string => k !== undefined && k.startsWith('FUT:ES:'))
    .sort();
  return keys[0] ?? null;
}

export function bookFromCache(v: LiveBookInputs): RiskBook {
  const { cache, now, staleAfter } = v;
  const mark = (key: string | null | undefined): { price: number | null; stale: boolean } => {
    const q = key ? cache.quote(key) : undefined;
    const price = q?.mark ?? null;
    return { price, stale: price === null || !q || now - q.time > staleAfter.quoteMs };
  };
  const positions: RiskPosition[] = [];
  const underlyings = new Map<string, RiskUnderlying>();
  const list = cache.positions();
  for (const p of list) {
    const inst = p.instrument;
    if (inst.secType === 'IND') continue;
    const own = mark(inst.key);
    const opt = isOption(inst);
    const under = opt ? mark(inst.underlyingKey) : own;
    const greeks = opt ? cache.optionGreeks(inst.key) : undefined;
    const symbol = inst.symbol;
    if (!underlyings.has(symbol)) {
      const b = v.beta(symbol);
      underlyings.set(symbol, {
        symbol,
        price: under.price,
        dividendYield: v.dividendYield(symbol),
        beta: b.beta,
        betaSource: b.source,
      });
    }
    positions.push({
      id: `${p.account}|${inst.key}`,
      description: inst.description || describeInstrument(inst),
      underlying: symbol,
      secType: inst.secType,
      quantity: p.quantity,
      multiplier: inst.multiplier,
      expiry: inst.expiry ?? null,
      settlement: inst.settlement ?? 'PM',
      option:
        opt && inst.right && inst.strike
          ? { right: inst.right, strike: inst.strike, exercise: inst.exercise ?? 'american' }
          : null,
      price: own.price,
      underlyingPrice: under.price,
      brokerGreeks: greeks
        ? {
            delta: greeks.delta,
            gamma: greeks.gamma,
            theta: greeks.theta,
            vega: greeks.vega,
            iv: greeks.iv,
            time: greeks.time,
          }
        : null,
      ivOverride: null,
      stale: own.stale || under.stale,
    });
  }
  const conn = cache.connection();
  const account = cache.account();
  const staleReason =
    conn.status !== 'connected'
      ? `broker ${conn.status === 'connecting' ? 'connecting' : 'down'}: ${conn.reason}`
      : null;
  return {
    valuationTime: now,
    rate: v.rate,
    benchmark: v.benchmark,
    benchmarkPrice: mark(benchmarkKey(v.benchmark, list)).price,
    underlyings,
    positions,
    account: {
      netLiquidation: account?.netLiquidation ?? null,
      excessLiquidity: account?.excessLiquidity ?? null,
      startOfDayNetLiquidation: v.startOfDay.nlv,
      startOfDayBasis: v.startOfDay.basis,
    },
    market: {
      vix: mark(VIX_KEY).price,
      vix3m: mark(VIX3M_KEY).price,
      vvix: mark(VVIX_KEY).price,
    },
    staleReason,
    greeksMaxAgeMs: staleAfter.greeksMs,
  };
}
