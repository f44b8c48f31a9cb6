/**
 * The fake TWS's side of the orders: IB order id ↔ simulator order id, permIds, the statuses
 * clients have been told, today's executions, and who hears about an order. Orders placed
 * through the API belong to the client id that placed them; orders placed on the simulator
 * directly are treated like orders entered in TWS by hand: they get negative ids (as TWS gives
 * bound manual orders) and are reported to clients that called reqAutoOpenOrders(true).
 */
import type { Instrument } from '@shared/domain/instrument';
import type { OrderRequest, WorkingOrder } from '@shared/domain/orders';
import type { ContractRegistry } from './contracts';
import type { WireComboLeg } from './order-decode';
import type { ExecView, OpenOrderView, OrderContract } from './order-wire';
import {
  commissionReportMessage,
  execDetailsMessage,
  openOrderMessage,
  orderStatusMessage,
} from './order-wire';
import type { FakeTws, TwsSession } from './server';
import type { Field } from './wire';

/** The conId TWS gives USD combo (BAG) contracts. */
export const BAG_CON_ID = 28812380;

const FINAL = new Set(['Filled', 'Cancelled', 'Inactive', 'ApiCancelled']);

/** What the client sent that the simulator's request does not carry, echoed in openOrder. */
export interface ClientEcho {
  exchange: string;
  legExchanges: string[];
  orderComboLegPrices: Array<number | null>;
  smartComboRoutingParams: Array<[string, string]>;
  account: string;
  outsideRth: boolean;
}

export interface FakeOrder {
  readonly id: number;
  /** null: not placed through the API (a manual TWS order). */
  readonly clientId: number | null;
  readonly permId: number;
  request: OrderRequest;
  view: Omit<OpenOrderView, 'status' | 'whatIf' | 'margin'>;
  simId: number | null;
  /** What clients were last told; PendingSubmit until the simulator announces the order. */
  status: string;
  filled: number;
  remaining: number;
  avgFillPrice: number | null;
  lastFillPrice: number | null;
  fills: number;
  cancelRequested: boolean;
  /** Placed with transmit=0: held in TWS, never sent on. */
  staged: boolean;
}

export interface ExecRecord {
  view: ExecView;
  /** null for the combo's own line, which has no commission of its own. */
  commission: { amount: number; realizedPnl: number | null } | null;
}

export class FakeOrderBook {
  private readonly byId = new Map<number, FakeOrder>();
  private readonly bySim = new Map<number, FakeOrder>();
  /** IB order ids used so far, including refused ones (what-if orders use none). */
  private readonly used = new Set<number>();
  readonly executions: ExecRecord[] = [];
  private nextPermId = 1_870_000_001;

  constructor(
    private readonly tws: FakeTws,
    private readonly contracts: ContractRegistry,
    private readonly account: string,
    /** Sessions that asked for manual orders (reqAutoOpenOrders(true)). */
    private readonly autoBound: (s: TwsSession) => boolean,
  ) {}

  get(id: number): FakeOrder | null {
    return this.byId.get(id) ?? null;
  }

  bySimId(simId: number): FakeOrder | null {
    return this.bySim.get(simId) ?? null;
  }

  isUsed(id: number): boolean {
    return this.used.has(id);
  }

  use(id: number): void {
    this.used.add(id);
    this.tws.reserveOrderId(id);
  }

  permId(): number {
    return this.nextPermId++;
  }

  add(
    id: number,
    clientId: number | null,
    request: OrderRequest,
    echo: Partial<ClientEcho>,
  ): FakeOrder {
    const view = this.viewFor(id, clientId, request, echo);
    const order: FakeOrder = {
      id,
      clientId,
      permId: view.permId,
      request,
      view,
      simId: null,
      status: 'PendingSubmit',
      filled: 0,
      remaining: request.quantity,
      avgFillPrice: null,
      lastFillPrice: null,
      fills: 0,
      cancelRequested: false,
      staged: false,
    };
    this.byId.set(id, order);
    this.use(id);
    return order;
  }

  linkSim(order: FakeOrder, simId: number): void {
    order.simId = simId;
    this.bySim.set(simId, order);
  }

  /** A simulator order nobody placed through the API, known from now on. */
  adopt(w: WorkingOrder): FakeOrder {
    const known = this.bySim.get(w.orderId);
    if (known) return known;
    const order = this.add(-w.orderId, null, w.request, {});
    this.linkSim(order, w.orderId);
    return order;
  }

  /** Orders still working (or held in TWS), in id order. */
  working(): FakeOrder[] {
    return [...this.byId.values()]
      .filter((o) => !this.isFinal(o) && (o.simId !== null || o.staged))
      .sort((a, b) => a.id - b.id);
  }

