/**
 * Implied volatility that never fails silently: every call returns the vol or a coded reason,
 * never NaN.
 *
 * European (BSM and Black-76): the price is turned into the normalized out-of-the-money Black
 * price β = otm/√(FK) (an in-the-money option goes through put–call parity) and solved for the
 * total vol s = σ√t in b(x, s) = e^{x/2}Φ(x/s + s/2) − e^{−x/2}Φ(x/s − s/2), x = −|ln(F/K)|.
 * Halley steps on ln b(s) − ln β (log space keeps far out-of-the-money prices well scaled; ln b
 * is concave in s, so the steps approach the root without wild overshoot), kept inside a
 * bracket that shrinks with every evaluation and replaced by bisection when a step leaves it.
 * The start is the better of two asymptotic inversions (small and large s).
 *
 * American: a bracketed secant/bisection search on the American price, which needs no vega.
 * The European implied vol of the same price bounds it from above (American ≥ European).
 */
import { AmericanPricer, neverExercisedEarly, type BoundaryScheme } from './american';
import { type BsInputs } from './black-scholes';
import type { Exercise } from './model';
import * as normal from './normal';

// Local bindings: module runners (vitest) turn each use of an import into a getter call that
// V8 will not inline as readily (see black-scholes.ts).
const expHalfSq = normal.expHalfSq;
const normTail = normal.normTail;
const normInvApprox = normal.normInvApprox;
const INV_SQRT_2PI = normal.INV_SQRT_2PI;

export type IvFailureCode =
  | 'BAD_INPUT'
  | 'EXPIRED'
  | 'BELOW_INTRINSIC'
  | 'ABOVE_UPPER_BOUND'
  | 'NO_TIME_VALUE'
  | 'VOL_OUT_OF_RANGE'
  | 'NO_CONVERGENCE';

/** `iterations`: price evaluations (Halley steps for European, American prices for American). */
export type IvResult =
  | { ok: true; vol: number; iterations: number }
  | { ok: false; code: IvFailureCode; message: string };

export type IvInputs = Omit<BsInputs, 'vol'>;

export interface IvOptions {
  /** Search range for σ; a price outside it gives VOL_OUT_OF_RANGE. Default [1e-4, 10]. */
  minVol?: number;
  maxVol?: number;
  /** Price evaluations before NO_CONVERGENCE. Default 64. */
  maxIterations?: number;
  /** American only: the boundary scheme of the pricer. */
  scheme?: BoundaryScheme;
}

const MIN_VOL = 1e-4;
const MAX_VOL = 10;
const MAX_ITERATIONS = 64;
/** A Halley step this small (relative) leaves an error far below 1e-12 after it is taken. */
const HALLEY_DONE = 1e-5;
const STEP_DONE = 1e-13;
/** Time value below this fraction of max(F, K) is rounding noise: no vol can be implied. */
const ROUNDING = 64 * Number.EPSILON;
/** Thresholds for "far from the root" (see solveTotalVol). */
const NEAR = 0.25;
const HALF = 0.5;

export function impliedVol(
  exercise: Exercise,
  price: number,
  p: IvInputs,
  opts?: IvOptions,
): IvResult {
  return exercise === 'american'
    ? americanImpliedVol(price, p, opts)
    : europeanImpliedVol(price, p, opts);
}

