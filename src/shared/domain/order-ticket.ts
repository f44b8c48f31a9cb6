/**
 * The order path as the contract carries it: a ticket to review (legs by instrument or by
 * Bulwark key), the gate's review with its single-use confirmation token, the orders the core
 * owns from sent to their end, their events, and the trading state.
 */
import { z } from 'zod';
import { InstrumentSchema } from './instrument';
import { TimestampSchema } from './market';
import { ActionSchema, MarginImpactSchema, OrderRequestSchema } from './orders';
import { LightSchema } from './risk';

/** A leg names its instrument in full (as the chain gives it) or by key, e.g. `OPT:SPX:2026-12-18:P:5800`. */
export const LegInstrumentSchema = z.union([
  InstrumentSchema,
  z.object({ key: z.string().min(1).max(120) }).strict(),
]);

export const TicketLegSchema = z
  .object({
    instrument: LegInstrumentSchema,
    action: ActionSchema,
    ratio: z.int().min(1).max(100),
  })
  .strict();
export type TicketLeg = z.infer<typeof TicketLegSchema>;

/** How a sent order is worked: a plain limit, or a limit that walks toward a worst price. */
export const OrderExecutionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('limit') }).strict(),
  z
    .object({
      kind: z.literal('walk'),
      /** The worst acceptable limit (per combo unit); the walk never goes past it. */
      worstPrice: z.number().finite(),
    })
    .strict(),
]);
export type OrderExecution = z.infer<typeof OrderExecutionSchema>;

export const OrderTicketSchema = z
  .object({
    account: z.string().min(1).max(32).optional(),
    action: ActionSchema,
    quantity: z.int().min(1).max(1_000_000),
    orderType: z.enum(['LMT', 'MKT']),
    limitPrice: z.number().finite().optional(),
    tif: z.enum(['DAY', 'GTC']),
    legs: z.array(TicketLegSchema).min(1).max(8),
    /** The trader's tag (e.g. "iron condor", "FLATTEN"), travels with the order to the journal. */
    strategy: z.string().max(60).optional(),
    rationale: z.string().max(2000).optional(),
    execution: OrderExecutionSchema.optional(),
    /** The trader saw the duplicate warning and wants the same order again. */
    sendAgain: z.boolean().optional(),
  })
  .strict()
  .refine((o) => o.orderType !== 'LMT' || o.limitPrice !== undefined, {
    message: 'a LMT order needs a limitPrice',
    path: ['limitPrice'],
  })
  .refine((o) => o.orderType !== 'MKT' || o.limitPrice === undefined, {
    message: 'a MKT order has no limitPrice',
    path: ['limitPrice'],
  })
  .refine((o) => o.execution?.kind !== 'walk' || o.orderType === 'LMT', {
    message: 'a walking limit is a LMT order',
    path: ['execution'],
  });
export type OrderTicket = z.infer<typeof OrderTicketSchema>;

/** Every code a gate check can deny or warn with: a closed list. */
export const GateCodeSchema = z.enum([
  'UNKNOWN_INSTRUMENT',
  'INVALID_ORDER',
  'SETTINGS_INVALID',
  'TRADING_HALTED',
  'REDUCE_ONLY',
  'LIVE_TRADING_DISABLED',
  'MARKET_ORDER_DISABLED',
  'STALE_DATA',
  'MAX_CONTRACTS',
  'MAX_NOTIONAL',
  'PRICE_COLLAR',
  'DUPLICATE_ORDER',
  'ORDER_RATE',
  'RISK_LIMIT',
  'MARGIN_CUSHION',
  'WHAT_IF_FAILED',
  'WHAT_IF_WARNING',
  'MARKETABLE',
]);
export type GateCode = z.infer<typeof GateCodeSchema>;

const DetailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const GateFindingSchema = z
  .object({ code: GateCodeSchema, message: z.string(), details: DetailsSchema })
  .strict();
export type GateFinding = z.infer<typeof GateFindingSchema>;

/** One check's outcome, in the order the gate ran them. */
export const CheckOutcomeSchema = z
  .object({
    check: z.string(),
    outcome: z.enum(['pass', 'warn', 'deny', 'skip']),
    code: GateCodeSchema.nullable(),
    message: z.string(),
    details: DetailsSchema,
  })
  .strict();
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

const num = z.number().finite().nullable();

export const ReviewLegSchema = z
  .object({
    instrument: InstrumentSchema,
    action: ActionSchema,
    ratio: z.number().int().positive(),
    bid: num,
    ask: num,
    mid: num,
    /** Per share, broker model when valid else the local model. */
    delta: num,
    iv: num,
    quoteTime: TimestampSchema.nullable(),
  })
  .strict();
export type ReviewLeg = z.infer<typeof ReviewLegSchema>;

