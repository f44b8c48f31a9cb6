import { formatExpiry, parseInstrumentKey } from '@shared/domain/instrument';

/** "SPX", "AAPL", "ES 18 Dec 26" for a quote key. */
export function watchLabel(key: string): { symbol: string; detail: string } {
  const p = parseInstrumentKey(key);
  if (!p) return { symbol: key, detail: '' };
  // "18 Dec 26" → "Dec 26": the contract month is what a futures trader reads.
  if (p.secType === 'FUT')
    return { symbol: p.symbol, detail: formatExpiry(p.expiry ?? '').slice(3) };
  return { symbol: p.symbol, detail: '' };
}