export function europeanImpliedVol(price: number, p: IvInputs, opts?: IvOptions): IvResult {
  const invalid = checkInputs(price, p);
  if (invalid) return invalid;
  const { spot, strike: k, t, rate: r, carry: b } = p;
  const fwd = spot * Math.exp(b * t);
  const undiscounted = price / Math.exp(-r * t);
  const call = p.right === 'C';
  const intrinsic = Math.max(call ? fwd - k : k - fwd, 0);
  const upper = call ? fwd : k;
  if (undiscounted >= upper) {
    return fail('ABOVE_UPPER_BOUND', `price=${price} bound=${upper * Math.exp(-r * t)}`);
  }
  const otm = undiscounted - intrinsic;
  // An in-the-money price is intrinsic (F − K, from numbers of size F and K) plus time value:
  // time value within rounding of max(F, K) is noise.
  const noise = intrinsic > 0 ? ROUNDING * Math.max(fwd, k) : 0;
  if (otm < -noise) {
    return fail('BELOW_INTRINSIC', `price=${price} bound=${intrinsic * Math.exp(-r * t)}`);
  }
  if (otm <= noise) {
    return fail('NO_TIME_VALUE', `price=${price} is the lower bound to within rounding`);
  }
  const sqrtT = Math.sqrt(t);
  const ratio = fwd / k;
  const x = -Math.abs(Math.log(ratio));
  const eHalf = ratio < 1 ? Math.sqrt(ratio) : Math.sqrt(k / fwd); // e^{x/2}
  return solveTotalVol(
    otm / Math.sqrt(fwd * k),
    x,
    eHalf,
    (opts?.minVol ?? MIN_VOL) * sqrtT,
    (opts?.maxVol ?? MAX_VOL) * sqrtT,
    sqrtT,
    opts?.maxIterations ?? MAX_ITERATIONS,
  );
}

/**
 * Solve b(x, s) = beta for s in [lo, hi] (x ≤ 0, 0 < beta < e^{x/2}); returns σ = s/√t.
 * eHalf is e^{x/2}, passed in because √(F/K) is cheaper than an exponential.
 * Safeguarded Halley on g(s) = ln b(s) − ln β with g′ = b′/b, b′ = e^{x/2}φ(d₁) (the normalized
 * vega) and b″ = b′·(x²/s³ − s/4).
 */
function solveTotalVol(
  beta: number,
  x: number,
  eHalf: number,
  lo0: number,
  hi0: number,
  sqrtT: number,
  maxIterations: number,
): IvResult {
  const eX = eHalf * eHalf;
  let lnBeta = NaN; // ln β, computed when a far-from-root step first needs it
  // Bracket [lo, hi]; an end is "known" once evaluated (g(lo) < 0 < g(hi)). The range ends are
  // evaluated only if the search reaches them, which is how a price outside the range shows.
  let lo = lo0;
  let hi = hi0;
  let loKnown = false;
  let hiKnown = false;
  const maxGap = eHalf - beta; // e^{x/2} − β > 0
  let s = Math.min(Math.max(initialGuess(beta, x, eHalf), lo), hi);
  for (let it = 1; it <= maxIterations; it++) {
    const d1 = x / s + 0.5 * s;
    const d2 = d1 - s;
    const e1 = expHalfSq(d1);
    const q1 = normTail(d1, e1);
    const q2 = normTail(d2, e1 * eX); // φ(d₂) = e^x·φ(d₁)
    const bValue = eHalf * lowerTail(d1, q1) - lowerTail(d2, q2) / eHalf;
    const rel = bValue / beta - 1; // −1: underflow, far below
    if (rel === 0) return done(s, sqrtT, it);
    if (rel > 0) {
      if (s === lo0) return fail('VOL_OUT_OF_RANGE', `vol below ${lo0 / sqrtT}`);
      hi = s;
      hiKnown = true;
    } else {
      if (s === hi0) return fail('VOL_OUT_OF_RANGE', `vol above ${hi0 / sqrtT}`);
      lo = s;
      loKnown = true;
    }
    if (loKnown && hiKnown && hi - lo <= STEP_DONE * hi) return done(0.5 * (lo + hi), sqrtT, it);
    let next: number;
    let gapNow: number;
    let halley = NaN;
    let newton = NaN;
    const vega = eHalf * INV_SQRT_2PI * e1;
    const curvature = (x * x) / (s * s * s) - 0.25 * s; // b″/b′
    if (rel > -NEAR && rel < NEAR) {
      // Near the root: Halley on (b − β)/β, no logarithm needed.
      const f1 = vega / beta;
      newton = rel / f1;
      const den = 1 - (rel * curvature) / (2 * f1);
      halley = den > 0.5 ? newton / den : newton;
      next = s - halley;
    } else if (!(bValue > 0)) {
      next = NaN; // underflow: no derivative, bisect
    } else if (rel < 0 && s < -x) {
      // Far below, out of the money (|d| > 1): ln b ≈ −x²/(2s²), so ln(−ln b) is nearly linear
      // in ln s and one Newton step there covers the distance (convex: it does not overshoot).
      const lnB = Math.log(bValue);
      if (lnBeta !== lnBeta) lnBeta = Math.log(beta);
      next = s * Math.exp(-(Math.log(lnB / lnBeta) * lnB * bValue) / (s * vega));
    } else if (rel > 0 && (gapNow = upperGap(d1, q1, d2, q2, eHalf)) < HALF * maxGap) {
      // Far above, where b flattens towards e^{x/2}: ln(e^{x/2} − b) ≈ −s²/8 is the well-scaled
      // variable; Newton on it approaches from above without overshoot.
      next = s + (Math.log(gapNow / maxGap) * gapNow) / vega;
    } else {
      // In between: Halley on ln b − ln β, which is concave in s.
      if (lnBeta !== lnBeta) lnBeta = Math.log(beta);
      const g = Math.log(bValue) - lnBeta;
      const g1 = vega / bValue;
      const g2 = g1 * curvature - g1 * g1;
      newton = g / g1;
      const den = 1 - (g * g2) / (2 * g1 * g1);
      halley = den > 0.5 ? newton / den : newton;
      next = s - halley;
    }
    if (Math.abs(halley) <= (halley === newton ? STEP_DONE : HALLEY_DONE) * s) {
      return done(Math.min(Math.max(next, lo), hi), sqrtT, it);
    }
    if (next > lo && next < hi) {
      s = next;
    } else if (!(next > lo) && !loKnown) {
      s = lo0;
    } else if (!(next < hi) && !hiKnown && bValue > 0) {
      s = hi0;
    } else {
      s = hiKnown ? Math.sqrt(lo * hi) : Math.min(2 * lo, hi0);
    }
  }
  return fail('NO_CONVERGENCE', `no convergence in ${maxIterations} iterations`);
}

