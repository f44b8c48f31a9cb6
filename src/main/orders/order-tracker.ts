/**
 * Follows every order Bulwark sent from "sent" to its end, from the broker's own events:
 * status, executions (each counted once: TWS replays them on reconnect), commissions, and the
 * errors and precautions TWS attaches to an order. Each change goes out as an `orders.events`
 * event; `list()` answers `orders.list`.
 */
import type {
  OrderEvent,
  OrderLifecycle,
  OrderRecord,
  WalkState,
} from '@shared/domain/order-ticket';
import type { OrderRequest, OrderStatusEvent } from '@shared/domain/orders';
import type { Emitter } from '@shared/util/emitter';
import type { BrokerEvents } from '../broker/port';
import type { Logger } from '../util/logger';
import { RecentIds } from '../util/recent-ids';

/** TWS error codes that end an order as rejected (the rest are notices on a live order). */
const REJECT_CODES = new Set([
  '103',
  '104',
  '105',
  '106',
  '107',
  '110',
  '135',
  '161',
  '201',
  '203',
]);
/** Finished orders are kept in the session's list this many at most (oldest dropped). */
const MAX_RECORDS = 2_000;
const EXEC_MEMORY_MS = 8 * 86_400_000;

const ENDED: ReadonlySet<OrderLifecycle> = new Set(['filled', 'cancelled', 'rejected', 'inactive']);

export function isEnded(status: OrderLifecycle): boolean {
  return ENDED.has(status);
}

export interface TrackMeta {
  clientRef: string;
  strategy: string | null;
  rationale: string | null;
}

function lifecycleOf(e: OrderStatusEvent): OrderLifecycle {
  switch (e.status) {
    case 'Filled':
      return 'filled';
    case 'Cancelled':
      return 'cancelled';
    case 'Inactive':
      return 'inactive';
    default:
      return e.filled > 0 ? 'partially-filled' : 'working';
  }
}

export class OrderTracker {
  private readonly records = new Map<number, OrderRecord>();
  /** The limit before the last modify, until the broker refuses it (then it is restored). */
  private readonly unconfirmedLimits = new Map<number, number>();
  private readonly execs = new RecentIds<string>(EXEC_MEMORY_MS);
  /** execId → orderId, so a commission report finds its order. */
  private readonly execOrders = new Map<string, number>();
  /** Events that arrived before placeOrder resolved with the id (the sim answers at once). */
  private readonly early = new Map<number, Array<() => void>>();
  private readonly offs: Array<() => void> = [];

  constructor(
    events: Emitter<BrokerEvents>,
    private readonly publish: (e: OrderEvent) => void,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    this.offs.push(
      events.on('orderStatus', (e) => this.when(e.orderId, () => this.onStatus(e))),
      events.on('execution', (x) =>
        this.when(x.orderId, () => {
          if (this.execs.has(x.execId)) return;
          this.execs.add(x.execId, this.now());
          this.execOrders.set(x.execId, x.orderId);
          this.publish({
            type: 'fill',
            orderId: x.orderId,
            execId: x.execId,
            instrumentKey: x.instrument.key,
            side: x.side,
            quantity: x.quantity,
            price: x.price,
            time: x.time,
          });
        }),
      ),
      events.on('commission', (c) => {
        const id = this.execOrders.get(c.execId);
        if (id === undefined) return;
        this.execOrders.delete(c.execId);
        this.update(id, (r) => ({ commission: r.commission + c.commission }));
      }),
      events.on('error', (e) => {
        if (e.orderId === null || e.orderId < 0) return;
        const id = e.orderId;
        this.when(id, () => this.onError(id, e.code, e.message));
      }),
    );
  }

  /** An order the broker accepted for sending; events already seen for its id are applied. */
  track(orderId: number, request: OrderRequest, meta: TrackMeta): OrderRecord {
    const t = this.now();
    const record: OrderRecord = {
      orderId,
      clientRef: meta.clientRef,
      status: 'sent',
      request,
      strategy: meta.strategy,
      rationale: meta.rationale,
      filled: 0,
      remaining: request.quantity,
      avgFillPrice: null,
      commission: 0,
      reason: null,
      walk: null,
      sentAt: t,
      updatedAt: t,
    };
    this.records.set(orderId, record);
    this.trim();
    this.publish({ type: 'order', order: record });
    for (const apply of this.early.get(orderId) ?? []) apply();
    this.early.delete(orderId);
    return this.records.get(orderId) ?? record;
  }

