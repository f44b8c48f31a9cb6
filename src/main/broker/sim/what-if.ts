/**
 * Broker-style what-if: account values with and without the order's legs (full quantity),
 * assuming fills at the current marks, less the estimated commission. Equity with loan value
 * is net liquidation here. A warning names a cushion below 0.20 afterwards; the caller decides.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { MarginImpact } from '@shared/domain/orders';
import type { AccountValues, ValuedPosition } from './account';
import { accountValues } from './account';
import { commissionFor } from './commissions';
import type { LedgerPosition } from './ledger';
import { Ledger } from './ledger';
import type { ResolvedLeg } from './order-validation';

export const MIN_CUSHION = 0.2;

export interface Pricing {
  /** Mark per share/unit and the underlying price for margin. */
  price(inst: Instrument): { price: number; underlyingPrice: number };
}

export function valuePositions(
  positions: readonly LedgerPosition[],
  pricing: Pricing,
): ValuedPosition[] {
  return positions.map((p) => ({ ...p, ...pricing.price(p.instrument) }));
}

export function whatIf(
  cash: number,
  positions: readonly LedgerPosition[],
  legs: readonly ResolvedLeg[],
  orderAction: 'BUY' | 'SELL',
  quantity: number,
  pricing: Pricing,
): MarginImpact {
  const before = accountValues(cash, valuePositions(positions, pricing));
  const after = new Ledger(cash, positions);
  let commission = 0;
  for (const leg of legs) {
    const buy = (leg.action === 'BUY') === (orderAction === 'BUY');
    const qty = quantity * leg.ratio;
    const fee = commissionFor(leg.instrument, qty);
    commission += fee;
    after.apply(leg.instrument, buy ? qty : -qty, pricing.price(leg.instrument).price, fee);
  }
  const values = accountValues(after.cash, valuePositions(after.positions(), pricing));
  return impact(before, values, Math.round(commission * 100) / 100);
}

function impact(before: AccountValues, after: AccountValues, commission: number): MarginImpact {
  const warning =
    after.cushion < MIN_CUSHION
      ? `cushion after the order would be ${after.cushion.toFixed(2)}, below ${MIN_CUSHION.toFixed(2)}`
      : null;
  return {
    initMarginBefore: before.initMargin,
    maintMarginBefore: before.maintMargin,
    initMarginAfter: after.initMargin,
    maintMarginAfter: after.maintMargin,
    initMarginChange: after.initMargin - before.initMargin,
    maintMarginChange: after.maintMargin - before.maintMargin,
    equityWithLoanBefore: before.netLiquidation,
    equityWithLoanAfter: after.netLiquidation,
    commission,
    warning,
  };
}
