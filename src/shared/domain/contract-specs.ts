/**
 * Contract facts Bulwark falls back on when the broker's contract details are not at hand
 * (domain.md): futures multipliers by root, and which index option roots are European.
 */

export const FUTURES_MULTIPLIERS: Readonly<Record<string, number>> = {
  ES: 50,
  MES: 5,
  NQ: 20,
  MNQ: 2,
  YM: 5,
  MYM: 0.5,
  RTY: 50,
  M2K: 5,
  CL: 1000,
  NG: 10000,
  GC: 100,
  SI: 5000,
  ZB: 1000,
  ZN: 1000,
};

/** Cash-settled, European-style index options. Equity and ETF options are American. */
export const EUROPEAN_OPTION_ROOTS: ReadonlySet<string> = new Set([
  'SPX',
  'SPXW',
  'XSP',
  'NDX',
  'NDXP',
  'RUT',
  'VIX',
  'DJX',
]);

export const EQUITY_OPTION_MULTIPLIER = 100;

/** Where futures (and their options) trade, for requests that need an exchange. */
export const FUTURES_EXCHANGES: Readonly<Record<string, string>> = {
  ES: 'CME',
  MES: 'CME',
  NQ: 'CME',
  MNQ: 'CME',
  RTY: 'CME',
  M2K: 'CME',
  YM: 'CBOT',
  MYM: 'CBOT',
  ZB: 'CBOT',
  ZN: 'CBOT',
  CL: 'NYMEX',
  NG: 'NYMEX',
  GC: 'COMEX',
  SI: 'COMEX',
};
