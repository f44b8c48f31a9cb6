/**
 * The frame published when the engine could not compute one: the last frame's shape with every
 * light grey and the reason on each, so nothing computed from unknown inputs can stay green.
 */
import type { LimitCheck, RiskFrame } from '@shared/domain/risk';
import { zeroTotals } from './aggregate';
import { unknownRegime } from './frame';

export function failedFrame(previous: RiskFrame | null, reason: string, now: number): RiskFrame {
  const because = `Risk engine failed: ${reason}`;
  const lights: LimitCheck[] = (previous?.lights ?? []).map((l) => ({
    ...l,
    light: 'stale',
    explanation: because,
  }));
  return {
    asOf: now,
    valuationTime: previous?.valuationTime ?? now,
    benchmark: previous?.benchmark ?? { symbol: 'SPX', price: null },
    netLiquidation: previous?.netLiquidation ?? null,
    regime: previous?.regime ?? unknownRegime(now, { vix: null, vix3m: null, vvix: null }),
    totals: previous?.totals ?? { ...zeroTotals(), thetaVegaRatio: null },
    byUnderlying: previous?.byUnderlying ?? [],
    byExpiry: previous?.byExpiry ?? [],
    gammaByDte: previous?.gammaByDte ?? [],
    coverage: previous?.coverage ?? {
      positions: 0,
      withGreeks: 0,
      broker: 0,
      local: 0,
      none: 0,
      percent: 0,
    },
    lights,
    alarms: [
      { code: 'ENGINE_FAILED', severity: 'critical', subject: 'risk engine', message: because },
    ],
    stale: true,
    staleReason: because,
    failure: reason,
    scenarios: previous?.scenarios ?? null,
    standardShocks: previous?.standardShocks ?? [],
    var: previous?.var ?? null,
    heavy: previous?.heavy ? { ...previous.heavy, stale: true } : null,
  };
}
