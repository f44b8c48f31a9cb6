/**
 * The risk frame: everything the risk engine says about the book at one instant. Units follow
 * docs/risk-engine.md: delta and β-delta in share-equivalents (β-delta in benchmark shares),
 * `…Dollars` in $, gamma in share-equivalents per 1 point, theta in $ per calendar day, vega in
 * $ per 1 vol point. Utilization is in percent of the limit.
 */
import { z } from 'zod';
import { GreeksSourceSchema } from './positions';
import { TimestampSchema } from './market';

const num = z.number().finite();
const nullableNum = num.nullable();

export const BenchmarkSchema = z.enum(['SPX', 'SPY', 'ES']);
export type Benchmark = z.infer<typeof BenchmarkSchema>;

export const RegimeNameSchema = z.enum(['low_volatility', 'neutral', 'high_volatility', 'crisis']);
export type RegimeName = z.infer<typeof RegimeNameSchema>;

/** `stale` is drawn grey: the inputs are too old to say anything, so never green. */
export const LightSchema = z.enum(['green', 'yellow', 'red', 'stale']);
export type Light = z.infer<typeof LightSchema>;

/** Every light the engine draws: a closed list, see docs/risk-engine.md. */
export const LightCodeSchema = z.enum([
  'BETA_DELTA',
  'SHORT_VEGA',
  'MIN_THETA',
  'GAMMA',
  'THETA_VEGA_RATIO',
  'VEGA_CONCENTRATION',
  'DELTA_CONCENTRATION',
  'TIER_CAP',
  'GAMMA_NEAR_EXPIRY',
  'MARGIN_CUSHION',
  'DAILY_DRAWDOWN',
  'MAX_CONTRACTS',
  'EXPIRY',
]);
export type LightCode = z.infer<typeof LightCodeSchema>;

/** Every alarm the engine raises: a closed list, see docs/risk-engine.md. */
export const AlarmCodeSchema = z.enum([
  'SHORT_OPTION_EXPIRY',
  'GAMMA_NEAR_EXPIRY',
  'MARGIN_CALL',
  'NO_GREEKS',
  'BROKER_GREEKS_REFUSED',
  'BETA_UNAVAILABLE',
  'ENGINE_FAILED',
]);
export type AlarmCode = z.infer<typeof AlarmCodeSchema>;

export const LimitCheckSchema = z
  .object({
    /** Stable code, e.g. BETA_DELTA, SHORT_VEGA; see docs/risk-engine.md. */
    code: LightCodeSchema,
    /** Plain name shown to the trader, e.g. "Beta-weighted delta". */
    name: z.string(),
    value: nullableNum,
    limit: nullableNum,
    /** What value and limit are measured in, e.g. "% NLV", "$", "ratio", "contracts". */
    unit: z.string(),
    utilization: nullableNum,
    light: LightSchema,
    /** Plain words: why the light has this colour. */
    explanation: z.string(),
    /** The underlying, position or tier the worst reading came from, if any. */
    subject: z.string().nullable(),
    /** Band checks (theta/vega ratio): the edges; null for limit checks. */
    band: z
      .object({ redBelow: num, greenLow: num, greenHigh: num, redAbove: num })
      .strict()
      .nullable(),
  })
  .strict();
export type LimitCheck = z.infer<typeof LimitCheckSchema>;

export const AlarmSchema = z
  .object({
    code: AlarmCodeSchema,
    severity: z.enum(['info', 'warning', 'critical']),
    subject: z.string(),
    message: z.string(),
  })
  .strict();
export type Alarm = z.infer<typeof AlarmSchema>;

export const RegimeStateSchema = z
  .object({
    name: RegimeNameSchema,
    /** When the current regime was entered (valuation time in the CLI). */
    since: TimestampSchema,
    vix: nullableNum,
    vix3m: nullableNum,
    vvix: nullableNum,
    /** VIX3M / VIX: above 1 is contango, below 1 backwardation. */
    termRatio: nullableNum,
    /** A different regime the readings point to, waiting for confirmation (hysteresis). */
    pending: RegimeNameSchema.nullable(),
    /** Combined limit scaler from the VIX level and term structure (1 = none). */
    scaler: num,
  })
  .strict();
export type RegimeState = z.infer<typeof RegimeStateSchema>;

export const GreekTotalsSchema = z
  .object({
    delta: num,
    deltaDollars: num,
    betaDelta: num,
    betaDeltaDollars: num,
    gamma: num,
    theta: num,
    vega: num,
  })
  .strict();
export type GreekTotals = z.infer<typeof GreekTotalsSchema>;

export const BetaSourceSchema = z.enum(['user', 'computed', 'index', 'unavailable']);
export type BetaSource = z.infer<typeof BetaSourceSchema>;

export const UnderlyingRiskSchema = GreekTotalsSchema.extend({
  underlying: z.string(),
  price: nullableNum,
  beta: num,
  betaSource: BetaSourceSchema,
  positions: z.number().int().nonnegative(),
  /** Share of the book's total |vega| and |β-delta|, percent. */
  vegaShare: num,
  betaDeltaShare: num,
}).strict();
export type UnderlyingRisk = z.infer<typeof UnderlyingRiskSchema>;

export const ExpiryRiskSchema = GreekTotalsSchema.extend({
  expiry: z.string(),
  dte: z.number().int(),
  positions: z.number().int().nonnegative(),
}).strict();
export type ExpiryRisk = z.infer<typeof ExpiryRiskSchema>;

