/**
 * Order tests through the fake TWS: SPX options picked from the simulator's chain, IB
 * contracts and orders built the way a client builds them, and one log of every order event
 * the real @stoqey/ib client decoded, in arrival order.
 */
import type { CommissionReport, Contract, Execution, Order, OrderState } from '@stoqey/ib';
import { EventName, OptionType, OrderAction, OrderType, SecType } from '@stoqey/ib';
import type { IBApi } from '@stoqey/ib';
import type { Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import { ibContractOf } from '../../fake-tws/contracts';
import type { SimSession } from './sim-harness';

/** The December 2026 SPX monthly, a month out from the harness's start. */
export const EXPIRY = '2026-12-18';

export type OrderEvent =
  | { kind: 'openOrder'; orderId: number; contract: Contract; order: Order; state: OrderState }
  | {
      kind: 'orderStatus';
      orderId: number;
      status: string;
      filled: number;
      remaining: number;
      avgFillPrice: number;
      permId: number;
      lastFillPrice: number;
      clientId: number;
    }
  | { kind: 'execDetails'; reqId: number; contract: Contract; exec: Execution }
  | { kind: 'commissionReport'; report: CommissionReport }
  | { kind: 'error'; reqId: number; code: number; message: string };

/** Every order event the client decodes from now on, in order. */
export function orderLog(ib: IBApi): OrderEvent[] {
  const log: OrderEvent[] = [];
  ib.on(
    EventName.openOrder,
    (orderId: number, contract: Contract, order: Order, state: OrderState) =>
      log.push({ kind: 'openOrder', orderId, contract, order, state }),
  );
  ib.on(
    EventName.orderStatus,
    (
      orderId: number,
      status: string,
      filled: number,
      remaining: number,
      avgFillPrice: number,
      permId?: number,
      _parentId?: number,
      lastFillPrice?: number,
      clientId?: number,
    ) =>
      log.push({
        kind: 'orderStatus',
        orderId,
        status,
        filled,
        remaining,
        avgFillPrice,
        permId: permId ?? 0,
        lastFillPrice: lastFillPrice ?? 0,
        clientId: clientId ?? 0,
      }),
  );
  ib.on(EventName.execDetails, (reqId: number, contract: Contract, exec: Execution) =>
    log.push({ kind: 'execDetails', reqId, contract, exec }),
  );
  ib.on(EventName.commissionReport, (report: CommissionReport) =>
    log.push({ kind: 'commissionReport', report }),
  );
  ib.on(EventName.error, (error: Error, code: number, reqId: number) =>
    log.push({ kind: 'error', reqId, code, message: error.message }),
  );
  return log;
}

/** `openOrder:Submitted`, `orderStatus:Filled`, `execDetails:BAG`, `error:202`… */
export function shape(log: readonly OrderEvent[]): string[] {
  return log.map((e) => {
    switch (e.kind) {
      case 'openOrder':
        return `openOrder:${e.state.status}`;
      case 'orderStatus':
        return `orderStatus:${e.status}`;
      case 'execDetails':
        return `execDetails:${e.contract.secType}`;
      case 'commissionReport':
        return 'commissionReport';
      case 'error':
        return `error:${e.code}`;
    }
  });
}

export function ofKind<K extends OrderEvent['kind']>(
  log: readonly OrderEvent[],
  kind: K,
): Array<Extract<OrderEvent, { kind: K }>> {
  return log.filter((e): e is Extract<OrderEvent, { kind: K }> => e.kind === kind);
}

/** The listed SPX option of EXPIRY nearest to spot × moneyness. */
export async function spxOption(
  c: SimSession,
  right: 'C' | 'P',
  moneyness: number,
): Promise<Instrument> {
  const [chain] = await c.sim.optionChain('SPX');
  const target = c.sim.snapshot().prices.SPX! * moneyness;
  const strike = chain!.strikes.reduce((a, k) =>
    Math.abs(k - target) < Math.abs(a - target) ? k : a,
  );
  const [inst, ...more] = await c.sim.lookupContract({
    symbol: 'SPX',
    secType: 'OPT',
    expiry: EXPIRY,
    right,
    strike,
  });
  if (!inst || more.length > 0) throw new Error(`no single SPX ${EXPIRY} ${right} ${strike}`);
  return inst;
}

/** Subscribes the simulator to each instrument and steps once so all have quotes. */
export function quotes(c: SimSession, insts: readonly Instrument[]): Quote[] {
  for (const i of insts) c.sim.subscribeMarketData(i);
  c.clock.advance(250);
  return insts.map((i) => {
    const q = c.sim.lastQuote(i.key);
    if (!q || q.bid === null || q.ask === null) throw new Error(`no quote for ${i.key}`);
    return q;
  });
}

/** The contract a client sends for an option: every field, routed SMART. */
export function optionContract(inst: Instrument): Contract {
  const ib = ibContractOf(inst);
  return {
    conId: ib.conId,
    symbol: ib.symbol,
    secType: SecType.OPT,
    lastTradeDateOrContractMonth: ib.lastTradeDateOrContractMonth,
    strike: ib.strike,
    right: ib.right === 'C' ? OptionType.Call : OptionType.Put,
    multiplier: inst.multiplier,
    exchange: 'SMART',
    currency: 'USD',
    tradingClass: ib.tradingClass,
  };
}

export function limit(action: 'BUY' | 'SELL', quantity: number, price: number): Order {
  return {
    action: action === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    orderType: OrderType.LMT,
    lmtPrice: price,
    totalQuantity: quantity,
    tif: 'DAY',
    transmit: true,
  };
}

/** A price on SPX options' 0.05 grid, never below one tick. */
export function onGrid(x: number): number {
  return Math.max(0.05, Math.round(x * 20) / 20);
}
