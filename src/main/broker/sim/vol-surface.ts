/**
 * Implied vol per underlying, strike and expiry, driven by VIX and VIX3M.
 *
 * ATM term structure (SPX): VIX/100 is the 30-day ATM vol, VIX3M/100 the 90-day one; other
 * maturities interpolate linearly in ln T between them and extrapolate with a clamp, so an
 * inverted VIX/VIX3M lifts short-dated vol most. Other underlyings: base vol × (ATM_SPX(T)/0.17)^0.8.
 * Skew in standardised moneyness z = ln(K/F)/(ATM·√T): put wing rises, call wing dips, a small
 * smile on both. Result clamped to [5%, 300%].
 */
import type { OptionSpec } from './universe';
import { VIX_LONG_RUN } from './universe';

const LN_30D = Math.log(30 / 365);
const LN_90D = Math.log(90 / 365);
const MIN_VOL = 0.05;
const MAX_VOL = 3;
const VIX_ELASTICITY = 0.8;
/** Floor for T in the surface: a minute, so 0-DTE at the close still has finite z. */
const MIN_T = 1 / (365 * 24 * 60);

/** SPX ATM vol for a maturity (years). */
export function indexAtmVol(t: number, vix: number, vix3m: number): number {
  const v30 = vix / 100;
  const v90 = vix3m / 100;
  const w = Math.min(2, Math.max(-1, (LN_90D - Math.log(Math.max(t, MIN_T))) / (LN_90D - LN_30D)));
  return Math.max(MIN_VOL, v90 + (v30 - v90) * w);
}

/** ATM vol of an underlying's options: the SPX level itself or its own base vol scaled by it. */
export function atmVol(spec: OptionSpec, t: number, vix: number, vix3m: number): number {
  const index = indexAtmVol(t, vix, vix3m);
  if (spec.vol === 'index') return index;
  return spec.vol * Math.pow(index / (VIX_LONG_RUN / 100), VIX_ELASTICITY);
}

export function impliedVol(
  spec: OptionSpec,
  forward: number,
  strike: number,
  t: number,
  vix: number,
  vix3m: number,
): number {
  const atm = atmVol(spec, t, vix, vix3m);
  const tt = Math.max(t, MIN_T);
  const z = Math.min(3, Math.max(-4, Math.log(strike / forward) / (atm * Math.sqrt(tt))));
  const tilt = z < 0 ? -spec.skewPut * z : -spec.skewCall * z;
  const vol = atm * (1 + tilt + spec.smile * z * z);
  return Math.min(MAX_VOL, Math.max(MIN_VOL, vol));
}

/** Vol scaling for the idiosyncratic part of price moves: the same elasticity as the surface. */
export function vixScale(vix: number): number {
  return Math.pow(vix / VIX_LONG_RUN, VIX_ELASTICITY);
}
