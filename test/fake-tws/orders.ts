/**
 * Orders through the fake TWS onto the simulator:
 *
 * - placeOrder `3` → the contract (conId or fields) and BAG legs (conIds) resolved to the
 *   simulator's instruments, then sim.placeOrder, the client's order id kept (IB id ↔ sim id).
 *   When the simulator announces it: openOrder + orderStatus Submitted; per fill, per leg:
 *   execDetails (reqId −1) then its commissionReport, for a BAG also one execDetails for the
 *   combo, then orderStatus (filled/remaining, finally Filled). A rejection: orderStatus
 *   Inactive + error 201. whatIf=1: one openOrder (PreSubmitted) with sim.whatIf's margin
 *   figures, nothing placed. transmit=0: held in TWS (Inactive) until the same id comes again
 *   with transmit=1. A used id: error 103. Order types other than LMT/MKT, TIFs other than
 *   DAY/GTC and features the simulator cannot honour (see order-decode.ts): error 201.
 * - cancelOrder `4` → orderStatus Cancelled + error 202; unknown id 10147, finished 10148.
 *   reqGlobalCancel `58` → the same for every working order of every client.
 * - reqOpenOrders `5` / reqAutoOpenOrders `15` (this client's orders; client 0 also the manual
 *   ones) / reqAllOpenOrders `16` (everyone's) → openOrder + orderStatus per working order,
 *   then openOrderEnd. reqExecutions `7`: see order-executions.ts.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Execution, OrderRequest, OrderStatusEvent } from '@shared/domain/orders';
import type { BridgeContext } from './bridge-kit';
import { NO_SECURITY, PerSession, expectVersion, sendError, single } from './bridge-kit';
import type { PlaceOrderMessage } from './order-decode';
import { readCancelOrder, readGlobalCancel, readPlaceOrder } from './order-decode';
import type { ClientEcho, FakeOrder } from './order-book';
import { FakeOrderBook } from './order-book';
import {
  comboExecRecord,
  execIdOf,
  legExecView,
  registerExecutions,
  simExecNumbers,
} from './order-executions';
import { openOrderMessage, orderStatusMessage } from './order-wire';
import type { TwsSession } from './server';
import { wireContract } from './contracts';

const ACTIONS = new Set(['BUY', 'SELL']);
const ORDER_TYPES = new Set(['LMT', 'MKT']);
const CANCELED = 'Order Canceled - reason:';
const rejected = (reason: string): string => `Order rejected - reason:${reason}`;

export interface OrderOptions {
  /**
   * How what-if answers come, as TWS sends them: `normal` one openOrder with the figures;
   * `warning-first` a first copy with only a warning and every figure unset, then the real one
   * (TWS does this); `empty` only that first copy (as combo what-ifs sometimes come back).
   */
  whatIfReplies?: 'normal' | 'warning-first' | 'empty';
}

