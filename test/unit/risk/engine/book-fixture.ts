/** Small books for engine tests: one line per position, prices chosen by hand. */
import type { RiskBook, RiskPosition, RiskUnderlying } from '../../../../src/main/risk/engine/book';
import type { BetaSource } from '@shared/domain/risk';

export const T0 = Date.parse('2026-11-20T15:00:00-05:00');

export function underlying(
  symbol: string,
  price: number,
  beta = 1,
  dividendYield = 0,
  betaSource: BetaSource = 'user',
): RiskUnderlying {
  return { symbol, price, beta, dividendYield, betaSource };
}

type Line = Partial<RiskPosition> & Pick<RiskPosition, 'underlying' | 'secType' | 'quantity'>;

export function line(l: Line): RiskPosition {
  const isOpt = l.secType === 'OPT' || l.secType === 'FOP';
  return {
    id:
      l.id ??
      `${l.underlying}:${l.secType}:${l.option?.right ?? ''}${l.option?.strike ?? ''}:${l.expiry ?? ''}`,
    description: l.description ?? `${l.underlying} ${l.secType}`,
    multiplier: l.multiplier ?? (isOpt ? 100 : 1),
    expiry: l.expiry ?? null,
    option: l.option ?? null,
    price: l.price ?? null,
    underlyingPrice: l.underlyingPrice ?? null,
    brokerGreeks: l.brokerGreeks ?? null,
    ivOverride: l.ivOverride ?? null,
    stale: l.stale ?? false,
    ...l,
  };
}

export function book(
  positions: RiskPosition[],
  under: RiskUnderlying[],
  over: Partial<RiskBook> = {},
): RiskBook {
  return {
    valuationTime: T0,
    rate: 0.045,
    benchmark: 'SPX',
    benchmarkPrice: under.find((u) => u.symbol === 'SPX')?.price ?? 5900,
    underlyings: new Map(under.map((u) => [u.symbol, u])),
    positions,
    account: {
      netLiquidation: 250_000,
      excessLiquidity: 90_000,
      startOfDayNetLiquidation: 252_000,
    },
    market: { vix: 18, vix3m: 20, vvix: null },
    staleReason: null,
    greeksMaxAgeMs: 30_000,
    ...over,
  };
}

/** Short 2 SPX 18 Dec 26 5800 puts at their 16.5%-vol mid (59.01), SPX 5900. */
export function spxShortPut(over: Partial<RiskPosition> = {}): RiskPosition {
  return line({
    underlying: 'SPX',
    secType: 'OPT',
    quantity: -2,
    option: { right: 'P', strike: 5800, exercise: 'european' },
    expiry: '2026-12-18',
    price: 59.01,
    underlyingPrice: 5900,
    ...over,
  });
}

/** One ES December future line at 5915 (id `es`). */
export function esFutureLine(quantity: number): RiskPosition {
  return line({
    id: 'es',
    underlying: 'ES',
    secType: 'FUT',
    quantity,
    multiplier: 50,
    expiry: '2026-12-18',
    price: 5915,
    underlyingPrice: 5915,
  });
}
