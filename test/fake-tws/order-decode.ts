/**
 * Strict reading of the order requests a client sends, field by field as @stoqey/ib 1.6.10
 * encodes them (dist/core/io/encoder.js) at server version 193, and at 178 where fields
 * thresholded above 178 are absent: placeOrder `3`, cancelOrder `4` and reqGlobalCancel `58`. Optional blocks (combo
 * legs, delta-neutral, scale, hedge, algo, conditions, PEG BENCH/BEST/MID) are read when their
 * trigger field says they follow, exactly as TWS does; anything else left over is an error.
 *
 * Settings the simulator cannot honour are collected in `unsupported`, for the bridge to refuse
 * the order in words rather than quietly ignore them.
 */
import type { WireContract } from './contracts';
import { readContract } from './contracts';
import type { FieldCursor } from './fields';
import { ProtocolError } from './fields';

const CUSTOMER_ACCOUNT = 183;
const PROFESSIONAL_CUSTOMER = 184;
const INCLUDE_OVERNIGHT = 189;
const CME_TAGGING_FIELDS = 192;

export interface WireComboLeg {
  conId: number;
  ratio: number;
  action: string;
  exchange: string;
  openClose: number | null;
  shortSaleSlot: number | null;
  designatedLocation: string;
  exemptCode: number | null;
}

export interface PlaceOrderMessage {
  orderId: number;
  contract: WireContract;
  comboLegs: WireComboLeg[];
  /** Per-leg limit prices of a BAG order (null: unset). */
  orderComboLegPrices: Array<number | null>;
  smartComboRoutingParams: Array<[string, string]>;
  action: string;
  totalQuantity: number | null;
  orderType: string;
  lmtPrice: number | null;
  tif: string;
  account: string;
  orderRef: string;
  transmit: boolean;
  outsideRth: boolean;
  whatIf: boolean;
  /** Order features in use that the fake cannot honour (names as in @stoqey/ib's Order). */
  unsupported: string[];
}

export interface CancelOrderMessage {
  orderId: number;
  manualOrderCancelTime: string;
}

