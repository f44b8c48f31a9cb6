/**
 * The option chain as the order ticket shows it: one expiry, the strikes around the money with
 * both sides' quotes, delta and IV. Values the broker does not give are null, never guessed.
 */
import { z } from 'zod';
import { InstrumentSchema, IsoDateSchema } from './instrument';
import { TimestampSchema } from './market';

export const ChainRequestSchema = z
  .object({
    /** The underlying symbol: SPX, SPY, QQQ, ES, AAPL… */
    underlying: z.string().min(1).max(12),
    /** The expiry to show; the nearest one when absent. */
    expiry: IsoDateSchema.optional(),
    /** How many strikes each side of the money. */
    strikesAround: z.int().min(1).max(40).optional(),
  })
  .strict();
export type ChainRequest = z.infer<typeof ChainRequestSchema>;

const num = z.number().finite().nullable();

export const ChainQuoteSchema = z
  .object({
    instrument: InstrumentSchema,
    bid: num,
    ask: num,
    mid: num,
    delta: num,
    iv: num,
    openInterest: z.number().nonnegative().nullable(),
    /** When the quote was received; null before the first one. */
    time: TimestampSchema.nullable(),
  })
  .strict();
export type ChainQuote = z.infer<typeof ChainQuoteSchema>;

export const ChainRowSchema = z
  .object({
    strike: z.number().positive(),
    call: ChainQuoteSchema.nullable(),
    put: ChainQuoteSchema.nullable(),
  })
  .strict();
export type ChainRow = z.infer<typeof ChainRowSchema>;

export const ChainViewSchema = z
  .object({
    underlying: z.string(),
    /** The instrument the options price off (index, stock or the future). */
    underlyingInstrument: InstrumentSchema,
    underlyingPrice: num,
    expirations: z.array(IsoDateSchema),
    expiry: IsoDateSchema,
    multiplier: z.number().positive(),
    rows: z.array(ChainRowSchema),
    asOf: TimestampSchema,
  })
  .strict();
export type ChainView = z.infer<typeof ChainViewSchema>;