/**
 * Starting total vol. At the money (x = 0) b = 2Φ(s/2) − 1 inverts exactly. Near the money,
 * Corrado–Miller's quadratic approximation; where it has no real root (further out of the
 * money), the small-s asymptotic ln b ≈ −x²/(2s²) + 3 ln s − 2 ln|x| − ln√(2π), iterated twice.
 */
function initialGuess(beta: number, x: number, eHalf: number): number {
  if (x === 0) return -2 * normInvApprox((1 - beta) / 2);
  const sinh = 0.5 * (eHalf - 1 / eHalf);
  const a = beta - sinh;
  const disc = a * a - (4 * sinh * sinh) / Math.PI;
  if (disc >= 0) {
    const cm = (Math.sqrt(2 * Math.PI) / (eHalf + 1 / eHalf)) * (a + Math.sqrt(disc));
    if (cm > 0) return cm;
  }
  const ax = -x;
  const minusLnB = -Math.log(beta);
  const base = minusLnB - 2 * Math.log(ax) - 0.9189385332046727; // − ln β − 2 ln|x| − ln√(2π)
  let small = ax / Math.sqrt(2 * minusLnB);
  for (let i = 0; i < 2; i++) {
    const denom = 2 * (base + 3 * Math.log(small));
    if (!(denom > 0)) break;
    small = ax / Math.sqrt(denom);
  }
  return small;
}

