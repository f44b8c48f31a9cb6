/**
 * Which broker option-model values may be used. Brokers report "not computed" (null after the
 * adapter strips sentinels) and occasionally nonsense; neither may enter a sum.
 */
import type { OptionRight } from '@shared/domain/instrument';
import type { OptionModel } from '@shared/domain/market';

export interface ValidGreeks {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  iv: number | null;
  time: number;
}

/** Rounding room at the ends of delta's range. */
const DELTA_TOLERANCE = 1e-6;
/** Gamma and vega are never negative; allow only float noise. */
const CONVEXITY_TOLERANCE = 1e-9;

/** Finite, and plausible for the option's right: the check every broker Greek must pass. */
export function plausibleGreeks(
  g: { delta: number; gamma: number; vega: number; theta: number },
  right: OptionRight,
): boolean {
  const { delta, gamma, vega, theta } = g;
  if (![delta, gamma, vega, theta].every(Number.isFinite)) return false;
  const deltaOk =
    right === 'C'
      ? delta >= -DELTA_TOLERANCE && delta <= 1 + DELTA_TOLERANCE
      : delta <= DELTA_TOLERANCE && delta >= -1 - DELTA_TOLERANCE;
  return deltaOk && gamma >= -CONVEXITY_TOLERANCE && vega >= -CONVEXITY_TOLERANCE;
}

/** The four Greeks when all are present and plausible for the option's right, else null. */
export function validGreeks(m: OptionModel, right: OptionRight): ValidGreeks | null {
  const { delta, gamma, vega, theta } = m;
  if (delta === null || gamma === null || vega === null || theta === null) return null;
  if (!plausibleGreeks({ delta, gamma, vega, theta }, right)) return null;
  const iv = m.iv !== null && Number.isFinite(m.iv) && m.iv > 0 ? m.iv : null;
  return { delta, gamma, vega, theta, iv, time: m.time };
}
