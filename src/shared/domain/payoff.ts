/**
 * Trade analytics for the order ticket: P&L at the first expiry and today, the curve for the
 * chart, max profit and loss, breakevens and the probability of profit. Options are valued
 * with Black–Scholes (European, no dividends: src/shared/math/black-scholes.ts) at each leg's
 * own IV; a leg without an IV counts at intrinsic value. Dollars throughout.
 */
import { blackScholes, intrinsic } from '../math/black-scholes';
import type { ComboLeg, LegQuote, QuoteSource } from '../math/combo';
import { comboMultiplier, legWeight } from '../math/combo';
import { normCdf } from '../math/normal';
import type { Settlement } from './instrument';
import { isOption } from './instrument';
import type { Action } from './orders';
import { expiryInstant, MS_PER_YEAR, yearsToExpiry } from './time';

export interface PayoffLeg {
  /** null: stock or future, worth the spot. */
  right: 'C' | 'P' | null;
  strike: number | null;
  /** YYYY-MM-DD. */
  expiry: string | null;
  /** Signed units, + long; already × order quantity × ratio. */
  quantity: number;
  multiplier: number;
  /** Per share, as a positive price, paid (long) or received (short). */
  entryPrice: number;
  /** Annual, as a fraction. */
  iv: number | null;
  /** AM-settled expiries end at 09:30 New York, PM (the default) at 16:00. */
  settlement?: Settlement;
}

export interface TradeStats {
  /** null: unlimited. */
  maxProfit: number | null;
  /** null: unlimited; else the worst P&L, a negative $ number for any trade that can lose. */
  maxLoss: number | null;
  breakevens: number[];
  probabilityOfProfit: number | null;
}

interface OptionLeg extends PayoffLeg {
  right: 'C' | 'P';
  strike: number;
  expiry: string;
}

function isOptionLeg(l: PayoffLeg): l is OptionLeg {
  return l.right !== null && l.strike !== null && l.expiry !== null;
}

function legExpiryMs(l: OptionLeg): number {
  return expiryInstant(l.expiry, l.settlement ?? 'PM');
}

/** The first settlement instant among the option legs; null for stock or futures alone. */
function firstExpiryMs(legs: readonly PayoffLeg[]): number | null {
  let first: number | null = null;
  for (const l of legs) {
    if (isOptionLeg(l)) first = Math.min(first ?? Infinity, legExpiryMs(l));
  }
  return first;
}

/** One leg's value per share at the instant `atMs`. */
function legValue(l: PayoffLeg, spot: number, atMs: number, rate: number): number {
  if (!isOptionLeg(l)) return spot;
  const years = yearsToExpiry(l.expiry, atMs, l.settlement ?? 'PM');
  if (years <= 0 || l.iv === null) return intrinsic(l.right, spot, l.strike);
  return blackScholes(l.right, spot, l.strike, years, rate, l.iv);
}

function pnlAt(legs: readonly PayoffLeg[], spot: number, atMs: number, rate: number): number {
  let sum = 0;
  for (const l of legs)
    sum += l.quantity * l.multiplier * (legValue(l, spot, atMs, rate) - l.entryPrice);
  return sum;
}

/**
 * $ P&L at the first expiry among the legs. Legs expiring later are valued with Black–Scholes
 * at their IV for the time they still have then, discounted at `rate` (0 unless given).
 */
export function payoffAtExpiry(legs: PayoffLeg[], spot: number, rate = 0): number {
  return pnlAt(legs, spot, firstExpiryMs(legs) ?? 0, rate);
}

/** $ P&L if the underlying were at `spot` now (`now` in epoch ms). */
export function payoffToday(legs: PayoffLeg[], spot: number, now: number, rate: number): number {
  return pnlAt(legs, spot, now, rate);
}

export function payoffCurve(
  legs: PayoffLeg[],
  o: { spot: number; now: number; rate: number; from: number; to: number; points: number },
): Array<{ spot: number; expiry: number; today: number }> {
  const n = Math.max(2, Math.floor(o.points));
  const out: Array<{ spot: number; expiry: number; today: number }> = [];
  for (let i = 0; i < n; i++) {
    const s = o.from + ((o.to - o.from) * i) / (n - 1);
    out.push({
      spot: s,
      expiry: payoffAtExpiry(legs, s, o.rate),
      today: payoffToday(legs, s, o.now, o.rate),
    });
  }
  return out;
}

/** Grid points for a multi-expiry position: the curve is smooth, so dense points stand in for kinks. */
const GRID_POINTS = 2000;
/** The grid runs to this many times the larger of spot and the highest strike. */
const GRID_REACH = 3;
const EPS = 1e-9;

export function tradeStats(
  legs: PayoffLeg[],
  o: { spot: number; now: number; rate: number },
): TradeStats {
  const xs = expiryKinks(legs, o.spot);
  const vs = xs.map((x) => payoffAtExpiry(legs, x, o.rate));
  const slope = tailSlope(legs);
  const breakevens = rootsOf(xs, vs, slope);
  return {
    maxProfit: slope > EPS ? null : Math.max(...vs),
    maxLoss: slope < -EPS ? null : Math.min(...vs),
    breakevens,
    probabilityOfProfit: probabilityOfProfit(legs, breakevens, o),
  };
}

/**
 * Where to evaluate the expiry payoff. One expiry: 0 and every strike, exact because the
 * payoff is linear between strikes. Several (a calendar): a dense grid over a wide range plus
 * the strikes, so max profit/loss and breakevens are approximate, to the grid's spacing.
 */
