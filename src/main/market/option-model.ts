/**
 * Which broker option-model values may be used. Brokers report "not computed" (null after the
 * adapter strips sentinels) and occasionally nonsense; neither may enter a sum.
 */
import type { OptionRight } from '@shared/domain/instrument';
import type { OptionModel } from '@shared/domain/market';
import { brokerGreeksProblem } from '../risk/engine/broker-greeks';

export interface ValidGreeks {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  iv: number | null;
  time: number;
}

/**
 * The four Greeks when all are present and pass the engine's broker check (the same one book
 * files go through), else null: an invalid tick is never stored.
 */
export function validGreeks(
  m: OptionModel,
  right: OptionRight,
  strike: number | null = null,
): ValidGreeks | null {
  const { delta, gamma, vega, theta, iv } = m;
  if (delta === null || gamma === null || vega === null || theta === null) return null;
  const g = { delta, gamma, vega, theta, iv };
  if (brokerGreeksProblem(g, right, m.underlyingPrice, strike) !== null) return null;
  return { delta, gamma, vega, theta, iv, time: m.time };
}
