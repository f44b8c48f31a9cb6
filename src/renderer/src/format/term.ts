/**
 * The VIX term structure, one way everywhere: VIX3M ÷ VIX, as the risk engine and the risk matrix
 * use it (regime.termRatio). Above 1 is contango (calm); below 1 the curve is inverted
 * (backwardation), typical of a volatility spike.
 */
import { DASH, fmt } from './numbers';

export const TERM_RATIO_LABEL = 'VIX3M/VIX';

export type TermState = 'contango' | 'backwardation';

/** VIX3M / VIX from two quotes; null when either is missing or VIX is not positive. */
export function termRatio(
  vix: number | null | undefined,
  vix3m: number | null | undefined,
): number | null {
  if (vix === null || vix === undefined || vix3m === null || vix3m === undefined || vix <= 0) {
    return null;
  }
  return vix3m / vix;
}

export function termState(ratio: number | null): TermState | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  return ratio < 1 ? 'backwardation' : 'contango';
}

/** "1.13" — two decimals, like the risk matrix's thresholds. */
export function fmtTermRatio(ratio: number | null): string {
  return ratio === null ? DASH : fmt(ratio, 2);
}

export function termTitle(state: TermState | null): string {
  if (state === null) return `${TERM_RATIO_LABEL} (VIX3M ÷ VIX)`;
  return state === 'backwardation'
    ? `${TERM_RATIO_LABEL} below 1: the curve is inverted (backwardation)`
    : `${TERM_RATIO_LABEL} at or above 1: contango`;
}
