/**
 * Black–Scholes–Merton in cost-of-carry form (Haug, "The Complete Guide to Option Pricing
 * Formulas", ch. 1): b = r − q prices stock, ETF and index options with a continuous dividend
 * yield; b = 0 is Black-76 for options on futures. European exercise.
 *
 * Units per share of underlying: vega per 1.00 of volatility, theta per year (negative for a
 * long option losing value), charm = ∂Δ/∂t per year as calendar time passes.
 */
import * as normal from './normal';

// Module-local bindings for the hot path. Module runners (vitest's, vite's dev SSR) turn every
// use of an import into a getter call on a namespace object, which V8 counts against its
// inlining budget; through a local const the helpers inline as they do in the bundled app.
const expHalfSq = normal.expHalfSq;
const normTail = normal.normTail;
const PDF_SCALE = normal.INV_SQRT_2PI;

export type Right = 'C' | 'P';

export interface BsInputs {
  right: Right;
  /** Spot (or futures price for Black-76). */
  spot: number;
  strike: number;
  /** Years to expiry. */
  t: number;
  /** Continuously compounded risk-free rate. */
  rate: number;
  /** Cost of carry: rate − dividendYield for BSM, 0 for Black-76. */
  carry: number;
  vol: number;
}

export interface BsResult {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  vanna: number;
  charm: number;
}

export function bsmInputs(
  right: Right,
  spot: number,
  strike: number,
  t: number,
  rate: number,
  dividendYield: number,
  vol: number,
): BsInputs {
  return { right, spot, strike, t, rate, carry: rate - dividendYield, vol };
}

export function black76Inputs(
  right: Right,
  future: number,
  strike: number,
  t: number,
  rate: number,
  vol: number,
): BsInputs {
  return { right, spot: future, strike, t, rate, carry: 0, vol };
}

/** Price only: the hot path for scenario grids and implied-vol solves. */
export function bsPrice(p: BsInputs): number {
  return bsPriceAt(p.right === 'C', p.spot, p.strike, p.t, p.rate, p.carry, p.vol);
}

export function bsGreeks(p: BsInputs): BsResult {
  return bsGreeksInto(newBsResult(), p);
}

export function newBsResult(): BsResult {
  return { price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, vanna: 0, charm: 0 };
}

/**
 * Allocation-free price with positional arguments (call?, spot, strike, t, rate, carry, vol)
 * for hot loops; `bsPrice` is this with a BsInputs.
 */
export function bsPriceAt(
  call: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
  v: number,
): number {
  if (!(t > 0 && v > 0)) return expiryValue(call, s, k, t, r, b);
  const vst = v * Math.sqrt(t);
  const d1 = (logMoneyness(s, k) + (b + 0.5 * v * v) * t) * (1 / vst);
  const d2 = d1 - vst;
  const sf = s * (b === r ? 1 : Math.exp((b - r) * t));
  const kd = k * Math.exp(-r * t);
  const e1 = expHalfSq(d1);
  const q1 = normTail(d1, e1);
  const q2 = normTail(d2, pdfRatio(e1, sf, kd, d2));
  // N(±d) for a call (+) or put (−), from the smaller tails q = Φ(−|d|).
  const w = call ? 1 : -1;
  const n1 = w * d1 < 0 ? q1 : 1 - q1;
  const n2 = w * d2 < 0 ? q2 : 1 - q2;
  return w * (sf * n1 - kd * n2);
}

/**
 * Price and Greeks written into `out`, allocation-free: reuse one result object in hot loops.
 * Returns `out`. Takes the inputs object rather than positional numbers so nothing is boxed on
 * the call when it is not inlined.
 */
