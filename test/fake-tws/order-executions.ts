/**
 * Executions as TWS reports them: IB-style execIds, execDetails views of the simulator's leg
 * executions, and reqExecutions `7|3|reqId|clientId|acctCode|time|symbol|secType|exchange|side`
 * → today's (New York date) executions matching the filter, each leg followed by its
 * commissionReport, then execDetailsEnd `55|1|reqId`. The time filter (`yyyymmdd-hh:mm:ss` or
 * with a space) is compared with the execution times, which are US/Eastern.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Execution } from '@shared/domain/orders';
import type { BridgeContext } from './bridge-kit';
import { expectVersion } from './bridge-kit';
import type { ExecRecord, FakeOrder, FakeOrderBook } from './order-book';
import type { ExecView } from './order-wire';
import { commissionReportMessage, execDetailsMessage } from './order-wire';
import { connectionTime } from './server';

const SIDES: Readonly<Record<string, string>> = { BUY: 'BOT', SELL: 'SLD', BOT: 'BOT', SLD: 'SLD' };

/** `0001f4e8.000003e9.01.01`-like: permId, order id, fill number, leg (00 for a combo's own). */
export function execIdOf(o: FakeOrder, fill: number, leg: number): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${hex(o.permId)}.${hex(o.id)}.${two(fill)}.${two(leg)}`;
}

/** Fill number and leg index of a simulator execId (`sim.<order>.<fill>.<leg>`). */
export function simExecNumbers(simExecId: string, fallbackFill: number): [number, number] {
  const m = /^sim\.\d+\.(\d+)\.(\d+)$/.exec(simExecId);
  return m ? [Number(m[1]), Number(m[2])] : [fallbackFill, 0];
}

export function legExecView(
  book: FakeOrderBook,
  o: FakeOrder,
  e: Execution,
  inst: Instrument,
  execId: string,
): ExecView {
  const contract = book.legContract(inst);
  return {
    orderId: o.id,
    contract,
    execId,
    time: connectionTime(e.time),
    account: o.view.account,
    exchange: contract.exchange,
    side: e.side,
    shares: e.quantity,
    price: e.price,
    permId: o.permId,
    clientId: o.clientId ?? 0,
    cumQty: e.cumQty,
    avgPrice: e.avgPrice,
    orderRef: o.view.orderRef,
  };
}

/** The combo's own line of a BAG fill: units at the combo price, no commission. */
export function comboExecRecord(
  o: FakeOrder,
  units: number,
  price: number,
  time: number,
): ExecRecord {
  const contract = o.view.contract;
  return {
    view: {
      orderId: o.id,
      contract,
      execId: execIdOf(o, o.fills, 0),
      time: connectionTime(time),
      account: o.view.account,
      exchange: contract.exchange,
      side: o.view.action === 'BUY' ? 'BOT' : 'SLD',
      shares: units,
      price,
      permId: o.permId,
      clientId: o.clientId ?? 0,
      cumQty: o.filled,
      avgPrice: o.avgFillPrice ?? price,
      orderRef: o.view.orderRef,
    },
    commission: null,
  };
}

export function registerExecutions(ctx: BridgeContext, book: FakeOrderBook): void {
  const { tws } = ctx;
  tws.on('7', (s, m) => {
    expectVersion(m, 3);
    const reqId = m.int('reqId');
    const clientId = m.optInt('clientId');
    const acctCode = m.str('acctCode');
    const after = m.str('time').replace('-', ' ');
    const symbol = m.str('symbol').toUpperCase();
    const secType = m.str('secType').toUpperCase();
    const exchange = m.str('exchange').toUpperCase();
    const side = m.str('side').toUpperCase();
    m.end();
    const today = connectionTime(tws.now()).slice(0, 8);
    const matches = (v: ExecView): boolean =>
      v.time.startsWith(today) &&
      (clientId === null || clientId === 0 || v.clientId === clientId) &&
      (acctCode === '' || v.account === acctCode) &&
      (after === '' || v.time.slice(0, after.length) >= after) &&
      (symbol === '' || v.contract.symbol === symbol) &&
      (secType === '' || v.contract.secType === secType) &&
      (exchange === '' || v.exchange === exchange) &&
      (side === '' || v.side === SIDES[side]);
    for (const r of book.executions) {
      if (!matches(r.view)) continue;
      s.send(execDetailsMessage(reqId, r.view));
      const c = r.commission;
      if (c) s.send(commissionReportMessage(r.view.execId, c.amount, c.realizedPnl));
    }
    s.send([55, 1, reqId]);
  });
}
