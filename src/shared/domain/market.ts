import { z } from 'zod';

/** Epoch milliseconds (wall clock of the main process). */
export const TimestampSchema = z.number().int().nonnegative();

const price = z.number().finite().nullable();

/** Top of book for one instrument. Null means "no value" — never a sentinel number. */
export const QuoteSchema = z
  .object({
    key: z.string(),
    bid: price,
    ask: price,
    last: price,
    /** Mid when both sides are valid, else last, else null. */
    mark: price,
    bidSize: z.number().nonnegative().nullable(),
    askSize: z.number().nonnegative().nullable(),
    /** True when the broker only has delayed data for this line. */
    delayed: z.boolean(),
    time: TimestampSchema,
  })
  .strict();
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * Option model values as a broker reports them: per share (not per contract), vega per one
 * vol point, theta per calendar day. Fields the broker could not compute are null.
 */
export const OptionModelSchema = z
  .object({
    key: z.string(),
    iv: z.number().finite().nullable(),
    delta: z.number().finite().nullable(),
    gamma: z.number().finite().nullable(),
    vega: z.number().finite().nullable(),
    theta: z.number().finite().nullable(),
    modelPrice: z.number().finite().nullable(),
    underlyingPrice: z.number().finite().nullable(),
    time: TimestampSchema,
  })
  .strict();
export type OptionModel = z.infer<typeof OptionModelSchema>;

export const QuotesUpdateSchema = z
  .object({ asOf: TimestampSchema, quotes: z.array(QuoteSchema) })
  .strict();
export type QuotesUpdate = z.infer<typeof QuotesUpdateSchema>;

export const DailyBarSchema = z
  .object({
    date: z.string(),
    open: z.number(),
    high: z.number(),
    low: z.number(),
    close: z.number(),
    volume: z.number().nonnegative(),
  })
  .strict();
export type DailyBar = z.infer<typeof DailyBarSchema>;

export const OptionChainSchema = z
  .object({
    underlying: z.string(),
    secType: z.enum(['OPT', 'FOP']),
    multiplier: z.number().positive(),
    exercise: z.enum(['european', 'american']),
    expirations: z.array(z.string()),
    strikes: z.array(z.number()),
  })
  .strict();
export type OptionChain = z.infer<typeof OptionChainSchema>;
