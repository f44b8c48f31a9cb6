/**
 * The live book: the market cache's positions, quotes, broker Greeks and account values turned
 * into the engine's RiskBook at one instant, with staleness decided here (old quotes, a broker
 * that is not connected) so the engine can fail closed.
 */
import { describeInstrument, isOption, type Instrument } from '@shared/domain/instrument';
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

type Mark = (key: string | null | undefined) => { price: number | null; stale: boolean };

function marker(v: Pick<LiveBookInputs, 'cache' | 'now' | 'staleAfter'>): Mark {
  return (key) => {
    const q = key ? v.cache.quote(key) : undefined;
    const price = q?.mark ?? null;
    return { price, stale: price === null || !q || v.now - q.time > v.staleAfter.quoteMs };
  };
}

/**
 * One book line for an instrument from the cache's quotes and broker Greeks: a held position,
 * or a proposed leg (the order gate projects a trade with the same lines the book has).
 */
export function riskLine(
  v: Pick<LiveBookInputs, 'cache' | 'now' | 'staleAfter'>,
  inst: Instrument,
  quantity: number,
  id: string,
): RiskPosition {
  const mark = marker(v);
  const own = mark(inst.key);
  const opt = isOption(inst);
  const under = opt ? mark(inst.underlyingKey) : own;
  const greeks = opt ? v.cache.optionGreeks(inst.key) : undefined;
  return {
    id,
    description: inst.description || describeInstrument(inst),
    underlying: inst.symbol,
    secType: inst.secType as RiskPosition['secType'],
    quantity,
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
  };
}

/** The underlying entry for a line's symbol: its price, dividend yield and beta. */
export function underlyingFor(v: LiveBookInputs, line: RiskPosition): RiskUnderlying {
  const b = v.beta(line.underlying);
  return {
    symbol: line.underlying,
    price: line.underlyingPrice,
    dividendYield: v.dividendYield(line.underlying),
    beta: b.beta,
    betaSource: b.source,
  };
}

export function bookFromCache(v: LiveBookInputs): RiskBook {
  const { cache, now, staleAfter } = v;
  const mark = marker(v);
  const positions: RiskPosition[] = [];
  const underlyings = new Map<string, RiskUnderlying>();
  const list = cache.positions();
  for (const p of list) {
    if (p.instrument.secType === 'IND') continue;
    const line = riskLine(v, p.instrument, p.quantity, `${p.account}|${p.instrument.key}`);
    if (!underlyings.has(line.underlying)) underlyings.set(line.underlying, underlyingFor(v, line));
    positions.push(line);
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
