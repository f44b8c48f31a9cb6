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

const TOLERANCE = 1e-6;

/** The four Greeks when all are present and plausible for the option's right, else null. */
export function validGreeks(m: OptionModel, right: OptionRight): ValidGreeks | null {
  const { delta, gamma, vega, theta } = m;
  if (delta === null || gamma === null || vega === null || theta === null) return null;
  if (![delta, gamma, vega, theta].every(Number.isFinite)) return null;
  const deltaOk =
    right === 'C'
      ? delta >= -TOLERANCE && delta <= 1 + TOLERANCE
      : delta <= TOLERANCE && delta >= -1 - TOLERANCE;
  if (!deltaOk || gamma < -TOLERANCE || vega < -TOLERANCE) return null;
  const iv = m.iv !== null && Number.isFinite(m.iv) && m.iv > 0 ? m.iv : null;
  return { delta, gamma, vega, theta, iv, time: m.time };
}
