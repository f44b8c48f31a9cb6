/**
 * Sums resolved positions per underlying, per expiry, per DTE bucket and for the book.
 * Positions without Greeks are counted in coverage and left out of every sum.
 */
import type {
  Coverage,
  DteBucket,
  ExpiryRisk,
  GammaBucket,
  GreekTotals,
  UnderlyingRisk,
} from '@shared/domain/risk';
import { DTE_BUCKETS } from '@shared/domain/risk';
import type { RiskBook } from './book';
import type { ResolvedPosition } from './resolve';

export interface Aggregates {
  totals: GreekTotals;
  byUnderlying: UnderlyingRisk[];
  byExpiry: ExpiryRisk[];
  gammaByDte: GammaBucket[];
  coverage: Coverage;
  /** Σ ½·Γ·(S·1%)² over the book, $: the gamma P&L of a 1% move of every underlying. */
  gammaPnl1Pct: number;
}

export function zeroTotals(): GreekTotals {
  return {
    delta: 0,
    deltaDollars: 0,
    betaDelta: 0,
    betaDeltaDollars: 0,
    gamma: 0,
    theta: 0,
    vega: 0,
  };
}

function add(t: GreekTotals, r: ResolvedPosition, benchmarkPrice: number): void {
  const g = r.greeks!;
  const S = r.pos.underlyingPrice ?? 0;
  t.delta += g.delta;
  t.deltaDollars += g.delta * S;
  t.betaDelta += r.betaDelta ?? 0;
  t.betaDeltaDollars += (r.betaDelta ?? 0) * benchmarkPrice;
  t.gamma += g.gamma;
  t.theta += g.theta;
  t.vega += g.vega;
}

export function dteBucket(dte: number): DteBucket {
  if (dte <= 2) return '0-2';
  if (dte <= 7) return '3-7';
  if (dte <= 30) return '8-30';
  if (dte <= 60) return '31-60';
  return '>60';
}

export function aggregate(book: RiskBook, resolved: readonly ResolvedPosition[]): Aggregates {
  const bp = book.benchmarkPrice ?? 0;
  const totals = zeroTotals();
  const under = new Map<string, UnderlyingRisk>();
  const expiries = new Map<string, ExpiryRisk>();
  const buckets = new Map<DteBucket, GammaBucket>(
    DTE_BUCKETS.map((b) => [b, { bucket: b, gamma: 0, gammaDollarsPer1Pct: 0 }]),
  );
  const coverage = { positions: resolved.length, withGreeks: 0, broker: 0, local: 0, none: 0 };
  let gammaPnl1Pct = 0;
  for (const r of resolved) {
    coverage[r.source]++;
    const u = underlyingEntry(under, book, r);
    u.positions++;
    const e = r.pos.expiry !== null && r.dte !== null ? expiryEntry(expiries, r) : null;
    if (e) e.positions++;
    if (!r.greeks) continue;
    coverage.withGreeks++;
    add(totals, r, bp);
    add(u, r, bp);
    if (e) add(e, r, bp);
    const S = r.pos.underlyingPrice ?? 0;
    gammaPnl1Pct += 0.5 * r.greeks.gamma * (S * 0.01) ** 2;
    if (r.pos.option && r.dte !== null) {
      const b = buckets.get(dteBucket(r.dte))!;
      b.gamma += r.greeks.gamma;
      b.gammaDollarsPer1Pct += r.greeks.gamma * S * S * 0.01;
    }
  }
  const byUnderlying = [...under.values()].sort((a, b) => a.underlying.localeCompare(b.underlying));
  shares(byUnderlying);
  return {
    totals,
    byUnderlying,
    byExpiry: [...expiries.values()].sort((a, b) => a.expiry.localeCompare(b.expiry)),
    gammaByDte: [...buckets.values()],
    coverage: {
      ...coverage,
      percent: resolved.length === 0 ? 100 : (coverage.withGreeks / resolved.length) * 100,
    },
    gammaPnl1Pct,
  };
}

function underlyingEntry(
  map: Map<string, UnderlyingRisk>,
  book: RiskBook,
  r: ResolvedPosition,
): UnderlyingRisk {
  const sym = r.pos.underlying;
  let u = map.get(sym);
  if (!u) {
    const info = book.underlyings.get(sym);
    u = {
      underlying: sym,
      price: info?.price ?? r.pos.underlyingPrice,
      beta: info?.beta ?? 1,
      betaSource: info?.betaSource ?? 'unavailable',
      positions: 0,
      vegaShare: 0,
      betaDeltaShare: 0,
      ...zeroTotals(),
    };
    map.set(sym, u);
  }
  return u;
}

function expiryEntry(map: Map<string, ExpiryRisk>, r: ResolvedPosition): ExpiryRisk {
  const expiry = r.pos.expiry!;
  let e = map.get(expiry);
  if (!e) {
    e = { expiry, dte: r.dte!, positions: 0, ...zeroTotals() };
    map.set(expiry, e);
  }
  return e;
}

/** Each underlying's share of the book's gross |vega| and |β-delta|, percent. */
function shares(list: UnderlyingRisk[]): void {
  let vega = 0;
  let betaDelta = 0;
  for (const u of list) {
    vega += Math.abs(u.vega);
    betaDelta += Math.abs(u.betaDelta);
  }
  for (const u of list) {
    u.vegaShare = vega > 0 ? (Math.abs(u.vega) / vega) * 100 : 0;
    u.betaDeltaShare = betaDelta > 0 ? (Math.abs(u.betaDelta) / betaDelta) * 100 : 0;
  }
}