/** `3|orderId|contract…|order…` (no version field from server version 145). */
export function readPlaceOrder(m: FieldCursor, version: number): PlaceOrderMessage {
  const unsupported: string[] = [];
  const use = (name: string, inUse: boolean): void => {
    if (inUse) unsupported.push(name);
  };
  const orderId = m.int('orderId');
  const contract = readContract(m);
  use('secIdType', m.str('secIdType') !== '');
  use('secId', m.str('secId') !== '');
  const action = m.str('action');
  const totalQuantity = m.optFloat('totalQuantity');
  const orderType = m.str('orderType');
  const lmtPrice = m.optFloat('lmtPrice');
  use('auxPrice', nonZero(m.optFloat('auxPrice')));
  const tif = m.str('tif');
  use('ocaGroup', m.str('ocaGroup') !== '');
  const account = m.str('account');
  m.str('openClose');
  m.optInt('origin');
  const orderRef = m.str('orderRef');
  const transmit = m.bool('transmit');
  use('parentId', nonZero(m.optInt('parentId')));
  m.bool('blockOrder');
  m.bool('sweepToFill');
  m.optInt('displaySize');
  m.optInt('triggerMethod');
  const outsideRth = m.bool('outsideRth');
  use('hidden', m.bool('hidden'));

  const bag = contract.secType.toUpperCase() === 'BAG';
  const comboLegs: WireComboLeg[] = [];
  const orderComboLegPrices: Array<number | null> = [];
  const smartComboRoutingParams: Array<[string, string]> = [];
  if (bag) {
    const n = m.int('comboLegsCount');
    for (let i = 0; i < n; i++) {
      comboLegs.push({
        conId: m.int(`comboLeg${i}.conId`),
        ratio: m.int(`comboLeg${i}.ratio`),
        action: m.str(`comboLeg${i}.action`),
        exchange: m.str(`comboLeg${i}.exchange`),
        openClose: m.optInt(`comboLeg${i}.openClose`),
        shortSaleSlot: m.optInt(`comboLeg${i}.shortSaleSlot`),
        designatedLocation: m.str(`comboLeg${i}.designatedLocation`),
        exemptCode: m.optInt(`comboLeg${i}.exemptCode`),
      });
    }
    const prices = m.int('orderComboLegsCount');
    for (let i = 0; i < prices; i++)
      orderComboLegPrices.push(m.optFloat(`orderComboLeg${i}.price`));
    use(
      'orderComboLegs.price',
      orderComboLegPrices.some((p) => p !== null),
    );
    const params = m.int('smartComboRoutingParamsCount');
    for (let i = 0; i < params; i++) {
      smartComboRoutingParams.push([
        m.str(`smartComboRoutingParam${i}.tag`),
        m.str(`smartComboRoutingParam${i}.value`),
      ]);
    }
  }

  if (m.str('sharesAllocation') !== '') {
    throw new ProtocolError(m.messageId, 'the deprecated sharesAllocation field must be empty');
  }
  m.optFloat('discretionaryAmt');
  use('goodAfterTime', m.str('goodAfterTime') !== '');
  use('goodTillDate', m.str('goodTillDate') !== '');
  use('faGroup', m.str('faGroup') !== '');
  m.str('faMethod');
  m.str('faPercentage');
  m.str('modelCode');
  m.optInt('shortSaleSlot');
  m.str('designatedLocation');
  m.optInt('exemptCode');
  m.optInt('ocaType');
  m.str('rule80A');
  m.str('settlingFirm');
  use('allOrNone', m.bool('allOrNone'));
  use('minQty', m.optInt('minQty') !== null);
  m.optFloat('percentOffset');
  m.bool('eTradeOnly');
  m.bool('firmQuoteOnly');
  m.optFloat('nbboPriceCap');
  m.optInt('auctionStrategy');
  m.optFloat('startingPrice');
  m.optFloat('stockRefPrice');
  m.optFloat('delta');
  m.optFloat('stockRangeLower');
  m.optFloat('stockRangeUpper');
  m.bool('overridePercentageConstraints');

  use('volatility', m.optFloat('volatility') !== null);
  m.optInt('volatilityType');
  const dnOrderType = m.str('deltaNeutralOrderType');
  use('deltaNeutralOrderType', dnOrderType !== '');
  m.optFloat('deltaNeutralAuxPrice');
  if (dnOrderType !== '') {
    m.optInt('deltaNeutralConId');
    m.str('deltaNeutralSettlingFirm');
    m.str('deltaNeutralClearingAccount');
    m.str('deltaNeutralClearingIntent');
    m.str('deltaNeutralOpenClose');
    m.bool('deltaNeutralShortSale');
    m.optInt('deltaNeutralShortSaleSlot');
    m.str('deltaNeutralDesignatedLocation');
  }
  m.bool('continuousUpdate');
  m.optInt('referencePriceType');
  use('trailStopPrice', m.optFloat('trailStopPrice') !== null);
  use('trailingPercent', m.optFloat('trailingPercent') !== null);
  readScale(m, use);
  m.str('scaleTable');
  m.str('activeStartTime');
  m.str('activeStopTime');
  const hedgeType = m.str('hedgeType');
  use('hedgeType', hedgeType !== '');
  if (hedgeType !== '') m.str('hedgeParam');
  m.bool('optOutSmartRouting');
  m.str('clearingAccount');
  m.str('clearingIntent');
  m.bool('notHeld');
  if (m.bool('deltaNeutralContract')) {
    unsupported.push('deltaNeutralContract');
    m.int('deltaNeutralContract.conId');
    m.optFloat('deltaNeutralContract.delta');
    m.optFloat('deltaNeutralContract.price');
  }
  const algoStrategy = m.str('algoStrategy');
  use('algoStrategy', algoStrategy !== '');
  if (algoStrategy !== '') readTagValues(m, 'algoParams');
  m.str('algoId');
  const whatIf = m.bool('whatIf');
  m.str('orderMiscOptions');
  m.bool('solicited');
  m.bool('randomizeSize');
  m.bool('randomizePrice');
  if (orderType === 'PEG BENCH' || orderType === 'PEGBENCH') {
    m.int('referenceContractId');
    m.bool('isPeggedChangeAmountDecrease');
    m.optFloat('peggedChangeAmount');
    m.optFloat('referenceChangeAmount');
    m.str('referenceExchangeId');
  }
  use('conditions', readConditions(m) > 0);
  m.str('adjustedOrderType');
  m.optFloat('triggerPrice');
  m.optFloat('lmtPriceOffset');
  m.optFloat('adjustedStopPrice');
  m.optFloat('adjustedStopLimitPrice');
  m.optFloat('adjustedTrailingAmount');
  m.optInt('adjustableTrailingUnit');
  m.str('extOperator');
  m.str('softDollarTier.name');
  m.str('softDollarTier.value');
  use('cashQty', m.optFloat('cashQty') !== null);
  m.str('mifid2DecisionMaker');
  m.str('mifid2DecisionAlgo');
  m.str('mifid2ExecutionTrader');
  m.str('mifid2ExecutionAlgo');
  m.bool('dontUseAutoPriceForHedge');
  m.bool('isOmsContainer');
  m.bool('discretionaryUpToLimitPrice');
  m.bool('usePriceMgmtAlgo');
  m.optInt('duration');
  m.optInt('postToAts');
  m.bool('autoCancelParent');
  m.str('advancedErrorOverride');
  m.str('manualOrderTime');
  readPegBestPegMid(m, contract.exchange, orderType);
  if (version >= CUSTOMER_ACCOUNT) m.str('customerAccount');
  if (version >= PROFESSIONAL_CUSTOMER) m.bool('professionalCustomer');
  if (version >= INCLUDE_OVERNIGHT) m.bool('includeOvernight');
  if (version >= CME_TAGGING_FIELDS) m.optInt('manualOrderIndicator');
  m.end();

  return {
    orderId,
    contract,
    comboLegs,
    orderComboLegPrices,
    smartComboRoutingParams,
    action,
    totalQuantity,
    orderType,
    lmtPrice,
    tif,
    account,
    orderRef,
    transmit,
    outsideRth,
    whatIf,
    unsupported,
  };
}

