/**
 * The risk matrix applied to one moment: the regime's limits in dollars for this NLV and VIX,
 * guardrails and tiers as the checks read them, the scenario grid and Monte Carlo settings.
 */
import type { RegimeName, RegimeState } from '@shared/domain/risk';
import { effectiveLimits } from '../matrix/limits';
import type { RiskMatrix } from '../matrix/schema';
import { RegimeTracker, type RegimeReading } from '../regime';
import type { CheckConfig } from './check-config';
import { rangeSteps, type ScenarioSpec } from './scenarios';

export function checkConfig(
  matrix: RiskMatrix,
  regime: RegimeName,
  nlv: number | null,
  vix: number | null,
  termRatio: number | null,
): CheckConfig {
  const limits = effectiveLimits(matrix, regime, nlv, vix, termRatio);
  const g = matrix.guardrails;
  return {
    regime,
    betaDelta: limits.betaDelta,
    shortVega: limits.shortVega,
    minTheta: limits.minTheta,
    gamma: limits.gamma,
    maxUnderlyingVegaSharePct: limits.maxUnderlyingVegaSharePct,
    maxBetaDeltaSharePct: g.maxBetaDeltaSharePct,
    maxContracts: limits.maxContracts,
    marginCushionMin: g.marginCushionMin,
    dailyDrawdownPct: g.dailyDrawdownPct,
    thetaVegaRatio: g.thetaVegaRatio,
    expiry: g.expiry,
    gammaNearExpiry: g.gammaNearExpiry,
    tiers: {
      bufferPct: matrix.tiers.bufferPct,
      caps: new Map(Object.entries(matrix.tiers.caps).map(([k, v]) => [Number(k), v])),
      symbols: new Map(Object.entries(matrix.tiers.symbols).map(([k, v]) => [k.toUpperCase(), v])),
      defaultTier: matrix.tiers.defaultTier,
    },
    lights: g.lights,
  };
}

export function scenarioSpec(matrix: RiskMatrix): ScenarioSpec {
  const m = matrix.scenarios.movesPct;
  return {
    movesPct: rangeSteps(m.from, m.to, m.step),
    volShiftsPts: matrix.scenarios.volShiftsPts,
  };
}

/** A regime from one reading (the CLI has no history); null without VIX. */
export function regimeAt(
  matrix: RiskMatrix,
  reading: RegimeReading,
  time: number,
): RegimeState | null {
  // A tracker's first reading sets the regime directly: the same state, without hysteresis.
  return new RegimeTracker(matrix).update({ ...reading, time }).state;
}