export function bsGreeksInto(out: BsResult, p: BsInputs): BsResult {
  const call = p.right === 'C';
  const s = p.spot;
  const k = p.strike;
  const t = p.t;
  const r = p.rate;
  const b = p.carry;
  const v = p.vol;
  if (!(t > 0 && v > 0)) return atExpiry(out, call, s, k, t, r, b);
  const sqrtT = Math.sqrt(t);
  const vst = v * sqrtT;
  const iv = 1 / vst;
  const d1 = (logMoneyness(s, k) + (b + 0.5 * v * v) * t) * iv;
  const d2 = d1 - vst;
  const fwdDf = b === r ? 1 : Math.exp((b - r) * t);
  const sf = s * fwdDf;
  const kd = k * Math.exp(-r * t);
  const e1 = expHalfSq(d1);
  const q1 = normTail(d1, e1);
  const q2 = normTail(d2, pdfRatio(e1, sf, kd, d2));
  const w = call ? 1 : -1;
  const n1 = w * d1 < 0 ? q1 : 1 - q1;
  const n2 = w * d2 < 0 ? q2 : 1 - q2;
  const fpdf = fwdDf * PDF_SCALE * e1;
  const carryDelta = (b - r) * fwdDf * n1;
  out.price = w * (sf * n1 - kd * n2);
  out.delta = w * fwdDf * n1;
  out.gamma = (fpdf * iv) / s;
  out.vega = s * fpdf * sqrtT;
  out.theta = -0.5 * s * fpdf * v * v * iv - w * (s * carryDelta + r * kd * n2);
  out.vanna = -fpdf * d2 * sqrtT * iv;
  out.charm = -fpdf * iv * (b - (0.5 * d2 * v) / sqrtT) - w * carryDelta;
  return out;
}

/**
 * exp(−d2²/2) from e1 = exp(−d1²/2): since d1² − d2² = 2·ln(F/K), it is e1·(S·e^{(b−r)t})/(K·e^{−rt}),
 * which saves an exponential. Computed directly when e1 has underflowed.
 */
function pdfRatio(e1: number, sf: number, kd: number, d2: number): number {
  if (Math.abs(d2) <= 0.67448975) return 0; // not needed by normTail
  return e1 > 1e-280 ? e1 * (sf / kd) : expHalfSq(d2);
}

/**
 * ln(S/K). Within S/K ∈ [√½, √2], fdlibm's log kernel (the algorithm behind Math.log) on
 * u = (S − K)/(S + K), ln(S/K) = 2·atanh(u) = 2u + u·R(u²): one division instead of two in a
 * row on the critical path, and more accurate than Math.log(S/K) near the money, where S − K is
 * exact and the rounding of S/K is not. Elsewhere Math.log.
 */
function logMoneyness(s: number, k: number): number {
  if (!(s > 0.7071067811865476 * k && s < 1.4142135623730951 * k)) return Math.log(s / k);
  const u = (s - k) / (s + k);
  const z = u * u;
  const w = z * z;
  const r =
    z *
      (6.66666666666673513e-1 +
        w *
          (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1))) +
    w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  return 2 * u + u * r;
}

/** Value with no time or no volatility left: discounted intrinsic value of the forward. */
function expiryValue(call: boolean, s: number, k: number, t: number, r: number, b: number): number {
  const tt = Math.max(t, 0);
  const fwd = s * Math.exp(b * tt);
  const df = Math.exp(-r * tt);
  const intrinsic = call ? fwd - k : k - fwd;
  return Math.max(intrinsic, 0) * df;
}

function atExpiry(
  out: BsResult,
  call: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
): BsResult {
  const tt = Math.max(t, 0);
  const fwdDf = Math.exp((b - r) * tt);
  const fwd = s * Math.exp(b * tt);
  const itm = call ? fwd > k : fwd < k;
  out.price = expiryValue(call, s, k, t, r, b);
  out.delta = itm ? (call ? fwdDf : -fwdDf) : 0;
  out.gamma = 0;
  out.vega = 0;
  out.theta = 0;
  out.vanna = 0;
  out.charm = 0;
  return out;
}
