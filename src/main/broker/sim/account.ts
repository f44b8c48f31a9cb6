/**
 * Account values from cash, positions and marks. Stock and options (ES options included) carry
 * their market value (long positive, short negative); futures carry no value, only unrealised
 * P&L against their average price. Buying power is Reg-T-like: 4 × (NLV − init margin).
 */
import type { Instrument } from '@shared/domain/instrument';
import type { MarginLine } from './margin';
import { marginRequirement } from './margin';

export const BUYING_POWER_LEVERAGE = 4;

export interface ValuedPosition extends MarginLine {
  avgPrice: number;
}

export interface AccountValues {
  cash: number;
  netLiquidation: number;
  initMargin: number;
  maintMargin: number;
  excessLiquidity: number;
  buyingPower: number;
  cushion: number;
}

/** What the position adds to net liquidation. */
export function liquidationValue(
  inst: Instrument,
  quantity: number,
  price: number,
  avgPrice: number,
): number {
  const m = inst.multiplier;
  return inst.secType === 'FUT' ? quantity * (price - avgPrice) * m : quantity * price * m;
}

export function accountValues(cash: number, positions: readonly ValuedPosition[]): AccountValues {
  let nlv = cash;
  for (const p of positions) nlv += liquidationValue(p.instrument, p.quantity, p.price, p.avgPrice);
  const margin = marginRequirement(positions);
  const excess = nlv - margin.maint;
  return {
    cash,
    netLiquidation: nlv,
    initMargin: margin.init,
    maintMargin: margin.maint,
    excessLiquidity: excess,
    buyingPower: Math.max(0, nlv - margin.init) * BUYING_POWER_LEVERAGE,
    cushion: nlv > 0 ? excess / nlv : 0,
  };
}
