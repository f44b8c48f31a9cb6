/**
 * The order messages TWS sends, field by field as @stoqey/ib 1.6.10 decodes them
 * (dist/core/io/decoder.js) at server version 193, or 178 without the fields added above it:
 * openOrder `5` (no version field), orderStatus `3`, execDetails `11`, commissionReport `59`,
 * openOrderEnd `53` and execDetailsEnd `55`.
 */
import type { IbContract } from './contracts';
import type { WireComboLeg } from './order-decode';
import { UNSET_DOUBLE, UNSET_INTEGER, type Field } from './wire';

const CUSTOMER_ACCOUNT = 183;
const PROFESSIONAL_CUSTOMER = 184;
const BOND_ACCRUED_INTEREST = 185;
const INCLUDE_OVERNIGHT = 189;
const CME_TAGGING_FIELDS_IN_OPEN_ORDER = 193;

/** The contract block of openOrder and execDetails. */
export type OrderContract = Pick<
  IbContract,
  | 'conId'
  | 'symbol'
  | 'lastTradeDateOrContractMonth'
  | 'strike'
  | 'right'
  | 'multiplier'
  | 'exchange'
  | 'currency'
  | 'localSymbol'
  | 'tradingClass'
> & { secType: string };

/** The what-if block of openOrder (OrderState). */
export interface MarginFields {
  initMarginBefore: number;
  maintMarginBefore: number;
  equityWithLoanBefore: number;
  initMarginChange: number;
  maintMarginChange: number;
  equityWithLoanChange: number;
  initMarginAfter: number;
  maintMarginAfter: number;
  equityWithLoanAfter: number;
  commission: number | null;
  warningText: string;
}

export interface OpenOrderView {
  orderId: number;
  clientId: number;
  permId: number;
  contract: OrderContract;
  comboLegs: WireComboLeg[];
  orderComboLegPrices: Array<number | null>;
  smartComboRoutingParams: Array<[string, string]>;
  action: string;
  totalQuantity: number;
  orderType: string;
  lmtPrice: number | null;
  tif: string;
  account: string;
  orderRef: string;
  outsideRth: boolean;
  status: string;
  whatIf: boolean;
  margin: MarginFields | null;
  /** A what-if copy without figures may still carry TWS's warning. */
  warningText?: string;
}

const unset = (x: number | null): Field => x ?? UNSET_DOUBLE;

/** `5|orderId|contract|order…|whatIf|status|margin…|…` */
export function openOrderMessage(o: OpenOrderView, version: number): Field[] {
  const c = o.contract;
  const legs = o.comboLegs;
  const m = o.margin;
  const fields: Field[] = [
    5,
    o.orderId,
    ...[c.conId, c.symbol, c.secType, c.lastTradeDateOrContractMonth, c.strike, c.right],
    ...[c.multiplier, c.exchange, c.currency, c.localSymbol, c.tradingClass],
    ...[o.action, o.totalQuantity, o.orderType, unset(o.lmtPrice), 0, o.tif, '', o.account],
    // openClose, origin, orderRef, clientId, permId, outsideRth, hidden, discretionaryAmt
    ...['', 0, o.orderRef, o.clientId, o.permId, o.outsideRth, 0, 0],
    // goodAfterTime, sharesAllocation, faGroup, faMethod, faPercentage, modelCode, goodTillDate
    ...['', '', '', '', '', '', ''],
    // rule80A, percentOffset, settlingFirm, shortSaleSlot, designatedLocation, exemptCode
    ...['', UNSET_DOUBLE, '', 0, '', -1],
    // auctionStrategy, startingPrice, stockRefPrice, delta, stockRangeLower/Upper, displaySize
    ...[0, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_INTEGER],
    // blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly
    ...[0, 0, 0, UNSET_INTEGER, 3, 0, 0],
    // nbboPriceCap, parentId, triggerMethod
    ...[UNSET_DOUBLE, 0, 0],
    // volatility, volatilityType, deltaNeutralOrderType ("None" is not empty, so the eight
    // delta-neutral fields follow, as TWS sends them), deltaNeutralAuxPrice
    ...[UNSET_DOUBLE, 0, 'None', UNSET_DOUBLE, 0, '', '', '', '?', 0, 0, ''],
    // continuousUpdate, referencePriceType
    ...[0, 0],
    // trailStopPrice, trailingPercent, basisPoints, basisPointsType
    ...[UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_INTEGER],
    comboLegsDescription(legs),
    legs.length,
    ...legs.flatMap((l) => [l.conId, l.ratio, l.action, l.exchange, 0, 0, '', -1]),
    o.orderComboLegPrices.length,
    ...o.orderComboLegPrices.map(unset),
    o.smartComboRoutingParams.length,
    ...o.smartComboRoutingParams.flat(),
    // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement (unset: no scale block)
    ...[UNSET_INTEGER, UNSET_INTEGER, UNSET_DOUBLE],
    // hedgeType, optOutSmartRouting, clearingAccount, clearingIntent, notHeld,
    // deltaNeutralContract, algoStrategy, solicited
    ...['', 0, '', 'IB', 0, 0, '', 0],
    o.whatIf,
    o.status,
    ...(m
      ? [m.initMarginBefore, m.maintMarginBefore, m.equityWithLoanBefore]
      : [UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE]),
    ...(m
      ? [m.initMarginChange, m.maintMarginChange, m.equityWithLoanChange]
      : [UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE]),
    ...(m
      ? [m.initMarginAfter, m.maintMarginAfter, m.equityWithLoanAfter]
      : [UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE]),
    // commission, minCommission, maxCommission, commissionCurrency, warningText
    ...(m
      ? [unset(m.commission), unset(m.commission), unset(m.commission), 'USD', m.warningText]
      : [UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, '', o.warningText ?? '']),
    // randomizeSize, randomizePrice, conditions count
    ...[0, 0, 0],
    // adjustedOrderType, triggerPrice, trailStopPrice, lmtPriceOffset, adjustedStopPrice,
    // adjustedStopLimitPrice, adjustedTrailingAmount, adjustableTrailingUnit
    ...['None', UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE],
    0,
    // softDollarTier name, value, displayName; cashQty
    ...['', '', '', UNSET_DOUBLE],
    // dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice, usePriceMgmtAlgo
    ...[0, 0, 0, 0],
    // duration, postToAts, autoCancelParent
    ...[UNSET_INTEGER, UNSET_INTEGER, 0],
    // minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf
    ...[UNSET_INTEGER, UNSET_INTEGER, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE],
  ];
  if (version >= CUSTOMER_ACCOUNT) fields.push('');
  if (version >= PROFESSIONAL_CUSTOMER) fields.push(0);
  if (version >= BOND_ACCRUED_INTEREST) fields.push('');
  if (version >= INCLUDE_OVERNIGHT) fields.push(0);
  if (version >= CME_TAGGING_FIELDS_IN_OPEN_ORDER) fields.push('', UNSET_INTEGER);
  return fields;
}

