/**
 * The one check every broker Greek passes before Bulwark uses it, whatever the path (IBKR ticks,
 * the simulator, book files): finite, not one of IB's "unset" sentinels, plausible for the
 * option's right and not absurd in size. A set with any bad value is refused as a whole — the
 * local model is used instead and the reason is kept — so nothing non-finite reaches a sum.
 * An iv that is absent (null) is simply not given; an iv that is present must be a volatility.
 */
import type { OptionRight } from '@shared/domain/instrument';

export interface BrokerGreekValues {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  iv?: number | null;
}

/** IB's "unset" values: Double.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE (as a double). */
const IB_SENTINELS = [Number.MAX_VALUE, 2 ** 31 - 1, 2 ** 63];
/** Rounding room at the ends of delta's range. */
const DELTA_TOLERANCE = 1e-6;
/** Gamma and vega are never negative; allow only float noise. */
const CONVEXITY_TOLERANCE = 1e-9;
/** No option is worth more than 1000% vol; beyond this an iv is a placeholder, not a reading. */
export const MAX_BROKER_IV = 10;
/** Size bounds per share when the underlying price is unknown (no real Greek comes close). */
const ABSOLUTE_MAX = 1e6;
/** Γ·S = φ(d1)/(σ√t) stays below this even one minute before expiry at 5% vol. */
const MAX_GAMMA_TIMES_SPOT = 1e4;

function isSentinel(v: number): boolean {
  return Math.abs(v) >= 1e300 || IB_SENTINELS.some((s) => Math.abs(v) === s);
}

function show(v: number): string {
  return Number.isFinite(v) && Math.abs(v) < 1e6 ? String(Number(v.toPrecision(6))) : String(v);
}

/**
 * Why a broker set must not be used, or null when it may. Bounds scale with the underlying's
 * price when known: vega per vol point and theta per day can never exceed max(S, K).
 */
export function brokerGreeksProblem(
  g: BrokerGreekValues,
  right: OptionRight,
  underlyingPrice: number | null = null,
  strike: number | null = null,
): string | null {
  const named: Array<[string, number]> = [
    ['delta', g.delta],
    ['gamma', g.gamma],
    ['vega', g.vega],
    ['theta', g.theta],
  ];
  if (g.iv !== null && g.iv !== undefined) named.push(['iv', g.iv]);
  for (const [name, v] of named) {
    if (typeof v !== 'number' || Number.isNaN(v)) return `broker ${name} is not a number`;
    if (isSentinel(v)) return `broker ${name} ${show(v)} is IB's "unset" value`;
    if (!Number.isFinite(v)) return `broker ${name} is not finite`;
  }
  const { delta, gamma, vega, theta } = g;
  if (right === 'C' && (delta < -DELTA_TOLERANCE || delta > 1 + DELTA_TOLERANCE))
    return `broker delta ${show(delta)} is outside 0…1 for a call`;
  if (right === 'P' && (delta > DELTA_TOLERANCE || delta < -1 - DELTA_TOLERANCE))
    return `broker delta ${show(delta)} is outside −1…0 for a put`;
  if (gamma < -CONVEXITY_TOLERANCE) return `broker gamma ${show(gamma)} is negative`;
  if (vega < -CONVEXITY_TOLERANCE) return `broker vega ${show(vega)} is negative`;
  if (g.iv !== null && g.iv !== undefined && !(g.iv > 0 && g.iv <= MAX_BROKER_IV))
    return `broker iv ${show(g.iv)} is not a volatility (0…${MAX_BROKER_IV * 100}%)`;
  const S = underlyingPrice !== null && underlyingPrice > 0 ? underlyingPrice : null;
  const valueCap = S === null ? ABSOLUTE_MAX : Math.max(S, strike ?? 0);
  const gammaCap = S === null ? ABSOLUTE_MAX : MAX_GAMMA_TIMES_SPOT / S;
  if (gamma > gammaCap) return `broker gamma ${show(gamma)} is absurd (above ${show(gammaCap)})`;
  if (vega > valueCap) return `broker vega ${show(vega)} is absurd (above ${show(valueCap)})`;
  if (Math.abs(theta) > valueCap)
    return `broker theta ${show(theta)} is absurd (above ${show(valueCap)} a day)`;
  return null;
}