  get(orderId: number): OrderRecord | undefined {
    return this.records.get(orderId);
  }

  /** Newest first. */
  /**
   * Σ over working orders (but `except`) of what their unfilled remainder would still do to
   * this instrument.
   */
  remainingChange(key: string, except?: number): number {
    let sum = 0;
    for (const r of this.records.values()) {
      if (r.orderId === except || isEnded(r.status) || r.remaining <= 0) continue;
      const side = r.request.action === 'BUY' ? 1 : -1;
      for (const l of r.request.legs) {
        if (l.instrument.key !== key) continue;
        sum += side * (l.action === 'BUY' ? 1 : -1) * l.ratio * r.remaining;
      }
    }
    return sum;
  }

  list(): OrderRecord[] {
    return [...this.records.values()].reverse();
  }

  /** Orders still live at the broker (for the walking limit, cancel-all and the kill switch). */
  working(): OrderRecord[] {
    return this.list().filter((r) => !isEnded(r.status));
  }

  setWalk(orderId: number, walk: WalkState): void {
    this.update(orderId, () => ({ walk }));
  }

  setLimit(orderId: number, limitPrice: number): void {
    const before = this.records.get(orderId)?.request.limitPrice;
    if (before !== undefined) this.unconfirmedLimits.set(orderId, before);
    this.update(orderId, (r) => ({ request: { ...r.request, limitPrice } }));
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
  }

  private when(orderId: number, apply: () => void): void {
    if (this.records.has(orderId)) {
      apply();
      return;
    }
    // Not ours yet: placeOrder may not have resolved. Ids never sent by us are dropped later.
    const list = this.early.get(orderId) ?? [];
    if (list.length < 50) list.push(apply);
    this.early.set(orderId, list);
    if (this.early.size > 200) {
      const first = this.early.keys().next().value;
      if (first !== undefined) this.early.delete(first);
    }
  }

  private onStatus(e: OrderStatusEvent): void {
    this.update(e.orderId, (r) => {
      // A late "Submitted" never revives an order that already ended.
      if (isEnded(r.status) && !isEnded(lifecycleOf(e))) return {};
      return {
        status: r.status === 'rejected' && e.status !== 'Filled' ? 'rejected' : lifecycleOf(e),
        filled: e.filled,
        remaining: e.remaining,
        avgFillPrice: e.avgFillPrice ?? r.avgFillPrice,
        reason: e.reason ?? r.reason,
      };
    });
  }

  private onError(orderId: number, code: string, message: string): void {
    const r = this.records.get(orderId);
    if (!r) return;
    if (REJECT_CODES.has(code) && r.status === 'sent') {
      this.log.warn('order rejected by the broker', { orderId, code, message });
      this.update(orderId, () => ({ status: 'rejected', reason: `${message} (code ${code})` }));
      return;
    }
    // On an order the broker has accepted, a rejection refuses a change (a modify): the order
    // stays working at its previous limit, and the trader is told.
    const previous = this.unconfirmedLimits.get(orderId);
    if (REJECT_CODES.has(code) && previous !== undefined && !isEnded(r.status)) {
      this.unconfirmedLimits.delete(orderId);
      this.log.warn('order change refused by the broker', { orderId, code, message });
      this.update(orderId, (x) => ({ request: { ...x.request, limitPrice: previous } }));
      message = `The change was refused; the order still works at ${previous}: ${message}`;
    }
    this.publish({ type: 'notice', orderId, code, message, time: this.now() });
  }

  private update(orderId: number, change: (r: OrderRecord) => Partial<OrderRecord>): void {
    const r = this.records.get(orderId);
    if (!r) return;
    const patch = change(r);
    if (Object.keys(patch).length === 0) return;
    const next = { ...r, ...patch, updatedAt: this.now() };
    this.records.set(orderId, next);
    this.publish({ type: 'order', order: next });
  }

  private trim(): void {
    if (this.records.size <= MAX_RECORDS) return;
    for (const [id, r] of this.records) {
      if (this.records.size <= MAX_RECORDS) break;
      if (isEnded(r.status)) this.records.delete(id);
    }
  }
}