/** The trade's own risk: projected book totals minus the current ones ($ units). */
export const TradeGreeksSchema = z
  .object({ delta: num, betaDelta: num, gamma: num, theta: num, vega: num })
  .strict();
export type TradeGreeks = z.infer<typeof TradeGreeksSchema>;

export const LightChangeSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    before: LightSchema.nullable(),
    after: LightSchema,
    beforeUtilization: num,
    afterUtilization: num,
    explanation: z.string(),
  })
  .strict();
export type LightChange = z.infer<typeof LightChangeSchema>;

export const TradingStateNameSchema = z.enum(['active', 'reduce-only', 'halted']);
export type TradingStateName = z.infer<typeof TradingStateNameSchema>;

export const TradingStateSchema = z
  .object({
    state: TradingStateNameSchema,
    reason: z.string(),
    /** Who set it: the trader, the daily-drawdown guard, or the kill switch. */
    source: z.enum(['startup', 'user', 'drawdown', 'kill-switch']),
    since: TimestampSchema,
  })
  .strict();
export type TradingState = z.infer<typeof TradingStateSchema>;

export const ReviewSchema = z
  .object({
    reviewId: z.string(),
    /** The client order reference the order carries from here to the journal. */
    clientRef: z.string(),
    decision: z.enum(['allowed', 'warned', 'denied']),
    denials: z.array(GateFindingSchema),
    warnings: z.array(GateFindingSchema),
    checks: z.array(CheckOutcomeSchema),
    /** Single use, bound to exactly this order; null when denied. */
    confirmToken: z.string().nullable(),
    expiresAt: TimestampSchema.nullable(),
    /** The order as it would be sent, legs resolved to full instruments. */
    order: OrderRequestSchema,
    strategy: z.string().nullable(),
    rationale: z.string().nullable(),
    execution: OrderExecutionSchema,
    reducesRisk: z.boolean(),
    legs: z.array(ReviewLegSchema),
    /** Per combo unit, in the order's direction: natural = pay the ask / hit the bid. */
    prices: z.object({ natural: num, mid: num, far: num, tick: z.number().positive() }).strict(),
    tradeGreeks: TradeGreeksSchema.nullable(),
    lights: z.array(LightChangeSchema),
    whatIf: MarginImpactSchema.nullable(),
    whatIfSource: z.enum(['broker', 'local']).nullable(),
    cushion: z.object({ before: num, after: num, min: z.number() }).strict(),
    tradingState: TradingStateSchema,
    createdAt: TimestampSchema,
  })
  .strict();
export type Review = z.infer<typeof ReviewSchema>;

export const OrderLifecycleSchema = z.enum([
  'sent',
  'working',
  'partially-filled',
  'filled',
  'cancelled',
  'rejected',
  'inactive',
]);
export type OrderLifecycle = z.infer<typeof OrderLifecycleSchema>;

export const WalkStateSchema = z
  .object({
    step: z.int().nonnegative(),
    maxSteps: z.int().positive(),
    worstPrice: z.number().finite(),
    currentPrice: z.number().finite(),
    ended: z.string().nullable(),
  })
  .strict();
export type WalkState = z.infer<typeof WalkStateSchema>;

export const OrderRecordSchema = z
  .object({
    orderId: z.int(),
    clientRef: z.string(),
    status: OrderLifecycleSchema,
    request: OrderRequestSchema,
    strategy: z.string().nullable(),
    rationale: z.string().nullable(),
    filled: z.number().nonnegative(),
    remaining: z.number().nonnegative(),
    avgFillPrice: num,
    commission: z.number().finite(),
    /** Rejection, cancel or TWS precaution message in plain words. */
    reason: z.string().nullable(),
    walk: WalkStateSchema.nullable(),
    sentAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .strict();
export type OrderRecord = z.infer<typeof OrderRecordSchema>;

export const OrderEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order'), order: OrderRecordSchema }).strict(),
  z
    .object({
      type: z.literal('fill'),
      orderId: z.int(),
      execId: z.string(),
      instrumentKey: z.string(),
      side: z.enum(['BOT', 'SLD']),
      quantity: z.number().positive(),
      price: z.number().finite(),
      time: TimestampSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('notice'),
      orderId: z.int().nullable(),
      code: z.string(),
      message: z.string(),
      time: TimestampSchema,
    })
    .strict(),
]);
export type OrderEvent = z.infer<typeof OrderEventSchema>;

export const SubmitInputSchema = z.object({ confirmToken: z.string().min(1).max(200) }).strict();
export const OrderIdInputSchema = z.object({ orderId: z.int().nonnegative() }).strict();
export const ModifyInputSchema = z
  .object({ orderId: z.int().nonnegative(), limitPrice: z.number().finite() })
  .strict();
export const SetTradingStateSchema = z
  .object({ state: TradingStateNameSchema, reason: z.string().max(200).optional() })
  .strict();
