/**
 * Black–Scholes value of a European option on a non-dividend-paying underlying: what the order
 * ticket's "today" curve needs. Dividends and early exercise are ignored on purpose (the risk
 * engine in src/main prices those properly); for short-dated index options the gap is small.
 */
import { normCdf } from './normal';

export type Right = 'C' | 'P';

/** Intrinsic value at expiry, per share. */
export function intrinsic(right: Right, spot: number, strike: number): number {
  return right === 'C' ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
}

/**
 * Price per share. `years` ≤ 0 gives intrinsic value; a zero volatility gives the discounted
 * forward's intrinsic value (the σ → 0 limit), so the curve has no hole at either edge.
 */
export function blackScholes(
  right: Right,
  spot: number,
  strike: number,
  years: number,
  rate: number,
  vol: number,
): number {
  if (years <= 0) return intrinsic(right, spot, strike);
  const df = Math.exp(-rate * years);
  if (spot <= 0) return right === 'C' ? 0 : strike * df;
  const sd = vol * Math.sqrt(years);
  if (!(sd > 0)) return intrinsic(right, spot, strike * df);
  const d1 = (Math.log(spot / strike) + rate * years) / sd + 0.5 * sd;
  const d2 = d1 - sd;
  return right === 'C'
    ? spot * normCdf(d1) - strike * df * normCdf(d2)
    : strike * df * normCdf(-d2) - spot * normCdf(-d1);
}
