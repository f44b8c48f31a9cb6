import {
  describeInstrument,
  instrumentKey,
  type Instrument,
  type InstrumentKeyParts,
} from '@shared/domain/instrument';

/** Builds a valid Instrument for tests: `inst({ secType: 'OPT', symbol: 'SPX', ... })`. */
export function inst(
  p: InstrumentKeyParts & Partial<Pick<Instrument, 'multiplier' | 'underlyingKey' | 'exercise'>>,
): Instrument {
  const option = p.secType === 'OPT' || p.secType === 'FOP';
  const multiplier =
    p.multiplier ?? (p.secType === 'FUT' || p.secType === 'FOP' ? 50 : option ? 100 : 1);
  return {
    key: instrumentKey(p),
    symbol: p.symbol,
    secType: p.secType,
    currency: 'USD',
    multiplier,
    exchange: 'SMART',
    description: describeInstrument(p),
    ...(p.expiry ? { expiry: p.expiry } : {}),
    ...(option
      ? {
          strike: p.strike,
          right: p.right,
          exercise: p.exercise ?? 'american',
          underlyingKey: p.underlyingKey ?? `STK:${p.symbol}`,
        }
      : {}),
  };
}