function expiryKinks(legs: readonly PayoffLeg[], spot: number): number[] {
  const options = legs.filter(isOptionLeg);
  const strikes = options.map((l) => l.strike);
  const oneExpiry = new Set(options.map(legExpiryMs)).size <= 1;
  const xs = [0, ...strikes];
  if (!oneExpiry) {
    const hi = GRID_REACH * Math.max(spot, ...strikes);
    for (let i = 1; i <= GRID_POINTS; i++) xs.push((hi * i) / GRID_POINTS);
  }
  return [...new Set(xs)].sort((a, b) => a - b);
}

/**
 * $ per $1 of spot far above every strike: calls and shares count, puts do not. It holds for
 * later-expiring legs too (their delta goes to 1 or 0), so unlimited profit or loss is exact.
 */
function tailSlope(legs: readonly PayoffLeg[]): number {
  let slope = 0;
  for (const l of legs) if (l.right !== 'P') slope += l.quantity * l.multiplier;
  return slope;
}

/** Zeros of the piecewise-linear interpolant through (xs, vs), continued past the end by `slope`. */
function rootsOf(xs: readonly number[], vs: readonly number[], slope: number): number[] {
  const roots: number[] = [];
  const add = (x: number): void => {
    if (x > 0 && !roots.some((r) => Math.abs(r - x) < 1e-9 * Math.max(1, x))) roots.push(x);
  };
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const v = vs[i]!;
    if (Math.abs(v) < EPS) add(x);
    const nx = xs[i + 1];
    const nv = vs[i + 1];
    if (nx !== undefined && nv !== undefined && v * nv < 0 && Math.abs(nv) >= EPS) {
      add(x + ((nx - x) * v) / (v - nv));
    }
  }
  const lastX = xs[xs.length - 1] ?? 0;
  const lastV = vs[vs.length - 1] ?? 0;
  if (Math.abs(slope) > EPS && lastV * slope < 0) add(lastX - lastV / slope);
  return roots.sort((a, b) => a - b);
}

/**
 * P(P&L at the first expiry > 0) under a lognormal terminal price: σ is the mean of the legs'
 * IVs, drift r − σ²/2, time to the first expiry (AM or PM settlement). The profitable stretches
 * lie between breakevens; each one's sign is read at a point inside it. Null without an IV or
 * once the first expiry has passed.
 */
function probabilityOfProfit(
  legs: PayoffLeg[],
  breakevens: readonly number[],
  o: { spot: number; now: number; rate: number },
): number | null {
  const ivs = legs.filter(isOptionLeg).flatMap((l) => (l.iv !== null && l.iv > 0 ? [l.iv] : []));
  const first = firstExpiryMs(legs);
  if (ivs.length === 0 || first === null || !(o.spot > 0)) return null;
  const years = (first - o.now) / MS_PER_YEAR;
  if (years <= 0) return null;
  const sigma = ivs.reduce((a, b) => a + b, 0) / ivs.length;
  const sd = sigma * Math.sqrt(years);
  const mean = Math.log(o.spot) + (o.rate - 0.5 * sigma * sigma) * years;
  const below = (x: number): number =>
    x <= 0 ? 0 : x === Infinity ? 1 : normCdf((Math.log(x) - mean) / sd);
  const bounds = [0, ...breakevens, Infinity];
  let p = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    const inside = b === Infinity ? (a > 0 ? 2 * a : o.spot) : a === 0 ? b / 2 : (a + b) / 2;
    if (payoffAtExpiry(legs, inside, o.rate) > EPS) p += below(b) - below(a);
  }
  return Math.min(1, Math.max(0, p));
}

/** A quote with the IV the chain gives, for toPayoffLegs. */
export interface PayoffQuote extends LegQuote {
  iv?: number | null;
}

/**
 * The ticket's legs as PayoffLegs: signed quantities (an order SELL reverses every leg), entry
 * at each leg's mid, IV from the quote. With `limitPrice` (per combo unit, as typed), the first
 * leg's entry absorbs the difference from the combo mid, so the P&L starts from the limit.
 * Null when a leg has no mid.
 */
export function toPayoffLegs<L extends ComboLeg>(
  legs: readonly L[],
  action: Action,
  quantity: number,
  quotes: QuoteSource<L>,
  limitPrice?: number,
): PayoffLeg[] | null {
  const quoteOf = (leg: L): PayoffQuote | null =>
    (typeof quotes === 'function' ? quotes(leg) : quotes.get(leg.instrument.key)) ?? null;
  const mids = legs.map((leg) => {
    const q = quoteOf(leg);
    if (q && q.bid !== null && q.ask !== null) return (q.bid + q.ask) / 2;
    return q?.mid ?? null;
  });
  if (legs.length === 0 || mids.some((m) => m === null)) return null;
  const entries = mids as number[];
  if (limitPrice !== undefined) {
    const base = comboMultiplier(legs);
    const mid = legs.reduce((sum, leg, i) => sum + legWeight(leg, base) * entries[i]!, 0);
    entries[0] = entries[0]! + (limitPrice - mid) / legWeight(legs[0]!, base);
  }
  return legs.map((leg, i) => {
    const { right, strike, expiry, multiplier, settlement } = leg.instrument;
    const opt =
      isOption(leg.instrument) && right && strike && expiry ? { right, strike, expiry } : null;
    return {
      right: opt?.right ?? null,
      strike: opt?.strike ?? null,
      expiry: opt?.expiry ?? null,
      quantity: (leg.action === action ? 1 : -1) * leg.ratio * quantity,
      multiplier,
      entryPrice: entries[i]!,
      iv: opt ? (quoteOf(leg)?.iv ?? null) : null,
      settlement: settlement ?? 'PM',
    };
  });
}
