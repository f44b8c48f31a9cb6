/**
 * Black–Scholes–Merton in cost-of-carry form (Haug, "The Complete Guide to Option Pricing
 * Formulas", ch. 1): b = r − q prices stock, ETF and index options with a continuous dividend
 * yield; b = 0 is Black-76 for options on futures. European exercise.
 *
 * Units per share of underlying: vega per 1.00 of volatility, theta per year (negative for a
 * long option losing value), charm = ∂Δ/∂t per year as calendar time passes.
 */
import { normCdf, normCdfUpper, normPdf } from './normal';

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
  const { spot: s, strike: k, t, rate: r, carry: b, vol: v } = p;
  if (t <= 0 || v <= 0) return expiryValue(p);
  const sqrtT = Math.sqrt(t);
  const d1 = (Math.log(s / k) + (b + 0.5 * v * v) * t) / (v * sqrtT);
  const d2 = d1 - v * sqrtT;
  const fwdDf = Math.exp((b - r) * t);
  const df = Math.exp(-r * t);
  return p.right === 'C'
    ? s * fwdDf * normCdf(d1) - k * df * normCdf(d2)
    : k * df * normCdfUpper(d2) - s * fwdDf * normCdfUpper(d1);
}

export function bsGreeks(p: BsInputs): BsResult {
  const { spot: s, strike: k, t, rate: r, carry: b, vol: v } = p;
  if (t <= 0 || v <= 0) return atExpiry(p);
  const sqrtT = Math.sqrt(t);
  const vst = v * sqrtT;
  const d1 = (Math.log(s / k) + (b + 0.5 * v * v) * t) / vst;
  const d2 = d1 - vst;
  const fwdDf = Math.exp((b - r) * t);
  const df = Math.exp(-r * t);
  const pdf = normPdf(d1);
  const gamma = (fwdDf * pdf) / (s * vst);
  const vega = s * fwdDf * pdf * sqrtT;
  const vanna = (-fwdDf * pdf * d2) / v;
  const decay = (-s * fwdDf * pdf * v) / (2 * sqrtT);
  const charmCommon = -fwdDf * pdf * (b / vst - d2 / (2 * t));
  if (p.right === 'C') {
    const nd1 = normCdf(d1);
    const nd2 = normCdf(d2);
    return {
      price: s * fwdDf * nd1 - k * df * nd2,
      delta: fwdDf * nd1,
      gamma,
      vega,
      theta: decay - (b - r) * s * fwdDf * nd1 - r * k * df * nd2,
      vanna,
      charm: charmCommon - (b - r) * fwdDf * nd1,
    };
  }
  const nmd1 = normCdfUpper(d1);
  const nmd2 = normCdfUpper(d2);
  return {
    price: k * df * nmd2 - s * fwdDf * nmd1,
    delta: -fwdDf * nmd1,
    gamma,
    vega,
    theta: decay + (b - r) * s * fwdDf * nmd1 + r * k * df * nmd2,
    vanna,
    charm: charmCommon + (b - r) * fwdDf * nmd1,
  };
}

/** Value with no time or no volatility left: discounted intrinsic value of the forward. */
function expiryValue(p: BsInputs): number {
  const t = Math.max(p.t, 0);
  const fwd = p.spot * Math.exp(p.carry * t);
  const df = Math.exp(-p.rate * t);
  const intrinsic = p.right === 'C' ? fwd - p.strike : p.strike - fwd;
  return Math.max(intrinsic, 0) * df;
}

function atExpiry(p: BsInputs): BsResult {
  const t = Math.max(p.t, 0);
  const fwdDf = Math.exp((p.carry - p.rate) * t);
  const fwd = p.spot * Math.exp(p.carry * t);
  const itm = p.right === 'C' ? fwd > p.strike : fwd < p.strike;
  const sign = p.right === 'C' ? 1 : -1;
  return {
    price: expiryValue(p),
    delta: itm ? sign * fwdDf : 0,
    gamma: 0,
    vega: 0,
    theta: 0,
    vanna: 0,
    charm: 0,
  };
}
