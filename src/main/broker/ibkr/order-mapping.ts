/**
 * Bulwark's order request → IB's contract and order, and IB's order messages → Bulwark events.
 * One leg is a plain order on that contract; several legs are one BAG (combo) order whose legs
 * carry conIds, so the combo is priced and filled as one — never an unhedged leg.
 */
import {
  OrderAction,
  OrderType,
  SecType,
  type CommissionReport as IbCommission,
  type Contract,
  type Execution as IbExecution,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import type { Instrument } from '@shared/domain/instrument';
import type {
  CommissionReport,
  Execution,
  MarginImpact,
  OrderRequest,
  OrderStatus,
} from '@shared/domain/orders';
import { contractOf, instrumentOf, UnsupportedContract } from './contracts';
import { ibNumber } from './ib-errors';

const flip = (a: 'BUY' | 'SELL'): 'BUY' | 'SELL' => (a === 'BUY' ? 'SELL' : 'BUY');

export function orderContract(req: OrderRequest): Contract {
  if (req.legs.length === 1) return contractOf(req.legs[0]!.instrument);
  const missing = req.legs.filter((l) => !l.instrument.conId).map((l) => l.instrument.key);
  if (missing.length > 0)
    throw new Error(`combo legs need contract ids from TWS: ${missing.join(', ')}`);
  const first = req.legs[0]!.instrument;
  return {
    symbol: first.symbol,
    secType: SecType.BAG,
    currency: 'USD',
    exchange: first.secType === 'FOP' ? first.exchange : 'SMART',
    comboLegs: req.legs.map((l) => ({
      conId: l.instrument.conId!,
      ratio: l.ratio,
      action: l.action === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
      exchange: l.instrument.secType === 'FOP' ? l.instrument.exchange : 'SMART',
    })),
  };
}

export function ibOrder(orderId: number, req: OrderRequest, whatIf = false): Order {
  // A single leg's action folds into the order's: SELL of a BUY leg sells the contract. A SELL
  // leg is priced in combo terms (−price), as the gate and the simulator read it: fold the
  // sign too, so BUY 1 × [SELL x] at −2.10 sells x at 2.10.
  const leg = req.legs[0]!;
  const folded = req.legs.length === 1 && leg.action === 'SELL';
  const action = folded ? flip(req.action) : req.action;
  const order: Order = {
    orderId,
    action: action === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    totalQuantity: req.quantity,
    orderType: req.orderType === 'LMT' ? OrderType.LMT : OrderType.MKT,
    tif: req.tif,
    // The library sends an empty transmit unless it is set: always transmit explicitly.
    transmit: true,
    whatIf,
  };
  if (req.limitPrice !== undefined) order.lmtPrice = folded ? -req.limitPrice : req.limitPrice;
  if (req.account) order.account = req.account;
  if (req.orderRef) order.orderRef = req.orderRef;
  return order;
}

const STATUS: Readonly<Record<string, OrderStatus | null>> = {
  ApiPending: 'PendingSubmit',
  PendingSubmit: 'PendingSubmit',
  PreSubmitted: 'PreSubmitted',
  Submitted: 'Submitted',
  Filled: 'Filled',
  ApiCancelled: 'Cancelled',
  Cancelled: 'Cancelled',
  Inactive: 'Inactive',
  // Transitional: the order is still working until TWS says otherwise.
  PendingCancel: null,
  Unknown: null,
};

export function orderStatusOf(raw: string): OrderStatus | null {
  return STATUS[raw] ?? null;
}

/** A leg execution; null for the combo's own summary line (its contract is the BAG). */
export function executionOf(contract: Contract, e: IbExecution, now: number): Execution | null {
  let instrument: Instrument;
  try {
    instrument = instrumentOf(contract);
  } catch (err) {
    if (err instanceof UnsupportedContract) return null;
    throw err;
  }
  const shares = ibNumber(e.shares);
  const price = ibNumber(e.price);
  if (!e.execId || e.orderId === undefined || shares === null || !(shares > 0) || price === null) {
    return null;
  }
  return {
    execId: e.execId,
    orderId: e.orderId,
    account: e.acctNumber ?? '',
    instrument,
    side: e.side === 'SLD' ? 'SLD' : 'BOT',
    quantity: shares,
    price,
    cumQty: ibNumber(e.cumQty) ?? shares,
    avgPrice: ibNumber(e.avgPrice) ?? price,
    time: now,
  };
}

export function commissionOf(c: IbCommission): CommissionReport | null {
  const commission = ibNumber(c.commission);
  if (!c.execId || commission === null) return null;
  return { execId: c.execId, commission, currency: 'USD', realizedPnl: ibNumber(c.realizedPNL) };
}

/** The margin fields of a what-if openOrder; null when TWS left any of them out. */
export function marginImpactOf(s: OrderState): MarginImpact | null {
  const v = (x: number | string | undefined) => ibNumber(x === undefined ? undefined : Number(x));
  const need = {
    initMarginBefore: v(s.initMarginBefore),
    maintMarginBefore: v(s.maintMarginBefore),
    initMarginAfter: v(s.initMarginAfter),
    maintMarginAfter: v(s.maintMarginAfter),
    initMarginChange: v(s.initMarginChange),
    maintMarginChange: v(s.maintMarginChange),
    equityWithLoanBefore: v(s.equityWithLoanBefore),
    equityWithLoanAfter: v(s.equityWithLoanAfter),
  };
  if (Object.values(need).some((x) => x === null)) return null;
  return {
    ...(need as { [K in keyof typeof need]: number }),
    commission: v(s.commission),
    warning: s.warningText ? s.warningText : null,
  };
}