export function registerOrders(ctx: BridgeContext, opts: OrderOptions = {}): FakeOrderBook {
  const { tws, sim } = ctx;
  const sessions = new PerSession<{ autoBind: boolean }>(
    () => ({ autoBind: false }),
    () => undefined,
  );
  const book = new FakeOrderBook(tws, ctx.contracts, ctx.account, (s) => sessions.get(s).autoBind);
  /** Orders being resolved (contract look-ups are async): a cancel waits for them. */
  const placing = new Map<number, { cancelled: boolean }>();
  const toOwners = (o: FakeOrder, code: number, message: string): void =>
    book.deliver(o, [4, 2, o.id, code, message, '']);

  // placeOrder `3`
  tws.on('3', (s, m) => {
    const msg = readPlaceOrder(m, s.version);
    const id = msg.orderId;
    const held = book.get(id);
    // The same id again from the same client for a live order: TWS treats it as a modification.
    if (
      held &&
      !msg.whatIf &&
      held.clientId === s.clientId &&
      held.simId !== null &&
      !held.staged &&
      !book.isFinal(held)
    ) {
      return modify(s, msg, held);
    }
    const transmitsHeld = held?.staged === true && held.clientId === s.clientId;
    if ((book.isUsed(id) || placing.has(id)) && !(transmitsHeld && !book.isFinal(held))) {
      return sendError(s, id, 103, 'Duplicate order id');
    }
    const rejection = tws.faults.takeOrderRejection();
    if (rejection !== null) return refuse(s, msg, rejection);
    if (!msg.whatIf) {
      book.use(id);
      placing.set(id, { cancelled: false });
    }
    requestOf(ctx, s, msg).then(
      (request) => {
        const cancelled = placing.get(id)?.cancelled === true;
        placing.delete(id);
        if (request) submit(s, msg, request, cancelled);
      },
      (e: unknown) => ctx.fail('3', e),
    );
  });

  /** A new limit and/or quantity for a working order; the legs must stay the same (else 105). */
  const modify = (s: TwsSession, msg: PlaceOrderMessage, order: FakeOrder): void => {
    requestOf(ctx, s, msg).then(
      (request) => {
        if (!request) return;
        const legsOf = (r: OrderRequest) =>
          r.legs.map((l) => `${l.instrument.key}|${l.action}|${l.ratio}`).join(',');
        if (legsOf(request) !== legsOf(order.request) || request.action !== order.request.action) {
          return sendError(
            s,
            msg.orderId,
            105,
            'Order being modified does not match original order.',
          );
        }
        order.request = request;
        order.view = {
          ...order.view,
          totalQuantity: request.quantity,
          lmtPrice: request.limitPrice ?? null,
        };
        book.deliverOpenOrder(order);
        const change = {
          quantity: request.quantity,
          ...(request.limitPrice !== undefined ? { limitPrice: request.limitPrice } : {}),
        };
        void sim.modifyOrder(order.simId!, change);
      },
      (e: unknown) => ctx.fail('3', e),
    );
  };

  /** rejectNextOrder: orderStatus Inactive + error 201; the simulator never sees the order. */
  const refuse = (s: TwsSession, msg: PlaceOrderMessage, reason: string): void => {
    if (!msg.whatIf) {
      book.use(msg.orderId);
      s.send(
        orderStatusMessage({
          orderId: msg.orderId,
          status: 'Inactive',
          filled: 0,
          remaining: msg.totalQuantity ?? 0,
          avgFillPrice: null,
          permId: book.permId(),
          lastFillPrice: null,
          clientId: s.clientId ?? 0,
        }),
      );
    }
    sendError(s, msg.orderId, 201, rejected(reason));
  };

  const submit = (
    s: TwsSession,
    msg: PlaceOrderMessage,
    request: OrderRequest,
    cancelled: boolean,
  ): void => {
    const echo: ClientEcho = {
      exchange: msg.contract.exchange,
      legExchanges: msg.comboLegs.map((l) => l.exchange),
      orderComboLegPrices: msg.orderComboLegPrices,
      smartComboRoutingParams: msg.smartComboRoutingParams,
      account: msg.account,
      outsideRth: msg.outsideRth,
    };
    if (msg.whatIf) return whatIf(s, msg.orderId, request, echo);
    const order = book.add(msg.orderId, s.clientId, request, echo);
    if (cancelled || !msg.transmit) {
      order.staged = !msg.transmit;
      order.status = cancelled ? 'Cancelled' : 'Inactive';
      if (!cancelled) book.deliverOpenOrder(order);
      book.deliver(order, book.status(order));
      if (cancelled) toOwners(order, 202, CANCELED);
      return;
    }
    sim.placeOrder(request).then(
      ({ orderId }) => {
        book.linkSim(order, orderId);
        if (order.cancelRequested) void sim.cancelOrder(orderId);
      },
      (e: unknown) => ctx.fail('3', e),
    );
  };

  const whatIf = (s: TwsSession, id: number, request: OrderRequest, echo: ClientEcho): void => {
    sim.whatIf(request).then(
      (impact) => {
        const margin = {
          ...impact,
          equityWithLoanChange: impact.equityWithLoanAfter - impact.equityWithLoanBefore,
          warningText: impact.warning ?? '',
        };
        const view = book.viewFor(id, s.clientId, request, echo);
        const replies = opts.whatIfReplies ?? 'normal';
        if (replies !== 'normal') {
          // Every figure unset (the encoder writes IB's unset value), only a warning.
          const warningText = 'Margin figures follow';
          const empty = {
            ...view,
            status: 'PreSubmitted',
            whatIf: true,
            margin: null,
            warningText,
          };
          s.send(openOrderMessage(empty, s.version));
          if (replies === 'empty') return;
        }
        const fields = { ...view, status: 'PreSubmitted', whatIf: true, margin };
        s.send(openOrderMessage(fields, s.version));
      },
      (e: unknown) => sendError(s, id, 201, rejected(e instanceof Error ? e.message : String(e))),
    );
  };

  // cancelOrder `4`
  tws.on('4', (s, m) => {
    const { orderId } = readCancelOrder(m, s.version);
    const inFlight = placing.get(orderId);
    if (inFlight) {
      inFlight.cancelled = true;
      return;
    }
    const o = book.get(orderId);
    if (!o || !book.hears(s, o)) {
      const text = `OrderId ${orderId} that needs to be cancelled is not found.`;
      return sendError(s, orderId, 10147, text);
    }
    if (book.isFinal(o)) {
      const text = `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${o.status}.`;
      return sendError(s, orderId, 10148, text);
    }
    cancel(o);
  });

  // reqGlobalCancel `58`
  tws.on('58', (s, m) => {
    readGlobalCancel(m, s.version);
    for (const p of placing.values()) p.cancelled = true;
    for (const o of book.working()) cancel(o);
  });

  const cancel = (o: FakeOrder): void => {
    if (o.staged) {
      o.status = 'Cancelled';
      book.deliver(o, book.status(o));
      toOwners(o, 202, CANCELED);
      return;
    }
    o.cancelRequested = true;
    if (o.simId !== null) void sim.cancelOrder(o.simId);
  };

  // reqOpenOrders `5|1`, reqAutoOpenOrders `15|1|autoBind`, reqAllOpenOrders `16|1`
  const listOpenOrders = (s: TwsSession, all: boolean): void => {
    for (const w of sim.openOrders()) book.adopt(w);
    for (const o of book.working()) {
      if (!all && !book.hears(s, o) && !(o.clientId === null && s.clientId === 0)) continue;
      s.send(book.openOrder(o, s.version));
      s.send(book.status(o));
    }
    s.send([53, 1]);
  };
  tws.on('5', (s, m) => {
    expectVersion(m, 1);
    m.end();
    listOpenOrders(s, false);
  });
  tws.on('15', (s, m) => {
    expectVersion(m, 1);
    const autoBind = m.bool('autoBind');
    m.end();
    sessions.get(s).autoBind = autoBind;
    listOpenOrders(s, false);
  });
  tws.on('16', (s, m) => {
    expectVersion(m, 1);
    m.end();
    listOpenOrders(s, true);
  });

  registerExecutions(ctx, book);
  watchSimulator(ctx, book, toOwners);
  ctx.onDetach(() => sessions.clear());
  return book;
}

