import { z } from 'zod';

/** IB's security types, as far as Bulwark trades them. IND is priced but never held. */
export const SecTypeSchema = z.enum(['STK', 'IND', 'FUT', 'OPT', 'FOP']);
export type SecType = z.infer<typeof SecTypeSchema>;

export const OptionRightSchema = z.enum(['C', 'P']);
export type OptionRight = z.infer<typeof OptionRightSchema>;

export const ExerciseStyleSchema = z.enum(['european', 'american']);
export type ExerciseStyle = z.infer<typeof ExerciseStyleSchema>;

/**
 * When an expiring contract settles: AM on the opening print (09:30 New York: standard SPX,
 * NDX and RUT monthlies, VIX, quarterly ES options), PM at the close (16:00: everything else).
 */
export const SettlementSchema = z.enum(['AM', 'PM']);
export type Settlement = z.infer<typeof SettlementSchema>;

/** Calendar date as YYYY-MM-DD (expiries are dates in US/Eastern). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const InstrumentSchema = z
  .object({
    /** Canonical key, see instrumentKey(): the identity used everywhere in Bulwark. */
    key: z.string().min(1),
    symbol: z.string().min(1),
    secType: SecTypeSchema,
    currency: z.literal('USD'),
    multiplier: z.number().positive(),
    exchange: z.string(),
    conId: z.number().int().optional(),
    /** Human label, e.g. "SPX 18 Dec 26 5800 P". */
    description: z.string(),
    expiry: IsoDateSchema.optional(),
    strike: z.number().positive().optional(),
    right: OptionRightSchema.optional(),
    exercise: ExerciseStyleSchema.optional(),
    /** Key of the instrument an option or future prices off (SPX index, ES future). */
    underlyingKey: z.string().optional(),
    /** The exchange's trading class (SPX vs SPXW); decides AM/PM settlement for index options. */
    tradingClass: z.string().optional(),
    /** Expiring contracts: AM or PM settlement (see settlementFor); absent means PM. */
    settlement: SettlementSchema.optional(),
  })
  .strict();
export type Instrument = z.infer<typeof InstrumentSchema>;

export interface InstrumentKeyParts {
  symbol: string;
  secType: SecType;
  expiry?: string | undefined;
  right?: OptionRight | undefined;
  strike?: number | undefined;
}

/**
 * Canonical instrument key: `STK:AAPL`, `IND:SPX`, `FUT:ES:2026-12-18`,
 * `OPT:SPX:2026-12-18:P:5800`, `FOP:ES:2026-12-18:C:6000`.
 */
export function instrumentKey(p: InstrumentKeyParts): string {
  switch (p.secType) {
    case 'STK':
    case 'IND':
      return `${p.secType}:${p.symbol}`;
    case 'FUT':
      return `FUT:${p.symbol}:${requireField(p.expiry, 'expiry', p)}`;
    case 'OPT':
    case 'FOP':
      return [
        p.secType,
        p.symbol,
        requireField(p.expiry, 'expiry', p),
        requireField(p.right, 'right', p),
        formatStrike(requireField(p.strike, 'strike', p)),
      ].join(':');
  }
}

function requireField<T>(value: T | undefined, name: string, p: InstrumentKeyParts): T {
  if (value === undefined) throw new Error(`${p.secType} ${p.symbol} needs ${name} for its key`);
  return value;
}

/** Strikes print without trailing zeros: 5800, 232.5. */
export function formatStrike(strike: number): string {
  return String(Number(strike.toFixed(4)));
}

export function isOption(i: Pick<Instrument, 'secType'>): boolean {
  return i.secType === 'OPT' || i.secType === 'FOP';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-18" → "18 Dec 26". */
export function formatExpiry(expiry: string): string {
  const [y, m, d] = expiry.split('-');
  return `${d} ${MONTHS[Number(m) - 1] ?? '???'} ${y?.slice(2)}`;
}

export function describeInstrument(p: InstrumentKeyParts): string {
  switch (p.secType) {
    case 'STK':
    case 'IND':
      return p.symbol;
    case 'FUT':
      return `${p.symbol} ${formatExpiry(p.expiry ?? '')}`;
    case 'OPT':
    case 'FOP':
      return `${p.symbol} ${formatExpiry(p.expiry ?? '')} ${formatStrike(p.strike ?? 0)} ${p.right ?? ''}`;
  }
}

/** The parts encoded in a key made by instrumentKey(); null when the key is not one of ours. */
export function parseInstrumentKey(key: string): InstrumentKeyParts | null {
  const [secType, symbol, expiry, right, strike] = key.split(':');
  const st = SecTypeSchema.safeParse(secType);
  if (!st.success || !symbol) return null;
  switch (st.data) {
    case 'STK':
    case 'IND':
      return { secType: st.data, symbol };
    case 'FUT':
      return expiry ? { secType: st.data, symbol, expiry } : null;
    case 'OPT':
    case 'FOP': {
      const r = OptionRightSchema.safeParse(right);
      const k = Number(strike);
      if (!expiry || !r.success || !(k > 0)) return null;
      return { secType: st.data, symbol, expiry, right: r.data, strike: k };
    }
  }
}
