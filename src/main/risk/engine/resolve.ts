/**
 * The Greeks source policy, position by position: broker model Greeks when fresh and sane,
 * else the local model at the implied vol of the option's mid (or the given iv), else none —
 * flagged with the reason and kept out of every sum. Also the β-delta of each position
 * (dollar-beta formula, docs/risk-engine.md).
 */
import { daysToExpiry, yearsToExpiry } from '@shared/domain/time';
import type { Settlement } from '@shared/domain/instrument';
import type { GreeksSource } from '@shared/domain/positions';
import { brokerGreeksProblem } from './broker-greeks';
import type { RiskBook, RiskPosition } from './book';
import { carryFor, modelFor, type OptionPricer, type OptionSpec } from './pricer';

const DAYS_PER_YEAR = 365;

/** Position Greeks in trader units: share-equivalents, $/day, $/vol point. */
export interface Greeks {
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
}

export interface ResolvedPosition {
  pos: RiskPosition;
  dte: number | null;
  /** Option model inputs (without vol); null for stock and futures. */
  spec: OptionSpec | null;
  /** Vol used to revalue the option in scenarios; null when unknown. */
  vol: number | null;
  greeks: Greeks | null;
  source: GreeksSource;
  ageMs: number | null;
  iv: number | null;
  /** Why there are no Greeks (source none), or why the broker's were refused (source local). */
  problem: string | null;
  beta: number;
  /** Benchmark share-equivalents; null without Greeks or prices. */
  betaDelta: number | null;
}

export function resolvePositions(book: RiskBook, pricer: OptionPricer): ResolvedPosition[] {
  const out = new Array<ResolvedPosition>(book.positions.length);
  const clock = expiryClock(book.valuationTime);
  for (let i = 0; i < book.positions.length; i++) {
    out[i] = resolvePosition(book, book.positions[i]!, pricer, clock);
  }
  return out;
}

export interface ExpiryClock {
  dte(expiry: string, settlement?: Settlement): number;
  years(expiry: string, settlement?: Settlement): number;
}

/** DTE and years to settlement at one valuation time, computed once per expiry and AM/PM. */
export function expiryClock(now: number): ExpiryClock {
  const dte = new Map<string, number>();
  const years = new Map<string, number>();
  return {
    dte(expiry, settlement = 'PM') {
      const key = settlement + expiry;
      let d = dte.get(key);
      if (d === undefined) dte.set(key, (d = daysToExpiry(expiry, now, settlement)));
      return d;
    },
    years(expiry, settlement = 'PM') {
      const key = settlement + expiry;
      let y = years.get(key);
      if (y === undefined) years.set(key, (y = yearsToExpiry(expiry, now, settlement)));
      return y;
    },
  };
}

export function resolvePosition(
  book: RiskBook,
  pos: RiskPosition,
  pricer: OptionPricer,
  clock: ExpiryClock = expiryClock(book.valuationTime),
): ResolvedPosition {
  const u = book.underlyings.get(pos.underlying);
  const beta = u?.beta ?? 1;
  const dte = pos.expiry ? clock.dte(pos.expiry, pos.settlement) : null;
  const base = { pos, dte, beta };
  if (!pos.option) return linear(book, base);
  const units = pos.multiplier * pos.quantity;
  const S = pos.underlyingPrice;
  const t = clock.years(pos.expiry ?? '', pos.settlement);
  const spec: OptionSpec | null =
    S !== null && S > 0
      ? {
          model: modelFor(pos),
          right: pos.option.right,
          spot: S,
          strike: pos.option.strike,
          t,
          rate: book.rate,
          carry: carryFor(pos, book.rate, u?.dividendYield ?? 0),
        }
      : null;
  const none = (problem: string, vol: number | null = null): ResolvedPosition => ({
    ...base,
    spec,
    vol,
    greeks: null,
    source: 'none',
    ageMs: null,
    iv: vol,
    problem,
    betaDelta: null,
  });
  let solved: ReturnType<typeof impliedVol> | undefined;
  const implied = (): ReturnType<typeof impliedVol> =>
    (solved ??= spec ? impliedVol(pos, spec, pricer) : null);
  const bg = pos.brokerGreeks;
  const brokerAge = bg ? book.valuationTime - bg.time : null;
  const fresh = bg !== null && brokerAge !== null && brokerAge <= book.greeksMaxAgeMs;
  const refused = fresh ? brokerGreeksProblem(bg, pos.option.right, S, pos.option.strike) : null;
  if (bg && fresh && refused === null) {
    const perShareTheta =
      spec && pos.price !== null ? lastDayTheta(bg.theta, pos.price, spec) : bg.theta;
    const greeks = {
      delta: bg.delta * units,
      gamma: bg.gamma * units,
      theta: perShareTheta * units,
      vega: bg.vega * units,
    };
    const iv = bg.iv ?? pos.ivOverride;
    const fallback = iv === null ? implied() : null;
    const vol = iv ?? (fallback?.ok ? fallback.vol : null);
    return withGreeks(book, base, greeks, { spec, vol, source: 'broker', ageMs: brokerAge });
  }
  if (!spec) return none(refused ? `${refused}; no underlying price` : 'no underlying price');
  if (t <= 0) {
    // Expired today after the close: intrinsic only, no time value left to model.
    const itm = pos.option.right === 'C' ? S! > pos.option.strike : S! < pos.option.strike;
    const sign = pos.option.right === 'C' ? 1 : -1;
    const greeks = { delta: itm ? sign * units : 0, gamma: 0, theta: 0, vega: 0 };
    return withGreeks(book, base, greeks, { spec, vol: null, source: 'local', ageMs: 0 }, refused);
  }
  const solvedVol = implied();
  const after = refused ? `${refused}; ` : '';
  if (!solvedVol) return none(`${after}no mid price to solve implied volatility`);
  if (!solvedVol.ok) return none(`${after}implied volatility: ${solvedVol.message}`);
  const m = pricer.greeks(spec, solvedVol.vol);
  const greeks = {
    delta: m.delta * units,
    gamma: m.gamma * units,
    theta: lastDayTheta(m.theta / DAYS_PER_YEAR, m.price, spec) * units,
    vega: (m.vega / 100) * units,
  };
  const rest = { spec, vol: solvedVol.vol, source: 'local' as const, ageMs: 0 };
  return withGreeks(book, base, greeks, rest, refused && `${refused}: local model used`);
}