/** The simulator's order events, as TWS messages to the clients that hear about each order. */
function watchSimulator(
  ctx: BridgeContext,
  book: FakeOrderBook,
  toOwners: (o: FakeOrder, code: number, message: string) => void,
): void {
  const { sim } = ctx;
  const pending = new Map<string, Execution>();
  const known = (simId: number): FakeOrder | null => {
    const o = book.bySimId(simId);
    if (o) return o;
    const w = sim.openOrders().find((x) => x.orderId === simId);
    return w ? book.adopt(w) : null;
  };

  ctx.onDetach(sim.events.on('execution', (e) => pending.set(e.execId, e)));
  // The simulator sends every leg's execution, then every leg's commission, then the status.
  ctx.onDetach(
    sim.events.on('commission', (r) => {
      const e = pending.get(r.execId);
      pending.delete(r.execId);
      const o = e ? known(e.orderId) : null;
      if (!e || !o) return;
      const [fill, leg] = simExecNumbers(r.execId, o.fills + 1);
      book.execution(o, {
        view: legExecView(book, o, e, e.instrument, execIdOf(o, fill, leg + 1)),
        commission: { amount: r.commission, realizedPnl: r.realizedPnl },
      });
    }),
  );
  ctx.onDetach(
    sim.events.on('orderStatus', (e: OrderStatusEvent) => {
      const o = known(e.orderId);
      if (!o) return;
      const announced = o.status !== 'PendingSubmit';
      const units = e.filled - o.filled;
      Object.assign(o, {
        status: e.status,
        filled: e.filled,
        remaining: e.remaining,
        avgFillPrice: e.avgFillPrice,
        lastFillPrice: e.lastFillPrice,
      });
      if (!announced && e.status === 'Submitted' && units === 0) book.deliverOpenOrder(o);
      if (units > 0) {
        o.fills++;
        if (o.request.legs.length > 1) {
          book.execution(o, comboExecRecord(o, units, e.lastFillPrice ?? 0, e.time));
        }
      }
      book.deliver(o, book.status(o));
      if (e.status === 'Cancelled') toOwners(o, 202, CANCELED);
      if (e.status === 'Inactive') toOwners(o, 201, rejected(e.reason ?? ''));
    }),
  );
}

