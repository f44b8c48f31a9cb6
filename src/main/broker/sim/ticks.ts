/**
 * Minimum price increments. SPX options: 0.05 below $3, 0.10 from $3 (CBOE's rule); equity and
 * ETF options: 0.01 below $3, 0.05 from $3; ES options: 0.05 below $5, 0.25 from $5
 * (CME's reduced tick for cheap options); shares 0.01; ES and MES futures 0.25.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { OptionTickRule } from './universe';
import { specOf } from './universe';

export function optionTick(rule: OptionTickRule, price: number): number {
  switch (rule) {
    case 'spx':
      return price < 3 ? 0.05 : 0.1;
    case 'equity':
      return price < 3 ? 0.01 : 0.05;
    case 'es':
      return price < 5 ? 0.05 : 0.25;
  }
}

export const STOCK_TICK = 0.01;
export const FUTURE_TICK = 0.25;

/** The tick that applies to an instrument trading at `price`. */
export function instrumentTick(inst: Instrument, price: number): number {
  if (inst.secType === 'FUT') return FUTURE_TICK;
  const rule = specOf(inst.symbol)?.options?.tickRule;
  if ((inst.secType === 'OPT' || inst.secType === 'FOP') && rule) return optionTick(rule, price);
  return STOCK_TICK;
}

/** Rounds to 6 decimals so tick arithmetic does not leave 0.30000000000000004 behind. */
export function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function floorToTick(x: number, tick: number): number {
  return clean(Math.floor(x / tick + 1e-9) * tick);
}

export function ceilToTick(x: number, tick: number): number {
  return clean(Math.ceil(x / tick - 1e-9) * tick);
}

export function roundToTick(x: number, tick: number): number {
  return clean(Math.round(x / tick) * tick);
}

/** True when x is a whole number of ticks (within float noise). */
export function onTick(x: number, tick: number): boolean {
  return Math.abs(x / tick - Math.round(x / tick)) < 1e-6;
}
