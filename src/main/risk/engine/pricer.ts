/**
 * The engine's view of the option models: which model prices a position, and one interface
 * for price, Greeks and implied vol whatever the model. Units per share: vega per 1.00 of vol,
 * theta per year (calendar), as src/main/risk/pricing returns them.
 */
import type { RiskPosition } from './book';

export type PricingModel = 'bsm' | 'black76' | 'american';

export interface OptionSpec {
  model: PricingModel;
  right: 'C' | 'P';
  spot: number;
  strike: number;
  /** Years to expiry (365-day years). */
  t: number;
  rate: number;
  /** Cost of carry: rate − dividend yield for stock/index options, 0 for options on futures. */
  carry: number;
}

export interface ModelGreeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

export type IvOutcome = { ok: true; vol: number } | { ok: false; code: string; message: string };

export interface OptionPricer {
  price(spec: OptionSpec, vol: number): number;
  greeks(spec: OptionSpec, vol: number): ModelGreeks;
  impliedVol(spec: OptionSpec, price: number): IvOutcome;
}

/** Futures options are Black-76 (American ones keep b = 0); equity/ETF options are American. */
export function modelFor(p: Pick<RiskPosition, 'secType' | 'option'>): PricingModel {
  if (p.option?.exercise === 'american') return 'american';
  return p.secType === 'FOP' ? 'black76' : 'bsm';
}

export function carryFor(
  p: Pick<RiskPosition, 'secType'>,
  rate: number,
  dividendYield: number,
): number {
  return p.secType === 'FOP' ? 0 : rate - dividendYield;
}