export function americanImpliedVol(price: number, p: IvInputs, opts?: IvOptions): IvResult {
  const invalid = checkInputs(price, p);
  if (invalid) return invalid;
  const { right, spot, strike: k } = p;
  const call = right === 'C';
  const minVol = opts?.minVol ?? MIN_VOL;
  const maxVol = opts?.maxVol ?? MAX_VOL;
  const maxIterations = opts?.maxIterations ?? MAX_ITERATIONS;
  const upper = call ? spot : k;
  if (price >= upper) return fail('ABOVE_UPPER_BOUND', `price=${price} bound=${upper}`);
  const intrinsic = Math.max(call ? spot - k : k - spot, 0);
  const noise = intrinsic > 0 ? ROUNDING * Math.max(spot, k) : 0;
  if (price < intrinsic - noise) {
    return fail('BELOW_INTRINSIC', `price=${price} intrinsic=${intrinsic}`);
  }
  // At the exercise value the option is (or may as well be) exercised: every vol up to some
  // level gives this price, so none is implied.
  if (price <= intrinsic + noise) {
    return fail('NO_TIME_VALUE', `price=${price} is the exercise value`);
  }
  if (neverExercisedEarly(p)) return europeanImpliedVol(price, p, opts);
  const f = (vol: number) => new AmericanPricer({ ...p, vol }, opts?.scheme).price(spot) - price;
  // American ≥ European at every vol, so the European vol of this price is an upper bound.
  const euro = europeanImpliedVol(price, p, { minVol, maxVol, maxIterations });
  let hi = euro.ok ? Math.min(euro.vol * (1 + 1e-9), maxVol) : maxVol;
  let fHi = f(hi);
  let evaluations = 1;
  if (fHi < 0) {
    if (hi === maxVol) return fail('VOL_OUT_OF_RANGE', `vol above ${maxVol}`);
    hi = maxVol;
    fHi = f(hi);
    evaluations++;
    if (fHi < 0) return fail('VOL_OUT_OF_RANGE', `vol above ${maxVol}`);
  }
  if (fHi === 0) return { ok: true, vol: hi, iterations: evaluations };
  // Second point: a little below; then secant steps inside the bracket, bisection as fallback.
  let lo = minVol;
  let fLo = NaN;
  let a = hi;
  let fa = fHi;
  let x = Math.max(hi * 0.99, minVol);
  for (; evaluations < maxIterations;) {
    const fx = f(x);
    evaluations++;
    if (fx === 0) return { ok: true, vol: x, iterations: evaluations };
    if (fx > 0) {
      hi = x;
    } else {
      lo = x;
      fLo = fx;
    }
    if (x === minVol && fx > 0) return fail('VOL_OUT_OF_RANGE', `vol below ${minVol}`);
    if (hi - lo <= 1e-12 * hi) return { ok: true, vol: 0.5 * (lo + hi), iterations: evaluations };
    let next = x - (fx * (x - a)) / (fx - fa);
    const bracketed = fLo === fLo;
    if (!(next > lo && next < hi)) next = bracketed ? 0.5 * (lo + hi) : Math.max(lo, x * 0.5);
    if (Math.abs(next - x) <= 1e-12 * x && bracketed) {
      return { ok: true, vol: next, iterations: evaluations };
    }
    a = x;
    fa = fx;
    x = next;
  }
  return fail('NO_CONVERGENCE', `no convergence in ${maxIterations} evaluations`);
}

function checkInputs(price: number, p: IvInputs): IvResult | null {
  const { spot, strike, t, rate, carry } = p;
  const finite =
    Number.isFinite(price) &&
    Number.isFinite(spot) &&
    Number.isFinite(strike) &&
    Number.isFinite(t) &&
    Number.isFinite(rate) &&
    Number.isFinite(carry);
  if (!finite) {
    return fail(
      'BAD_INPUT',
      `non-finite input: price=${price} spot=${spot} strike=${strike} t=${t}`,
    );
  }
  if (!(spot > 0 && strike > 0 && price > 0)) {
    return fail('BAD_INPUT', `spot=${spot} strike=${strike} price=${price} must be positive`);
  }
  if (!(t > 0)) return fail('EXPIRED', `t=${t}`);
  if (p.right !== 'C' && p.right !== 'P') return fail('BAD_INPUT', `right=${String(p.right)}`);
  return null;
}

/** e^{x/2} − b = e^{x/2}Φ(−d₁) + e^{−x/2}Φ(d₂): a sum, so accurate where b nears e^{x/2}. */
function upperGap(d1: number, q1: number, d2: number, q2: number, eHalf: number): number {
  return eHalf * upperTail(d1, q1) + lowerTail(d2, q2) / eHalf;
}

/** Φ(−d) and Φ(d) from the smaller tail q = Φ(−|d|). */
function upperTail(d: number, q: number): number {
  return d > 0 ? q : 1 - q;
}

function lowerTail(d: number, q: number): number {
  return d < 0 ? q : 1 - q;
}

function done(s: number, sqrtT: number, iterations: number): IvResult {
  return { ok: true, vol: s / sqrtT, iterations };
}

function fail(code: IvFailureCode, detail: string): IvResult {
  return { ok: false, code, message: `${code}: ${detail}` };
}
