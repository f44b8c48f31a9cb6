import { z } from 'zod';
import { InstrumentSchema } from './instrument';
import { TimestampSchema } from './market';

export const ActionSchema = z.enum(['BUY', 'SELL']);
export type Action = z.infer<typeof ActionSchema>;

export const OrderLegSchema = z
  .object({
    instrument: InstrumentSchema,
    action: ActionSchema,
    ratio: z.number().int().positive(),
  })
  .strict();
export type OrderLeg = z.infer<typeof OrderLegSchema>;

/**
 * An order as the broker port takes it, in IB's combo convention: one leg is a plain order;
 * several legs are one BAG order whose limit price is per combo unit (negative = credit when
 * the combo is bought). The order gate (later) decides whether it may be sent at all.
 */
export const OrderRequestSchema = z
  .object({
    account: z.string().optional(),
    action: ActionSchema,
    quantity: z.number().int().positive(),
    orderType: z.enum(['LMT', 'MKT']),
    limitPrice: z.number().finite().optional(),
    tif: z.enum(['DAY', 'GTC']),
    legs: z.array(OrderLegSchema).min(1),
    orderRef: z.string().optional(),
  })
  .strict()
  // A limit order without its price, or a market order with one, is a malformed order.
  .refine((o) => o.orderType !== 'LMT' || o.limitPrice !== undefined, {
    message: 'a LMT order needs a limitPrice',
    path: ['limitPrice'],
  })
  .refine((o) => o.orderType !== 'MKT' || o.limitPrice === undefined, {
    message: 'a MKT order has no limitPrice',
    path: ['limitPrice'],
  });
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

/** A change to a working order: a new limit price and/or total quantity (never below filled). */
export const OrderChangeSchema = z
  .object({
    limitPrice: z.number().finite().optional(),
    quantity: z.number().int().positive().optional(),
  })
  .strict()
  .refine((c) => c.limitPrice !== undefined || c.quantity !== undefined, 'nothing to change');
export type OrderChange = z.infer<typeof OrderChangeSchema>;

export const OrderStatusSchema = z.enum([
  'PendingSubmit',
  'PreSubmitted',
  'Submitted',
  'Filled',
  'Cancelled',
  'Inactive',
]);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderStatusEventSchema = z
  .object({
    orderId: z.number().int(),
    status: OrderStatusSchema,
    filled: z.number().nonnegative(),
    remaining: z.number().nonnegative(),
    avgFillPrice: z.number().finite().nullable(),
    lastFillPrice: z.number().finite().nullable(),
    /** Rejection or cancel reason in plain words, when there is one. */
    reason: z.string().nullable(),
    time: TimestampSchema,
  })
  .strict();
export type OrderStatusEvent = z.infer<typeof OrderStatusEventSchema>;

/** One execution of one leg. Keyed by execId: duplicates are dropped by the consumer. */
export const ExecutionSchema = z
  .object({
    execId: z.string(),
    orderId: z.number().int(),
    account: z.string(),
    instrument: InstrumentSchema,
    side: z.enum(['BOT', 'SLD']),
    quantity: z.number().positive(),
    price: z.number().finite(),
    cumQty: z.number().nonnegative(),
    avgPrice: z.number().finite(),
    time: TimestampSchema,
  })
  .strict();
export type Execution = z.infer<typeof ExecutionSchema>;

export const CommissionReportSchema = z
  .object({
    execId: z.string(),
    commission: z.number().finite(),
    currency: z.literal('USD'),
    realizedPnl: z.number().finite().nullable(),
  })
  .strict();
export type CommissionReport = z.infer<typeof CommissionReportSchema>;

export const WorkingOrderSchema = z
  .object({
    orderId: z.number().int(),
    request: OrderRequestSchema,
    status: OrderStatusSchema,
    filled: z.number().nonnegative(),
    remaining: z.number().nonnegative(),
    avgFillPrice: z.number().finite().nullable(),
  })
  .strict();
export type WorkingOrder = z.infer<typeof WorkingOrderSchema>;

/** Broker what-if: margin before/after the order and the expected commission. */
export const MarginImpactSchema = z
  .object({
    initMarginBefore: z.number().finite(),
    maintMarginBefore: z.number().finite(),
    initMarginAfter: z.number().finite(),
    maintMarginAfter: z.number().finite(),
    initMarginChange: z.number().finite(),
    maintMarginChange: z.number().finite(),
    equityWithLoanBefore: z.number().finite(),
    equityWithLoanAfter: z.number().finite(),
    commission: z.number().finite().nullable(),
    warning: z.string().nullable(),
  })
  .strict();
export type MarginImpact = z.infer<typeof MarginImpactSchema>;
