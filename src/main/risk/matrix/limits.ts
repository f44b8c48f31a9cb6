/**
 * The limits in force: the regime's row of the matrix, in $ from NLV (or the absolute fallback
 * while NLV is unknown), tightened by the VIX and term-structure scalers.
 */
import type { RegimeName } from '@shared/domain/risk';
import type { LimitName, RiskMatrix, ScalerConfig } from './schema';

export interface EffectiveLimit {
  /** The limit in $ (for minTheta a floor in $ per day), scaler applied. */
  limit: number;
  /** 'nlv' when computed from NLV, 'absolute' when NLV is unknown or ≤ 0. */
  basis: 'nlv' | 'absolute';
  /** The configured percent of NLV times the scaler: limit = NLV × pctNlv / 100 on an NLV basis. */
  pctNlv: number;
  /** The factor applied to this limit: the combined scaler, or 1 when not in `appliesTo`. */
  scaler: number;
}

export interface EffectiveLimits {
  regime: RegimeName;
  /** Each null when the regime sets no such limit. */
  betaDelta: EffectiveLimit | null;
  shortVega: EffectiveLimit | null;
  minTheta: EffectiveLimit | null;
  gamma: EffectiveLimit | null;
  maxUnderlyingVegaSharePct: number;
  maxContracts: number;
  /** VIX factor × term factor (1 when scalers are off or the inputs unknown). */
  scaler: number;
}

const known = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** The factor of the highest VIX step reached (VIX ≥ atOrAbove); 1 when none or unknown. */
export function vixScaler(scalers: ScalerConfig, vix: number | null): number {
  if (!scalers.enabled || !known(vix)) return 1;
  let factor = 1;
  for (const step of scalers.vix) if (vix >= step.atOrAbove) factor = Math.min(factor, step.factor);
  return factor;
}

/** The factor of the deepest term step reached (VIX3M/VIX < below); 1 when none or unknown. */
export function termScaler(scalers: ScalerConfig, termRatio: number | null): number {
  if (!scalers.enabled || !known(termRatio)) return 1;
  let factor = 1;
  for (const step of scalers.termStructure) {
    if (termRatio < step.below) factor = Math.min(factor, step.factor);
  }
  return factor;
}

export function combinedScaler(
  scalers: ScalerConfig,
  vix: number | null,
  termRatio: number | null,
): number {
  return vixScaler(scalers, vix) * termScaler(scalers, termRatio);
}

export function effectiveLimits(
  matrix: RiskMatrix,
  regime: RegimeName,
  nlv: number | null,
  vix: number | null,
  termRatio: number | null,
): EffectiveLimits {
  const row = matrix.limits[regime];
  const scaler = combinedScaler(matrix.scalers, vix, termRatio);
  const scaled = new Set<LimitName>(matrix.scalers.appliesTo);
  const useNlv = known(nlv) && nlv > 0;
  const one = (name: LimitName): EffectiveLimit | null => {
    const spec = row[name];
    if (spec === null) return null;
    const factor = scaled.has(name) ? scaler : 1;
    const base = useNlv ? (nlv * spec.pctNlv) / 100 : spec.absolute;
    return {
      limit: base * factor,
      basis: useNlv ? 'nlv' : 'absolute',
      pctNlv: spec.pctNlv * factor,
      scaler: factor,
    };
  };
  return {
    regime,
    betaDelta: one('betaDelta'),
    shortVega: one('shortVega'),
    minTheta: one('minTheta'),
    gamma: one('gamma'),
    maxUnderlyingVegaSharePct: row.maxUnderlyingVegaSharePct,
    maxContracts: row.maxContracts,
    scaler,
  };
}

/** A symbol's tier and that tier's cap (% of NLV); unlisted symbols get the default tier. */
export function tierFor(matrix: RiskMatrix, symbol: string): { tier: number; capPct: number } {
  const tier = matrix.tiers.symbols[symbol.toUpperCase()] ?? matrix.tiers.defaultTier;
  // Validation guarantees every tier used is defined in caps.
  const capPct = matrix.tiers.caps[String(tier)] ?? 0;
  return { tier, capPct };
}