/** The simulator's request for a client's order; null when refused (the error is sent). */
async function requestOf(
  ctx: BridgeContext,
  s: TwsSession,
  msg: PlaceOrderMessage,
): Promise<OrderRequest | null> {
  const id = msg.orderId;
  const refuse = (reason: string): null => {
    sendError(s, id, 201, rejected(reason));
    return null;
  };
  if (msg.unsupported.length > 0) {
    return refuse(`the fake TWS does not support ${msg.unsupported.join(', ')}`);
  }
  if (!ACTIONS.has(msg.action)) return refuse(`invalid action ${JSON.stringify(msg.action)}`);
  if (!ORDER_TYPES.has(msg.orderType)) {
    return refuse(`the fake TWS takes LMT and MKT orders only, not ${msg.orderType}`);
  }
  const tif = msg.tif === '' ? 'DAY' : msg.tif;
  if (tif !== 'DAY' && tif !== 'GTC') return refuse(`the fake TWS takes DAY and GTC, not ${tif}`);
  if (msg.totalQuantity === null) return refuse('the order has no quantity');
  if (msg.account !== '' && msg.account !== ctx.account) {
    return refuse(`unknown account ${msg.account}`);
  }
  const legs: OrderRequest['legs'] = [];
  if (msg.contract.secType.toUpperCase() === 'BAG') {
    if (msg.comboLegs.length === 0) {
      const cause = "Security type 'BAG' requires combo leg details.";
      sendError(s, id, 321, `Error validating request.-'bN' : cause - ${cause}`);
      return null;
    }
    for (const l of msg.comboLegs) {
      const inst = await legInstrument(ctx, l.conId);
      if (!inst) {
        sendError(s, id, 200, NO_SECURITY);
        return null;
      }
      if (l.action !== 'BUY' && l.action !== 'SELL') {
        return refuse(`invalid leg action ${JSON.stringify(l.action)}`);
      }
      legs.push({ instrument: inst, ratio: l.ratio, action: l.action });
    }
  } else {
    const inst = single(s, id, await ctx.contracts.resolve(msg.contract), msg.contract.symbol);
    if (!inst) return null;
    legs.push({ instrument: inst, ratio: 1, action: 'BUY' });
  }
  const request: OrderRequest = {
    action: msg.action === 'BUY' ? 'BUY' : 'SELL',
    quantity: msg.totalQuantity,
    orderType: msg.orderType === 'LMT' ? 'LMT' : 'MKT',
    tif,
    legs,
  };
  if (msg.lmtPrice !== null) request.limitPrice = msg.lmtPrice;
  if (msg.orderRef !== '') request.orderRef = msg.orderRef;
  return request;
}

/** A combo leg's instrument: a conId the fake has handed out, or one the simulator knows. */
async function legInstrument(ctx: BridgeContext, conId: number): Promise<Instrument | null> {
  const known = ctx.contracts.byConId(conId);
  if (known) return known;
  const found = await ctx.contracts.resolve(wireContract({ conId }));
  return found.length === 1 ? (found[0] ?? null) : null;
}
