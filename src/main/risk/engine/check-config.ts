/**
 * What the checks need to know, already resolved for the current regime, NLV and VIX: limits
 * in dollars, guardrail settings and light thresholds. frame.ts builds it from the risk matrix.
 */
import type { RegimeName } from '@shared/domain/risk';
import type { LightThresholds } from './lights';

export interface DollarLimit {
  /** The limit in $ (after the NLV percentage or absolute fallback and any scaler). */
  limit: number;
  basis: 'nlv' | 'absolute';
  pctNlv: number;
  scaler: number;
}

export interface CheckConfig {
  regime: RegimeName;
  /** $ P&L of a 1% benchmark move. Null: no limit in this regime. */
  betaDelta: DollarLimit | null;
  /** Short vega, $ per vol point. */
  shortVega: DollarLimit | null;
  /** Theta floor, $ per day. */
  minTheta: DollarLimit | null;
  /** |Gamma P&L of a 1% move|, $. */
  gamma: DollarLimit | null;
  maxUnderlyingVegaSharePct: number;
  maxBetaDeltaSharePct: number;
  maxContracts: number;
  marginCushionMin: number;
  dailyDrawdownPct: number;
  thetaVegaRatio: { redBelow: number; greenLow: number; greenHigh: number; redAbove: number };
  expiry: { warningDte: number; criticalDte: number };
  gammaNearExpiry: { maxDte: number; threshold: number };
  tiers: {
    bufferPct: number;
    /** Tier → max gross delta exposure, % of NLV. */
    caps: ReadonlyMap<number, number>;
    symbols: ReadonlyMap<string, number>;
    defaultTier: number;
  };
  lights: LightThresholds;
}
