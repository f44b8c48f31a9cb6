/**
 * Minimum price increments the exchanges accept. Index options (CBOE): 0.05 below $3, 0.10
 * from $3. ES and MES options (CME): 0.05 below $5, 0.25 from $5. Equity and ETF options: 0.01
 * below $3, 0.05 from $3, except the penny classes that trade in 0.01 at every price. Shares
 * 0.01; index futures 0.25 (ES, NQ), 0.10 (RTY), 1 (YM).
 */
import type { Instrument } from '../domain/instrument';

const INDEX_OPTIONS: ReadonlySet<string> = new Set(['SPX', 'SPXW', 'XSP', 'NDX', 'NDXP', 'RUT']);
const ES_OPTIONS: ReadonlySet<string> = new Set(['ES', 'MES']);
const PENNY_EVERYWHERE: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM']);

const FUTURE_TICKS: Readonly<Record<string, number>> = {
  ES: 0.25,
  MES: 0.25,
  NQ: 0.25,
  MNQ: 0.25,
  RTY: 0.1,
  M2K: 0.1,
  YM: 1,
  MYM: 1,
};

/** The tick of an option on `symbol` (root or trading class) trading at `price`. */
export function optionTick(symbol: string, price: number): number {
  const sym = symbol.toUpperCase();
  const p = Math.abs(price);
  if (INDEX_OPTIONS.has(sym)) return p < 3 ? 0.05 : 0.1;
  if (ES_OPTIONS.has(sym)) return p < 5 ? 0.05 : 0.25;
  if (PENNY_EVERYWHERE.has(sym)) return 0.01;
  return p < 3 ? 0.01 : 0.05;
}

/**
 * The tick for any instrument. An option's trading class decides (SPXW is SPX's weekly class);
 * an unknown future falls back to 0.01, which the broker corrects by rejecting off-tick prices.
 */
export function instrumentTick(inst: Instrument, price: number): number {
  switch (inst.secType) {
    case 'OPT':
    case 'FOP':
      return optionTick(inst.tradingClass ?? inst.symbol, price);
    case 'FUT':
      return FUTURE_TICKS[inst.symbol.toUpperCase()] ?? 0.01;
    case 'STK':
    case 'IND':
      return 0.01;
  }
}

/** The nearest whole number of ticks; halves round away from zero (2.525 → 2.55 at 0.05). */
export function roundToTick(price: number, tick: number): number {
  return snap(price, tick, 'nearest');
}

/** Down to a whole number of ticks (toward −∞). */
export function floorToTick(price: number, tick: number): number {
  return snap(price, tick, 'down');
}

/** Up to a whole number of ticks (toward +∞). */
export function ceilToTick(price: number, tick: number): number {
  return snap(price, tick, 'up');
}

// A billionth of a tick absorbs float noise: 2.55 / 0.05 is 50.99999999999999, not 51.
const NOISE = 1e-9;

function snap(price: number, tick: number, mode: 'nearest' | 'down' | 'up'): number {
  if (!(tick > 0) || !Number.isFinite(price)) return price;
  const units = price / tick;
  const whole =
    mode === 'nearest'
      ? Math.sign(units) * Math.round(Math.abs(units) + NOISE)
      : mode === 'down'
        ? Math.floor(units + NOISE)
        : Math.ceil(units - NOISE);
  // toFixed drops the noise of whole × tick (3 × 0.1 = 0.30000000000000004); + 0 turns −0 into 0.
  return Number((whole * tick).toFixed(8)) + 0;
}
