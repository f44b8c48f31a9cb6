/**
 * Working orders of the simulated account: placement, rejection, cancel, and matching once per
 * market update. Per fill it emits, in order: one 'execution' per leg, one 'commission' per
 * execution, then the 'orderStatus'. Placement news (Submitted, or Inactive + error 201) is
 * sent on the next clock turn, after placeOrder has handed out the id. DAY orders never expire
 * here (the sim has no session end).
 */
import type { BrokerEvents } from '../port';
import type { Clock, TimerHandle } from '../../util/clock';
import type {
  Action,
  CommissionReport,
  Execution,
  OrderChange,
  OrderRequest,
  OrderStatus,
  WorkingOrder,
} from '@shared/domain/orders';
import type { Emitter } from '@shared/util/emitter';
import { commissionFor } from './commissions';
import type { MatchLeg } from './fills';
import { matchOrder } from './fills';
import type { SimInstruments } from './instruments';
import type { Ledger } from './ledger';
import type { ResolvedLeg } from './order-validation';
import { checkOrder } from './order-validation';
import type { QuoteEngine } from './quote-engine';
import type { Rng } from './rng';
import { clean, instrumentTick } from './ticks';

export interface OrderBookDeps {
  account: string;
  events: Emitter<BrokerEvents>;
  clock: Clock;
  instruments: SimInstruments;
  quotes: QuoteEngine;
  ledger: Ledger;
  simTime: () => number;
  rng: Rng;
  /** Called after fills were booked: the broker publishes positions and account values. */
  onFills: () => void;
}

interface SimOrder {
  orderId: number;
  request: OrderRequest;
  legs: ResolvedLeg[];
  status: OrderStatus;
  filled: number;
  remaining: number;
  avgFillPrice: number | null;
  lastFillPrice: number | null;
  resting: boolean;
  announced: boolean;
  fills: number;
  legFilled: number[];
  legAvg: number[];
}

const invert = (a: Action): Action => (a === 'BUY' ? 'SELL' : 'BUY');

export class SimOrderBook {
  private nextId = 1;
  private readonly working = new Map<number, SimOrder>();
  private readonly timers = new Set<TimerHandle>();

  constructor(private readonly d: OrderBookDeps) {}

  place(request: OrderRequest): number {
    const orderId = this.nextId++;
    const check = checkOrder(request, this.d.instruments, this.d.simTime(), this.d.account);
    if (!check.ok) {
      this.later(() => {
        this.emitStatus(orderId, 'Inactive', 0, request.quantity, null, null, check.reason);
        this.d.events.emit('error', {
          code: '201',
          message: `Order rejected - reason: ${check.reason}`,
          orderId,
        });
      });
      return orderId;
    }
    const order: SimOrder = {
      orderId,
      request,
      legs: check.legs,
      status: 'Submitted',
      filled: 0,
      remaining: request.quantity,
      avgFillPrice: null,
      lastFillPrice: null,
      resting: false,
      announced: false,
      fills: 0,
      legFilled: check.legs.map(() => 0),
      legAvg: check.legs.map(() => 0),
    };
    this.working.set(orderId, order);
    this.later(() => {
      if (!this.working.has(orderId)) return;
      order.announced = true;
      this.emitStatus(orderId, 'Submitted', 0, order.remaining, null, null, null);
    });
    return orderId;
  }

  /** A new limit and/or quantity for a working order; it is matched afresh at the next step. */
  modify(orderId: number, change: OrderChange): void {
    const order = this.working.get(orderId);
    const fail = (code: string, message: string) =>
      this.later(() => this.d.events.emit('error', { code, message, orderId }));
    if (!order) return fail('10147', `OrderId ${orderId} that needs to be modified is not found.`);
    const quantity = change.quantity ?? order.request.quantity;
    if (quantity <= order.filled) {
      return fail(
        '201',
        `Order rejected - reason: quantity ${quantity} is not above the ${order.filled} already filled`,
      );
    }
    order.request = {
      ...order.request,
      quantity,
      ...(change.limitPrice !== undefined ? { limitPrice: change.limitPrice } : {}),
    };
    order.remaining = quantity - order.filled;
    order.resting = false;
    this.later(() => {
      if (!this.working.has(orderId)) return;
      const { filled, remaining, avgFillPrice, lastFillPrice } = order;
      this.emitStatus(orderId, 'Submitted', filled, remaining, avgFillPrice, lastFillPrice, null);
    });
  }