  /** Done for good; a held order is Inactive but can still be transmitted or cancelled. */
  isFinal(o: FakeOrder): boolean {
    return o.staged ? o.status !== 'Inactive' : FINAL.has(o.status);
  }

  /** Whether a connection hears about an order: its client id, or auto-bound for manual ones. */
  hears(s: TwsSession, o: FakeOrder): boolean {
    return o.clientId === null ? this.autoBound(s) : s.clientId === o.clientId;
  }

  deliver(o: FakeOrder, fields: readonly Field[]): void {
    for (const s of this.tws.clientSessions()) if (this.hears(s, o)) s.send(fields);
  }

  openOrder(o: FakeOrder, version: number): Field[] {
    return openOrderMessage(
      { ...o.view, status: shownStatus(o), whatIf: false, margin: null },
      version,
    );
  }

  /** openOrder to everyone who hears about the order (per connection: versions differ). */
  deliverOpenOrder(o: FakeOrder): void {
    for (const s of this.tws.clientSessions()) {
      if (this.hears(s, o)) s.send(this.openOrder(o, s.version));
    }
  }

  status(o: FakeOrder, whyHeld = ''): Field[] {
    return orderStatusMessage({
      orderId: o.id,
      status: shownStatus(o),
      filled: o.filled,
      remaining: o.remaining,
      avgFillPrice: o.avgFillPrice,
      permId: o.permId,
      lastFillPrice: o.lastFillPrice,
      clientId: o.clientId ?? 0,
      whyHeld,
    });
  }

  /** Records an execution and sends execDetails (reqId −1) and, for a leg, its commission. */
  execution(o: FakeOrder, record: ExecRecord): void {
    this.executions.push(record);
    this.deliver(o, execDetailsMessage(-1, record.view));
    const c = record.commission;
    if (c) this.deliver(o, commissionReportMessage(record.view.execId, c.amount, c.realizedPnl));
  }

  legContract(inst: Instrument): OrderContract {
    return this.contracts.remember(inst);
  }

  /** The order as openOrder describes it (a new permId each time). */
  viewFor(
    id: number,
    clientId: number | null,
    req: OrderRequest,
    echo: Partial<ClientEcho>,
  ): FakeOrder['view'] {
    const first = req.legs[0]!;
    const single = req.legs.length === 1;
    const base = {
      orderId: id,
      clientId: clientId ?? 0,
      permId: this.permId(),
      totalQuantity: req.quantity,
      orderType: req.orderType,
      lmtPrice: req.limitPrice ?? null,
      tif: req.tif,
      account: echo.account || this.account,
      orderRef: req.orderRef ?? '',
      outsideRth: echo.outsideRth ?? false,
      orderComboLegPrices: single ? [] : (echo.orderComboLegPrices ?? []),
      smartComboRoutingParams: single ? [] : (echo.smartComboRoutingParams ?? []),
    };
    if (single) {
      const c = this.contracts.remember(first.instrument);
      // A single leg folds into the order: SELL of a BUY leg sells the contract.
      const action = first.action === 'BUY' ? req.action : flip(req.action);
      return {
        ...base,
        contract: { ...c, exchange: echo.exchange ?? c.exchange },
        comboLegs: [],
        action,
      };
    }
    const comboLegs: WireComboLeg[] = req.legs.map((l, i) => ({
      conId: this.contracts.remember(l.instrument).conId,
      ratio: l.ratio,
      action: l.action,
      exchange: echo.legExchanges?.[i] ?? 'SMART',
      openClose: 0,
      shortSaleSlot: 0,
      designatedLocation: '',
      exemptCode: -1,
    }));
    const contract: OrderContract = {
      conId: BAG_CON_ID,
      symbol: first.instrument.symbol,
      secType: 'BAG',
      lastTradeDateOrContractMonth: '',
      strike: 0,
      right: '',
      multiplier: '',
      exchange: echo.exchange ?? 'SMART',
      currency: 'USD',
      localSymbol: '',
      tradingClass: '',
    };
    return { ...base, contract, comboLegs, action: req.action };
  }
}

function flip(a: 'BUY' | 'SELL'): 'BUY' | 'SELL' {
  return a === 'BUY' ? 'SELL' : 'BUY';
}

/** An order the simulator has not announced yet is shown as PreSubmitted, not PendingSubmit. */
function shownStatus(o: FakeOrder): string {
  return o.status === 'PendingSubmit' ? 'PreSubmitted' : o.status;
}
