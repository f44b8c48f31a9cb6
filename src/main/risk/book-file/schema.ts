/**
 * The book file `npm run risk` reads (docs/book-format.md). Strict: unknown keys and wrong
 * types are errors listed by path, like the risk matrix.
 */
import { z } from 'zod';
import { BenchmarkSchema } from '@shared/domain/risk';
import { IsoDateSchema } from '@shared/domain/instrument';

const finite = z.number().finite();
const positive = finite.positive();
const nonNegative = finite.min(0);

export const BrokerGreeksFileSchema = z
  .object({
    delta: finite,
    gamma: finite,
    theta: finite,
    vega: finite,
    /** Checked like every broker value: a bad one (−1, a sentinel) falls back per position. */
    iv: finite.optional(),
    /** Age of these Greeks in seconds at valuation time (default 0: fresh). */
    ageSeconds: nonNegative.optional(),
  })
  .strict();

export const BookPositionSchema = z
  .object({
    symbol: z.string().min(1),
    secType: z.enum(['STK', 'FUT', 'OPT', 'FOP']),
    right: z.enum(['C', 'P']).optional(),
    strike: positive.optional(),
    expiry: IsoDateSchema.optional(),
    exercise: z.enum(['european', 'american']).optional(),
    /** AM: settles on the 09:30 opening print (standard SPX monthlies, VIX…); default PM (16:00). */
    settlement: z.enum(['AM', 'PM']).optional(),
    multiplier: positive.optional(),
    quantity: finite.refine((q) => q !== 0, 'must not be 0'),
    /** Mark per share/unit: an option's mid, used to solve implied vol. */
    price: nonNegative.optional(),
    /** Volatility as a fraction (0.18 = 18%): overrides the implied-vol solve. */
    iv: positive.max(10).optional(),
    /** Futures options: the price of the future they are on, when not in market.underlyings. */
    underlyingPrice: positive.optional(),
    /** Broker model Greeks per share (vega per vol point, theta per day). */
    greeks: BrokerGreeksFileSchema.optional(),
    account: z.string().optional(),
  })
  .strict();
export type BookPosition = z.infer<typeof BookPositionSchema>;

export const BookUnderlyingSchema = z
  .object({
    price: positive,
    dividendYield: finite.min(0).max(0.5).optional(),
    beta: finite.min(-10).max(10).optional(),
  })
  .strict();

export const BookFileSchema = z
  .object({
    valuationTime: z.iso.datetime({
      offset: true,
      error: 'must be an ISO 8601 time with its UTC offset, e.g. "2026-11-20T15:00:00-05:00"',
    }),
    benchmark: BenchmarkSchema.optional(),
    rate: finite.min(-0.05).max(0.5),
    account: z
      .object({
        netLiquidation: positive,
        excessLiquidity: finite.optional(),
        startOfDayNetLiquidation: positive.optional(),
        /** The broker's P&L since the session open; start of day = NLV − dailyPnl. */
        dailyPnl: finite.optional(),
      })
      .strict()
      .optional(),
    market: z
      .object({
        VIX: positive.optional(),
        VIX3M: positive.optional(),
        VVIX: positive.optional(),
        underlyings: z.record(z.string().min(1), BookUnderlyingSchema),
      })
      .strict(),
    positions: z.array(BookPositionSchema),
  })
  .strict();
export type BookFile = z.infer<typeof BookFileSchema>;

/** Proposed legs for `--proposed`: a list of position-shaped lines (quantity = change). */
export const ProposedLegsSchema = z.union([
  z.array(BookPositionSchema),
  z.object({ legs: z.array(BookPositionSchema) }).strict(),
]);