/** `4|orderId|manualOrderCancelTime|extOperator|manualOrderIndicator` at 193; `4|1|orderId|manualOrderCancelTime` at 178. */
export function readCancelOrder(m: FieldCursor, version: number): CancelOrderMessage {
  if (version < CME_TAGGING_FIELDS) {
    const v = m.int('version');
    if (v !== 1) throw new ProtocolError(m.messageId, `version must be 1, got ${v}`);
  }
  const orderId = m.int('orderId');
  const manualOrderCancelTime = m.str('manualOrderCancelTime');
  if (version >= CME_TAGGING_FIELDS) {
    m.str('extOperator');
    m.optInt('manualOrderIndicator');
  }
  m.end();
  return { orderId, manualOrderCancelTime };
}

/** `58|extOperator|manualOrderIndicator` at 193; `58|1` at 178. */
export function readGlobalCancel(m: FieldCursor, version: number): void {
  if (version < CME_TAGGING_FIELDS) {
    const v = m.int('version');
    if (v !== 1) throw new ProtocolError(m.messageId, `version must be 1, got ${v}`);
  } else {
    m.str('extOperator');
    m.optInt('manualOrderIndicator');
  }
  m.end();
}

function nonZero(x: number | null): boolean {
  return x !== null && x !== 0;
}

/** Scale fields; the seven extra ones follow only when a price increment is set. */
function readScale(m: FieldCursor, use: (name: string, inUse: boolean) => void): void {
  use('scaleInitLevelSize', m.optInt('scaleInitLevelSize') !== null);
  m.optInt('scaleSubsLevelSize');
  const increment = m.optFloat('scalePriceIncrement');
  if (increment === null) return;
  use('scalePriceIncrement', true);
  m.optFloat('scalePriceAdjustValue');
  m.optInt('scalePriceAdjustInterval');
  m.optFloat('scaleProfitOffset');
  m.bool('scaleAutoReset');
  m.optInt('scaleInitPosition');
  m.optInt('scaleInitFillQty');
  m.bool('scaleRandomPercent');
}

function readTagValues(m: FieldCursor, name: string): void {
  const n = m.int(`${name}Count`);
  for (let i = 0; i < n; i++) {
    m.str(`${name}${i}.tag`);
    m.str(`${name}${i}.value`);
  }
}

/** Price 1, time 3, margin 4, execution 5, volume 6, percent change 7. */
function readConditions(m: FieldCursor): number {
  const n = m.int('conditionsCount');
  for (let i = 0; i < n; i++) {
    const type = m.int(`condition${i}.type`);
    m.str(`condition${i}.conjunctionConnection`);
    if (type === 5) {
      m.str(`condition${i}.secType`);
      m.str(`condition${i}.exchange`);
      m.str(`condition${i}.symbol`);
      continue;
    }
    if (![1, 3, 4, 6, 7].includes(type)) {
      throw new ProtocolError(m.messageId, `condition${i} has unknown type ${type}`);
    }
    m.bool(`condition${i}.isMore`);
    m.str(`condition${i}.value`);
    if (type === 1 || type === 6 || type === 7) {
      m.int(`condition${i}.conId`);
      m.str(`condition${i}.exchange`);
    }
    if (type === 1) m.optInt(`condition${i}.triggerMethod`);
  }
  if (n > 0) {
    m.bool('conditionsIgnoreRth');
    m.bool('conditionsCancelOrder');
  }
  return n;
}

/** minTradeQty on IBKRATS; PEG BEST and PEG MID offsets. */
function readPegBestPegMid(m: FieldCursor, exchange: string, orderType: string): void {
  if (exchange === 'IBKRATS') m.optInt('minTradeQty');
  let midOffsets = orderType === 'PEG MID' || orderType === 'PEGMID';
  if (orderType === 'PEG BEST' || orderType === 'PEGBEST') {
    m.optInt('minCompeteSize');
    // COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID is Infinity: the mid offsets follow.
    midOffsets = m.str('competeAgainstBestOffset') === 'Infinity';
  }
  if (midOffsets) {
    m.optFloat('midOffsetAtWhole');
    m.optFloat('midOffsetAtHalf');
  }
}