  cancel(orderId: number): void {
    const order = this.working.get(orderId);
    if (!order) {
      this.d.events.emit('error', {
        code: '10147',
        message: `OrderId ${orderId} that needs to be cancelled is not found.`,
        orderId,
      });
      return;
    }
    this.working.delete(orderId);
    order.status = 'Cancelled';
    const { filled, remaining, avgFillPrice, lastFillPrice } = order;
    this.emitStatus(
      orderId,
      'Cancelled',
      filled,
      remaining,
      avgFillPrice,
      lastFillPrice,
      'cancelled by user',
    );
  }

  open(): WorkingOrder[] {
    return [...this.working.values()].map((o) => ({
      orderId: o.orderId,
      request: o.request,
      status: o.status,
      filled: o.filled,
      remaining: o.remaining,
      avgFillPrice: o.avgFillPrice,
    }));
  }

  /** Tries every announced working order against the current quotes. */
  match(): void {
    let filled = false;
    for (const order of [...this.working.values()]) {
      if (!order.announced) continue;
      const legs = this.matchLegs(order);
      if (!legs) continue;
      const outcome = matchOrder(
        { ...order.request, remaining: order.remaining, resting: order.resting },
        legs,
        this.d.rng,
      );
      if (outcome.kind === 'wait') {
        order.resting = outcome.resting;
        continue;
      }
      this.execute(order, outcome.units, outcome.comboPrice, outcome.legPrices);
      filled = true;
    }
    if (filled) this.d.onFills();
  }

  stop(): void {
    for (const t of this.timers) this.d.clock.clearTimeout(t);
    this.timers.clear();
  }

  private matchLegs(order: SimOrder): MatchLeg[] | null {
    const legs: MatchLeg[] = [];
    for (const leg of order.legs) {
      const q = this.d.quotes.quote(leg.instrument);
      if (!q) return null;
      legs.push({
        action: leg.action,
        ratio: leg.ratio,
        book: q,
        tick: instrumentTick(leg.instrument, q.mark ?? q.last ?? 0),
      });
    }
    return legs;
  }

  private execute(order: SimOrder, units: number, comboPrice: number, legPrices: number[]): void {
    const n = ++order.fills;
    const time = this.d.clock.now();
    const executions: Execution[] = [];
    const reports: CommissionReport[] = [];
    order.legs.forEach((leg, i) => {
      const action = order.request.action === 'BUY' ? leg.action : invert(leg.action);
      const qty = units * leg.ratio;
      const price = legPrices[i]!;
      const before = order.legFilled[i]!;
      const avgPrice = clean((order.legAvg[i]! * before + price * qty) / (before + qty));
      order.legAvg[i] = avgPrice;
      const cumQty = before + qty;
      order.legFilled[i] = cumQty;
      const execId = `sim.${order.orderId}.${n}.${i}`;
      const commission = commissionFor(leg.instrument, qty);
      const signed = action === 'BUY' ? qty : -qty;
      const realized = this.d.ledger.apply(leg.instrument, signed, price, commission);
      executions.push({
        execId,
        orderId: order.orderId,
        account: this.d.account,
        instrument: leg.instrument,
        side: action === 'BUY' ? 'BOT' : 'SLD',
        quantity: qty,
        price,
        cumQty,
        avgPrice,
        time,
      });
      reports.push({
        execId,
        commission,
        currency: 'USD',
        realizedPnl: realized === null ? null : clean(realized - commission),
      });
    });
    const prevFilled = order.filled;
    order.filled += units;
    order.remaining -= units;
    order.avgFillPrice = clean(
      ((order.avgFillPrice ?? 0) * prevFilled + comboPrice * units) / order.filled,
    );
    order.lastFillPrice = comboPrice;
    order.status = order.remaining === 0 ? 'Filled' : 'Submitted';
    if (order.status === 'Filled') this.working.delete(order.orderId);

    for (const e of executions) this.d.events.emit('execution', e);
    for (const r of reports) this.d.events.emit('commission', r);
    this.emitStatus(
      order.orderId,
      order.status,
      order.filled,
      order.remaining,
      order.avgFillPrice,
      comboPrice,
      null,
    );
  }

  private emitStatus(
    orderId: number,
    status: OrderStatus,
    filled: number,
    remaining: number,
    avgFillPrice: number | null,
    lastFillPrice: number | null,
    reason: string | null,
  ): void {
    this.d.events.emit('orderStatus', {
      orderId,
      status,
      filled,
      remaining,
      avgFillPrice,
      lastFillPrice,
      reason,
      time: this.d.clock.now(),
    });
  }

  /** Runs fn on the next clock turn (cleared on stop). */
  private later(fn: () => void): void {
    const handle = this.d.clock.setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, 0);
    this.timers.add(handle);
  }
}
