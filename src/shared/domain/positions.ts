import { z } from 'zod';
import { InstrumentSchema } from './instrument';
import { TimestampSchema } from './market';

/** Where a position's Greeks came from. `none`: no valid Greeks — flagged, excluded from sums. */
export const GreeksSourceSchema = z.enum(['broker', 'local', 'none']);
export type GreeksSource = z.infer<typeof GreeksSourceSchema>;

/**
 * Position Greeks in the units shown to the trader: delta and gamma in share-equivalents
 * (gamma per 1 point of the underlying), theta in $ per calendar day, vega in $ per vol point.
 */
export const PositionGreeksSchema = z
  .object({
    delta: z.number().finite(),
    gamma: z.number().finite(),
    theta: z.number().finite(),
    vega: z.number().finite(),
  })
  .strict();
export type PositionGreeks = z.infer<typeof PositionGreeksSchema>;

const nullableNumber = z.number().finite().nullable();

export const PositionRowSchema = z
  .object({
    /** account + instrument key: unique within the book. */
    id: z.string(),
    account: z.string(),
    instrument: InstrumentSchema,
    /** Underlying root used for grouping (ES and its options group together). */
    underlying: z.string(),
    quantity: z.number().finite(),
    /** Average cost per share/unit (premium per share for options). */
    avgPrice: z.number().finite(),
    price: nullableNumber,
    priceTime: TimestampSchema.nullable(),
    priceStale: z.boolean(),
    underlyingPrice: nullableNumber,
    /** Calendar days to expiry in US/Eastern, null for stock. */
    dte: z.number().int().nullable(),
    marketValue: nullableNumber,
    unrealizedPnl: nullableNumber,
    greeks: PositionGreeksSchema.nullable(),
    greeksSource: GreeksSourceSchema,
    greeksTime: TimestampSchema.nullable(),
    greeksStale: z.boolean(),
    iv: nullableNumber,
  })
  .strict();
export type PositionRow = z.infer<typeof PositionRowSchema>;

export const PositionTotalsSchema = z
  .object({
    positions: z.number().int().nonnegative(),
    marketValue: z.number().finite(),
    unrealizedPnl: z.number().finite(),
    greeks: PositionGreeksSchema,
    /** Positions whose Greeks entered the sums / positions that need Greeks. */
    greeksValid: z.number().int().nonnegative(),
    greeksNeeded: z.number().int().nonnegative(),
    /** Positions priced from stale data. */
    stale: z.number().int().nonnegative(),
  })
  .strict();
export type PositionTotals = z.infer<typeof PositionTotalsSchema>;

export const PositionGroupSchema = z
  .object({
    underlying: z.string(),
    underlyingPrice: nullableNumber,
    totals: PositionTotalsSchema,
  })
  .strict();
export type PositionGroup = z.infer<typeof PositionGroupSchema>;

export const PositionsViewSchema = z
  .object({
    asOf: TimestampSchema,
    rows: z.array(PositionRowSchema),
    groups: z.array(PositionGroupSchema),
    totals: PositionTotalsSchema,
  })
  .strict();
export type PositionsView = z.infer<typeof PositionsViewSchema>;

/**
 * Stream payload. The first event after subscribing is `full` (every row); later events carry
 * only changed rows and removed ids, plus fresh group and book totals.
 */
export const PositionsUpdateSchema = z
  .object({
    asOf: TimestampSchema,
    full: z.boolean(),
    upserts: z.array(PositionRowSchema),
    removed: z.array(z.string()),
    groups: z.array(PositionGroupSchema),
    totals: PositionTotalsSchema,
  })
  .strict();
export type PositionsUpdate = z.infer<typeof PositionsUpdateSchema>;