type Base = { pos: RiskPosition; dte: number | null; beta: number };

const ONE_DAY_YEARS = 1 / DAYS_PER_YEAR;

/**
 * Theta per share per day. With less than a day left the instantaneous rate overstates the day
 * (it grows without bound towards expiry): what a day can take is the time value left, all of
 * it, so theta is minus the time value — never more than the option is worth above intrinsic.
 */
export function lastDayTheta(thetaPerDay: number, price: number, spec: OptionSpec): number {
  if (spec.t >= ONE_DAY_YEARS) return thetaPerDay;
  const intrinsic = Math.max(
    0,
    spec.right === 'C' ? spec.spot - spec.strike : spec.strike - spec.spot,
  );
  const timeValue = Math.max(0, price - intrinsic);
  return -timeValue;
}

/**
 * A resolved position with Greeks from `source`; β-delta from its delta. Greeks that are not
 * all finite (a model breakdown, an overflow) leave the position without Greeks instead.
 */
function withGreeks(
  book: RiskBook,
  base: Base,
  greeks: Greeks,
  rest: { spec: OptionSpec | null; vol: number | null; source: GreeksSource; ageMs: number },
  note: string | null = null,
): ResolvedPosition {
  const betaDelta = betaDeltaOf(
    greeks.delta,
    base.pos.underlyingPrice,
    base.beta,
    book.benchmarkPrice,
  );
  const values = [greeks.delta, greeks.gamma, greeks.theta, greeks.vega, betaDelta ?? 0];
  if (!values.every(Number.isFinite) || (rest.vol !== null && !Number.isFinite(rest.vol))) {
    return {
      ...base,
      ...rest,
      greeks: null,
      source: 'none',
      ageMs: null,
      iv: null,
      problem: `${rest.source} Greeks are not finite`,
      betaDelta: null,
    };
  }
  return { ...base, ...rest, greeks, iv: rest.vol, problem: note, betaDelta };
}

function impliedVol(
  pos: RiskPosition,
  spec: OptionSpec,
  pricer: OptionPricer,
): { ok: true; vol: number } | { ok: false; message: string } | null {
  if (pos.ivOverride !== null) return { ok: true, vol: pos.ivOverride };
  if (pos.price === null) return null;
  if (spec.t <= 0) return { ok: false, message: 'the option has expired' };
  return pricer.impliedVol(spec, pos.price);
}

/** Stock and futures: delta is the position itself (futures in index units), nothing else. */
function linear(book: RiskBook, base: Base): ResolvedPosition {
  const delta = base.pos.multiplier * base.pos.quantity;
  const greeks = { delta, gamma: 0, theta: 0, vega: 0 };
  return withGreeks(book, base, greeks, { spec: null, vol: null, source: 'local', ageMs: 0 });
}

/** beta_delta = Δ·mult·qty · S · β / S_B, in benchmark share-equivalents. */
export function betaDeltaOf(
  shareDelta: number,
  underlyingPrice: number | null,
  beta: number,
  benchmarkPrice: number | null,
): number | null {
  if (underlyingPrice === null || benchmarkPrice === null || !(benchmarkPrice > 0)) return null;
  return (shareDelta * underlyingPrice * beta) / benchmarkPrice;
}