/** TWS describes a combo's legs as `conId|ratio` pairs, comma-separated. */
function comboLegsDescription(legs: readonly WireComboLeg[]): string {
  return legs.map((l) => `${l.conId}|${l.action === 'SELL' ? -l.ratio : l.ratio}`).join(',');
}

export interface StatusView {
  orderId: number;
  status: string;
  filled: number;
  remaining: number;
  avgFillPrice: number | null;
  permId: number;
  lastFillPrice: number | null;
  clientId: number;
  whyHeld?: string;
}

/** `3|orderId|status|filled|remaining|avgFillPrice|permId|parentId|lastFillPrice|clientId|whyHeld|mktCapPrice` */
export function orderStatusMessage(s: StatusView): Field[] {
  return [
    3,
    s.orderId,
    s.status,
    s.filled,
    s.remaining,
    s.avgFillPrice ?? 0,
    s.permId,
    0,
    s.lastFillPrice ?? 0,
    s.clientId,
    s.whyHeld ?? '',
    0,
  ];
}

export interface ExecView {
  orderId: number;
  contract: OrderContract;
  execId: string;
  /** `YYYYMMDD HH:mm:ss US/Eastern`. */
  time: string;
  account: string;
  exchange: string;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  permId: number;
  clientId: number;
  cumQty: number;
  avgPrice: number;
  orderRef: string;
}

/** `11|reqId|orderId|contract|execId|time|acct|exchange|side|shares|price|permId|clientId|liquidation|cumQty|avgPrice|orderRef|evRule|evMultiplier|modelCode|lastLiquidity|pendingPriceRevision` */
export function execDetailsMessage(reqId: number, e: ExecView): Field[] {
  const c = e.contract;
  return [
    11,
    reqId,
    e.orderId,
    ...[c.conId, c.symbol, c.secType, c.lastTradeDateOrContractMonth, c.strike, c.right],
    ...[c.multiplier, c.exchange, c.currency, c.localSymbol, c.tradingClass],
    ...[e.execId, e.time, e.account, e.exchange, e.side, e.shares, e.price, e.permId, e.clientId],
    0,
    ...[e.cumQty, e.avgPrice, e.orderRef, '', '', ''],
    // lastLiquidity 2: removed liquidity (the simulator fills at the touch).
    2,
    0,
  ];
}

/** `59|1|execId|commission|currency|realizedPNL|yield|yieldRedemptionDate` */
export function commissionReportMessage(
  execId: string,
  commission: number,
  realizedPnl: number | null,
): Field[] {
  return [59, 1, execId, commission, 'USD', unset(realizedPnl), UNSET_DOUBLE, 0];
}
