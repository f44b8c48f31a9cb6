/**
 * The simulated universe: every underlying, its start price and the parameters of the factor
 * model (beta to SPX, idiosyncratic vol at VIX 17, dividend yield) and of its options.
 * Vols are annualised over calendar time (365-day years), like option time to expiry.
 */

export type UnderlyingKind = 'index' | 'etf' | 'stock' | 'future' | 'vol-index';
export type OptionTickRule = 'spx' | 'equity' | 'es';
export type ChainStyle = 'index' | 'etf' | 'stock' | 'future';

export interface OptionSpec {
  secType: 'OPT' | 'FOP';
  exercise: 'european' | 'american';
  multiplier: number;
  exchange: string;
  tickRule: OptionTickRule;
  chain: ChainStyle;
  /** Strike ladder: half-width as a fraction of the start price. */
  strikeRange: number;
  /** Fixed strike step; null = by price (2.5 below $200, 5 above). */
  strikeStep: number | null;
  /** 'index' follows the SPX surface (VIX/VIX3M); a number is the ATM vol at VIX 17. */
  vol: 'index' | number;
  skewPut: number;
  skewCall: number;
  smile: number;
}

export interface UnderlyingSpec {
  symbol: string;
  secType: 'STK' | 'IND' | 'FUT';
  kind: UnderlyingKind;
  exchange: string;
  startPrice: number;
  beta: number;
  /** Annual idiosyncratic vol at VIX 17 (scaled with (VIX/17)^0.8 like the surface). */
  idioVol: number;
  divYield: number;
  /** Contract multiplier of the underlying itself (1 for shares, 50 for ES). */
  multiplier: number;
  /** The idiosyncratic part is a mean-reverting tracking error (SPY, ES, MES), not a walk. */
  tracking: boolean;
  options: OptionSpec | null;
}

export const DEFAULT_RATE = 0.045;
export const VIX_LONG_RUN = 17;
export const VIX3M_LONG_RUN = 19;
export const SPX_DIVIDEND_YIELD = 0.013;

const INDEX_SKEW = { skewPut: 0.16, skewCall: 0.07, smile: 0.025 };
const STOCK_SKEW = { skewPut: 0.06, skewCall: 0, smile: 0.03 };

function equityOptions(
  chain: 'etf' | 'stock',
  vol: 'index' | number,
  strikeStep: number | null,
): OptionSpec {
  return {
    secType: 'OPT',
    exercise: 'american',
    multiplier: 100,
    exchange: 'SMART',
    tickRule: 'equity',
    chain,
    strikeRange: chain === 'etf' ? 0.3 : 0.5,
    strikeStep,
    vol,
    ...(vol === 'index' ? INDEX_SKEW : STOCK_SKEW),
  };
}

function stock(
  symbol: string,
  kind: 'etf' | 'stock',
  startPrice: number,
  beta: number,
  idioVol: number,
  divYield: number,
  options: OptionSpec,
): UnderlyingSpec {
  return {
    symbol,
    secType: 'STK',
    kind,
    exchange: 'SMART',
    startPrice,
    beta,
    idioVol,
    divYield,
    multiplier: 1,
    tracking: symbol === 'SPY',
    options,
  };
}

function future(symbol: string, multiplier: number, options: OptionSpec | null): UnderlyingSpec {
  return {
    symbol,
    secType: 'FUT',
    kind: 'future',
    exchange: 'CME',
    startPrice: 5900,
    beta: 1,
    idioVol: 0,
    divYield: SPX_DIVIDEND_YIELD,
    multiplier,
    tracking: true,
    options,
  };
}

function volIndex(symbol: string, startPrice: number): UnderlyingSpec {
  return {
    symbol,
    secType: 'IND',
    kind: 'vol-index',
    exchange: 'CBOE',
    startPrice,
    beta: 0,
    idioVol: 0,
    divYield: 0,
    multiplier: 1,
    tracking: false,
    options: null,
  };
}

/** Order matters: it is the index into the market model's price arrays. */
export const UNIVERSE: readonly UnderlyingSpec[] = [
  {
    symbol: 'SPX',
    secType: 'IND',
    kind: 'index',
    exchange: 'CBOE',
    startPrice: 5900,
    beta: 1,
    idioVol: 0,
    divYield: SPX_DIVIDEND_YIELD,
    multiplier: 1,
    tracking: false,
    options: {
      secType: 'OPT',
      exercise: 'european',
      multiplier: 100,
      exchange: 'CBOE',
      tickRule: 'spx',
      chain: 'index',
      strikeRange: 0.25,
      strikeStep: 5,
      vol: 'index',
      ...INDEX_SKEW,
    },
  },
  // SPY tracks SPX/10; its idioVol is the stationary tracking error (an OU, not a walk).
  stock('SPY', 'etf', 590, 1, 0.0002, 0.013, equityOptions('etf', 'index', 1)),
  stock('QQQ', 'etf', 510, 1.15, 0.08, 0.006, equityOptions('etf', 0.2, 1)),
  stock('IWM', 'etf', 225, 1.1, 0.14, 0.012, equityOptions('etf', 0.22, 1)),
  stock('AAPL', 'stock', 230, 1.2, 0.19, 0.004, equityOptions('stock', 0.26, null)),
  stock('TSLA', 'stock', 340, 2.0, 0.5, 0, equityOptions('stock', 0.58, null)),
  stock('NVDA', 'stock', 140, 1.8, 0.4, 0.0003, equityOptions('stock', 0.5, null)),
  future('ES', 50, {
    secType: 'FOP',
    exercise: 'american',
    multiplier: 50,
    exchange: 'CME',
    tickRule: 'es',
    chain: 'future',
    strikeRange: 0.25,
    strikeStep: 5,
    vol: 'index',
    ...INDEX_SKEW,
  }),
  future('MES', 5, null),
  volIndex('VIX', 16.5),
  volIndex('VIX3M', 18.6),
];

export const SYMBOL_INDEX: ReadonlyMap<string, number> = new Map(
  UNIVERSE.map((u, i) => [u.symbol, i]),
);

export const SPX = 0;
export const VIX = SYMBOL_INDEX.get('VIX')!;
export const VIX3M = SYMBOL_INDEX.get('VIX3M')!;

export function specOf(symbol: string): UnderlyingSpec | undefined {
  const i = SYMBOL_INDEX.get(symbol);
  return i === undefined ? undefined : UNIVERSE[i];
}

/** Equity underlyings that follow SPX by beta (everything except SPX itself and the VIX pair). */
export function followsSpx(spec: UnderlyingSpec): boolean {
  return spec.kind === 'etf' || spec.kind === 'stock' || spec.kind === 'future';
}