export const DTE_BUCKETS = ['0-2', '3-7', '8-30', '31-60', '>60'] as const;
export const DteBucketSchema = z.enum(DTE_BUCKETS);
export type DteBucket = z.infer<typeof DteBucketSchema>;

export const GammaBucketSchema = z
  .object({
    bucket: DteBucketSchema,
    gamma: num,
    /** Change in dollar delta for a 1% move of each underlying: Σ Γ·S²·1%. */
    gammaDollarsPer1Pct: num,
  })
  .strict();
export type GammaBucket = z.infer<typeof GammaBucketSchema>;

export const PositionRiskSchema = z
  .object({
    id: z.string(),
    underlying: z.string(),
    description: z.string(),
    quantity: num,
    dte: z.number().int().nullable(),
    delta: nullableNum,
    gamma: nullableNum,
    theta: nullableNum,
    vega: nullableNum,
    betaDelta: nullableNum,
    iv: nullableNum,
    greeksSource: GreeksSourceSchema,
    /** Age of the Greeks in ms at valuation time; null when there are none. */
    greeksAgeMs: nullableNum,
    /** Why the position has no Greeks, when greeksSource is none. */
    problem: z.string().nullable(),
  })
  .strict();
export type PositionRisk = z.infer<typeof PositionRiskSchema>;

export const CoverageSchema = z
  .object({
    positions: z.number().int().nonnegative(),
    withGreeks: z.number().int().nonnegative(),
    broker: z.number().int().nonnegative(),
    local: z.number().int().nonnegative(),
    none: z.number().int().nonnegative(),
    /** withGreeks / positions, percent (100 for an empty book). */
    percent: num,
  })
  .strict();
export type Coverage = z.infer<typeof CoverageSchema>;

export const ScenarioModeSchema = z.enum(['beta', 'uniform']);

export const ScenarioGridSchema = z
  .object({
    /** Benchmark moves in percent, e.g. −20…20. */
    moves: z.array(num),
    /** Vol shifts in vol points, e.g. −10…10. */
    volShifts: z.array(num),
    /** pnl[v][m]: P&L in $ for volShifts[v] and moves[m], revalued now. */
    pnl: z.array(z.array(num)),
    /** P&L in $ for each move with no vol shift after one calendar day of decay. */
    decay1d: z.array(num),
    mode: ScenarioModeSchema,
  })
  .strict();
export type ScenarioGrid = z.infer<typeof ScenarioGridSchema>;

export const StandardShockSchema = z
  .object({ label: z.string(), move: num, betaMapped: num, uniform: num })
  .strict();
export type StandardShock = z.infer<typeof StandardShockSchema>;

export const VarResultSchema = z
  .object({
    parametric95: num,
    parametric99: num,
    mc95: nullableNum,
    mc99: nullableNum,
    /** One-day benchmark move used, as a fraction (VIX / 100 / √252 unless given). */
    sigmaDaily: num,
    paths: z.number().int().nonnegative(),
    seed: z.number().int(),
  })
  .strict();
export type VarResult = z.infer<typeof VarResultSchema>;

/** When the heavy results (grid, standard shocks, Monte Carlo) were computed, and from what. */
export const HeavyStampSchema = z
  .object({
    /** Valuation time of the book they were computed from. */
    inputTime: TimestampSchema,
    /** When the worker finished them. */
    computedAt: TimestampSchema,
    /** True when positions or prices have changed since inputTime: the figures lag the book. */
    stale: z.boolean(),
  })
  .strict();
export type HeavyStamp = z.infer<typeof HeavyStampSchema>;

export const RiskFrameSchema = z
  .object({
    asOf: TimestampSchema,
    valuationTime: TimestampSchema,
    benchmark: z.object({ symbol: BenchmarkSchema, price: nullableNum }).strict(),
    netLiquidation: nullableNum,
    regime: RegimeStateSchema,
    totals: GreekTotalsSchema.extend({ thetaVegaRatio: nullableNum }).strict(),
    byUnderlying: z.array(UnderlyingRiskSchema),
    byExpiry: z.array(ExpiryRiskSchema),
    gammaByDte: z.array(GammaBucketSchema),
    coverage: CoverageSchema,
    lights: z.array(LimitCheckSchema),
    alarms: z.array(AlarmSchema),
    /** True when any light is stale (grey); staleReason says why (never null when stale). */
    stale: z.boolean(),
    staleReason: z.string().nullable(),
    /** Set when the engine failed to compute this frame: every light is grey, this says why. */
    failure: z.string().nullable(),
    scenarios: ScenarioGridSchema.nullable(),
    standardShocks: z.array(StandardShockSchema),
    var: VarResultSchema.nullable(),
    /** Age and input time of scenarios/standardShocks/var's Monte Carlo; null until computed. */
    heavy: HeavyStampSchema.nullable(),
    /** Per position; the live stream leaves it out (positions.changed carries each row). */
    positions: z.array(PositionRiskSchema).optional(),
  })
  .strict();
export type RiskFrame = z.infer<typeof RiskFrameSchema>;

export const RegimeChangeSchema = z
  .object({
    from: RegimeNameSchema,
    to: RegimeNameSchema,
    at: TimestampSchema,
    vix: nullableNum,
    termRatio: nullableNum,
  })
  .strict();
export type RegimeChange = z.infer<typeof RegimeChangeSchema>;
