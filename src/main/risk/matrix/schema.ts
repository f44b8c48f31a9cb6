/**
 * The risk matrix: the limits, regimes, scalers and guardrails the trader edits as YAML
 * (resources/risk-matrix.default.yaml explains every key and its unit). This schema checks each
 * value on its own — types, ranges, unknown keys; the relations between values (threshold
 * order, sorted steps, tiers that exist) are checked in checks.ts. Every key is required.
 */
import { z } from 'zod';
import { BenchmarkSchema } from '@shared/domain/risk';
import type { RegimeName } from '@shared/domain/risk';

const nonNegative = z.number().min(0);
const positive = z.number().gt(0);
const dte = z.int().min(0);
/** A share or utilization in percent, where more than 100 means nothing. */
const sharePct = z.number().gt(0).max(100);
const factor = z
  .number()
  .gt(0, { error: 'must be > 0 and ≤ 1 (a factor tightens a limit; 1 = unchanged)' })
  .max(1, { error: 'must be > 0 and ≤ 1 (a factor tightens a limit; 1 = unchanged)' });

/** Upper case, as the broker reports symbols: a lower-case entry would silently never match. */
export const SymbolKeySchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9./ -]*$/, { error: 'must be an upper-case symbol, e.g. AAPL' });
const TierKeySchema = z.string().regex(/^[1-9][0-9]*$/, { error: 'must be a tier number ≥ 1' });
const TierSchema = z.int().min(1);

const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

export const RegimeThresholdsSchema = strict({
  lowVolatility: strict({ vixBelow: positive, termRatioAbove: positive }),
  highVolatility: strict({ vixAbove: positive }),
  crisis: strict({ vixAbove: positive, vvixAbove: positive }),
});
export type RegimeThresholds = z.infer<typeof RegimeThresholdsSchema>;

export const HysteresisSchema = strict({
  /** VIX points past a VIX threshold, away from the current regime. */
  vixBand: nonNegative,
  /** VVIX points past the crisis VVIX threshold. */
  vvixBand: nonNegative,
  /** Term-ratio units past the low-volatility term threshold. */
  termBand: nonNegative,
  /** Consecutive readings needed before a new regime is adopted. */
  confirmations: z.int().min(1).max(1000),
});
export type Hysteresis = z.infer<typeof HysteresisSchema>;

export const RegimeConfigSchema = strict({
  thresholds: RegimeThresholdsSchema,
  hysteresis: HysteresisSchema,
});
export type RegimeConfig = z.infer<typeof RegimeConfigSchema>;

/** One limit: percent of NLV, and a $ fallback used while NLV is unknown. */
export const LimitSpecSchema = strict({
  pctNlv: z.number().min(0).max(100),
  absolute: nonNegative,
});
export type LimitSpec = z.infer<typeof LimitSpecSchema>;

export const LIMIT_NAMES = ['betaDelta', 'shortVega', 'minTheta', 'gamma'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
/** minTheta is a floor: scaling it down would loosen it, so it is never scaled. */
export const ScaledLimitNameSchema = z.enum(['betaDelta', 'shortVega', 'gamma']);
export type ScaledLimitName = z.infer<typeof ScaledLimitNameSchema>;

export const RegimeLimitsSchema = strict({
  /** Max |β-delta $| × 1 %, % NLV. */
  betaDelta: LimitSpecSchema.nullable(),
  /** Max short vega ($ per vol point), % NLV. */
  shortVega: LimitSpecSchema.nullable(),
  /** Theta floor ($ per day), % NLV. */
  minTheta: LimitSpecSchema.nullable(),
  /** Max |½ Σ Γ·(S·1 %)²|, % NLV. */
  gamma: LimitSpecSchema.nullable(),
  maxUnderlyingVegaSharePct: sharePct,
  maxContracts: z.int().min(1),
});
export type RegimeLimits = z.infer<typeof RegimeLimitsSchema>;

const limitsShape = {
  low_volatility: RegimeLimitsSchema,
  neutral: RegimeLimitsSchema,
  high_volatility: RegimeLimitsSchema,
  crisis: RegimeLimitsSchema,
} satisfies Record<RegimeName, typeof RegimeLimitsSchema>;

export const ScalerConfigSchema = strict({
  enabled: z.boolean(),
  appliesTo: z.array(ScaledLimitNameSchema),
  /** Rising atOrAbove; the highest step reached applies. */
  vix: z.array(strict({ atOrAbove: positive, factor })),
  /** Falling below; the deepest step reached applies. */
  termStructure: z.array(strict({ below: positive, factor })),
});
export type ScalerConfig = z.infer<typeof ScalerConfigSchema>;

export const GuardrailsSchema = strict({
  /** Excess liquidity / NLV, a fraction. */
  marginCushionMin: z.number().min(0).lt(1),
  dailyDrawdownPct: sharePct,
  thetaVegaRatio: strict({
    redBelow: nonNegative,
    greenLow: nonNegative,
    greenHigh: positive,
    redAbove: positive,
  }),
  expiry: strict({ warningDte: dte, criticalDte: dte }),
  /** threshold: contract-deltas gained or lost per 1 % move, per underlying. */
  gammaNearExpiry: strict({ maxDte: dte, threshold: positive }),
  maxBetaDeltaSharePct: sharePct,
  lights: strict({ yellowAtPct: sharePct, redAbovePct: sharePct }),
});
export type Guardrails = z.infer<typeof GuardrailsSchema>;

export const TiersSchema = strict({
  bufferPct: z.number().min(0).lt(100),
  /** Tier number (as a string key) → max gross exposure, % NLV. */
  caps: z.record(TierKeySchema, positive),
  symbols: z.record(SymbolKeySchema, TierSchema),
  defaultTier: TierSchema,
});
export type Tiers = z.infer<typeof TiersSchema>;

export const ScenarioConfigSchema = strict({
  movesPct: strict({ from: z.number().min(-100), to: z.number().max(100), step: positive }),
  volShiftsPts: z.array(z.number().min(-100).max(100)).min(1),
});
export type ScenarioConfig = z.infer<typeof ScenarioConfigSchema>;

/** Inputs of the option models. Fractions, not percent: a rate of 5 would be 500 %. */
export const PricingSchema = strict({
  /** Risk-free rate, annual, continuously compounded. */
  rate: z.number().min(-0.05).max(0.25),
  /** Symbol → continuous dividend yield; symbols not listed have none. */
  dividendYields: z.record(SymbolKeySchema, z.number().min(0).max(0.25)),
});
export type Pricing = z.infer<typeof PricingSchema>;

export const RiskMatrixSchema = strict({
  version: z.literal(1),
  benchmark: BenchmarkSchema,
  regimes: RegimeConfigSchema,
  limits: strict(limitsShape),
  scalers: ScalerConfigSchema,
  guardrails: GuardrailsSchema,
  tiers: TiersSchema,
  /** The user's beta table: symbol → beta against the benchmark. */
  betas: z.record(SymbolKeySchema, z.number().min(-10).max(10)),
  scenarios: ScenarioConfigSchema,
  var: strict({ paths: z.int().min(100).max(1_000_000), seed: z.int() }),
  pricing: PricingSchema,
});
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;
