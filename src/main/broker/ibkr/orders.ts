/**
 * The order path on TWS: place (single leg or one BAG), what-if, cancel, and the events that
 * follow — order status (duplicates dropped), executions (deduplicated by execId) and their
 * commissions. Order ids come from the link's local counter. Nothing is ever re-sent: after a
 * reconnect the working orders are read back from TWS (reqOpenOrders), not placed again.
 */
import {
  EventName,
  type CommissionReport as IbCommission,
  type Contract,
  type Execution as IbExecution,
  type IBApi,
  type Order,
  type OrderState,
} from '@stoqey/ib';
import type {
  MarginImpact,
  OrderChange,
  OrderRequest,
  OrderStatusEvent,
  WorkingOrder,
} from '@shared/domain/orders';
import type { Emitter } from '@shared/util/emitter';
import type { TimerHandle, Timers } from '@shared/util/timers';
import { RecentIds } from '../../util/recent-ids';
import type { BrokerEvents } from '../port';
import { describeIbCode } from './ib-errors';
import {
  commissionOf,
  executionOf,
  ibOrder,
  marginImpactOf,
  orderContract,
  orderStatusOf,
} from './order-mapping';

const DEADLINE_MS = 15_000;
/**
 * TWS may answer a what-if first with a copy that has only a warning and unset figures, the
 * real one right after; a combo what-if sometimes never gets figures. After a copy without
 * figures, wait this long for one with them before refusing.
 */
const WHAT_IF_GRACE_MS = 1_500;
/** Longer than the 7 days of trades TWS can be set to replay, so a replay is never a new fill. */
const RETAIN_MS = 8 * 24 * 3_600_000;
const FINAL = new Set(['Filled', 'Cancelled', 'Inactive']);

interface Pending<T> {
  resolve: (v: T) => void;
  reject: (e: Error) => void;
}

export class IbOrders {
  private api: IBApi | null = null;
  private readonly working = new Map<number, WorkingOrder>();
  private readonly lastStatus = new Map<number, string>();
  private readonly execIds = new RecentIds<string>(RETAIN_MS);
  private readonly commissionIds = new RecentIds<string>(RETAIN_MS);
  /** Ended orders; their status fingerprint and fill count are kept a while for late repeats. */
  private readonly ended = new RecentIds<number>(RETAIN_MS, (id) => {
    this.lastStatus.delete(id);
    this.filledByExec.delete(id);
  });
  private readonly whatIfs = new Map<number, Pending<MarginImpact>>();
  /** What-ifs that got a copy without figures: the grace timer that refuses them. */
  private readonly emptyWhatIfs = new Map<number, TimerHandle>();
  private readonly cancels = new Map<number, Pending<void>>();
  /** Per order, the largest cumulative quantity seen in its executions (per unit of the leg). */
  private readonly filledByExec = new Map<number, number>();
  /** Orders we had working when a session began, not yet confirmed by TWS. */
  private unconfirmed = new Set<number>();
  private pendingEnds = 0;

  constructor(
    private readonly events: Emitter<BrokerEvents>,
    private readonly timers: Timers,
  ) {}

  /**
   * A new session: listen, then read back what is still working and what filled meanwhile.
   * Nothing is re-sent. An order TWS no longer knows and that did not fill is reported Inactive
   * with the reason, for the trader to check — an automatic re-send could double a position.
   */
  attach(api: IBApi, execReqId: number): void {
    this.api = api;
    this.unconfirmed = new Set(this.working.keys());
    this.pendingEnds = 2;
    api.on(EventName.openOrderEnd, () => this.endOfRecovery());
    api.on(EventName.execDetailsEnd, (reqId: number) => {
      if (reqId === execReqId) this.endOfRecovery();
    });
    api.on(EventName.openOrder, (orderId: number, _c: Contract, order: Order, state: OrderState) =>
      this.onOpenOrder(orderId, order, state),
    );
    api.on(
      EventName.orderStatus,
      (
        orderId: number,
        status: string,
        filled: number,
        remaining: number,
        avgFillPrice: number,
        _permId?: number,
        _parentId?: number,
        lastFillPrice?: number,
      ) =>
        this.onStatus(
          orderId,
          status,
          filled,
          remaining,
          avgFillPrice,
          lastFillPrice ?? null,
          null,
        ),
    );
    api.on(EventName.execDetails, (_reqId: number, contract: Contract, e: IbExecution) => {
      const x = executionOf(contract, e, this.timers.now());
      if (!x || this.execIds.has(x.execId)) return;
      this.execIds.add(x.execId, this.timers.now());
      const ratio =
        this.working.get(x.orderId)?.request.legs.find((l) => l.instrument.key === x.instrument.key)
          ?.ratio ?? 1;
      this.filledByExec.set(
        x.orderId,
        Math.max(this.filledByExec.get(x.orderId) ?? 0, x.cumQty / ratio),
      );
      this.events.emit('execution', x);
    });
    api.on(EventName.commissionReport, (c: IbCommission) => {
      const r = commissionOf(c);
      if (!r || this.commissionIds.has(r.execId)) return;
      this.commissionIds.add(r.execId, this.timers.now());
      this.events.emit('commission', r);
    });
    api.on(EventName.error, (err: Error, code: number, id: number) =>
      this.onError(id, code, err.message),
    );
    api.reqOpenOrders();
    api.reqExecutions(execReqId, {});
  }

  private endOfRecovery(): void {
    if (this.pendingEnds === 0 || --this.pendingEnds > 0) return;
    for (const id of this.unconfirmed) {
      const order = this.working.get(id);
      if (!order) continue;
      const filled = this.filledByExec.get(id) ?? order.filled;
      if (filled >= order.request.quantity) {
        this.onStatus(id, 'Filled', order.request.quantity, 0, order.avgFillPrice ?? 0, null, null);
      } else {
        this.onStatus(
          id,
          'Inactive',
          filled,
          order.request.quantity - filled,
          order.avgFillPrice ?? 0,
          null,
          'TWS no longer knows this order after the reconnect: it never arrived or was cancelled. Check TWS before sending it again.',
        );
      }
    }
    this.unconfirmed.clear();
  }

  detach(): void {
    this.api = null;
    const lost = new Error('TWS session ended before the answer came');
    for (const p of [...this.whatIfs.values(), ...this.cancels.values()]) p.reject(lost);
    this.whatIfs.clear();
    for (const timer of this.emptyWhatIfs.values()) this.timers.clearTimeout(timer);
    this.emptyWhatIfs.clear();
    this.cancels.clear();
  }

  /** What this session remembers, for diagnostics and to show it stays bounded. */
  tracked(): { working: number; statuses: number; executions: number; commissions: number } {
    return {
      working: this.working.size,
      statuses: this.lastStatus.size,
      executions: this.execIds.size,
      commissions: this.commissionIds.size,
    };
  }

  open(): WorkingOrder[] {
    return [...this.working.values()];
  }

  place(orderId: number, req: OrderRequest): { orderId: number } {
    const api = this.session();
    const contract = orderContract(req);
    this.working.set(orderId, {
      orderId,
      request: req,
      status: 'PendingSubmit',
      filled: 0,
      remaining: req.quantity,
      avgFillPrice: null,
    });
    api.placeOrder(orderId, contract, ibOrder(orderId, req));
    return { orderId };
  }

  /**
   * A new limit and/or quantity: TWS modifies an order when it is placed again under the same
   * id with the same contract. Only a working order this session knows can be changed.
   */
  modify(orderId: number, change: OrderChange): void {
    const api = this.session();
    const known = this.working.get(orderId);
    if (!known) throw new Error(`order ${orderId} is not working: nothing to change`);
    const quantity = change.quantity ?? known.request.quantity;
    if (quantity <= known.filled) {
      throw new Error(
        `order ${orderId}: quantity ${quantity} is not above the ${known.filled} already filled`,
      );
    }
    const request: OrderRequest = {
      ...known.request,
      quantity,
      ...(change.limitPrice !== undefined ? { limitPrice: change.limitPrice } : {}),
    };
    this.working.set(orderId, { ...known, request, remaining: quantity - known.filled });
    api.placeOrder(orderId, orderContract(request), ibOrder(orderId, request));
  }

  whatIf(orderId: number, req: OrderRequest): Promise<MarginImpact> {
    const api = this.session();
    return this.await(this.whatIfs, orderId, 'what-if margin', () =>
      api.placeOrder(orderId, orderContract(req), ibOrder(orderId, req, true)),
    );
  }

  cancel(orderId: number): Promise<void> {
    const api = this.session();
    if (!this.working.has(orderId))
      return Promise.reject(new Error(`order ${orderId} is not working`));
    return this.await(this.cancels, orderId, 'cancel', () => api.cancelOrder(orderId));
  }

  private session(): IBApi {
    if (!this.api) throw new Error('no TWS session: nothing can be sent');
    return this.api;
  }

  private await<T>(
    map: Map<number, Pending<T>>,
    id: number,
    what: string,
    send: () => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        map.delete(id);
        reject(
          new Error(`${what} for order ${id}: no answer from TWS within ${DEADLINE_MS / 1000} s`),
        );
      }, DEADLINE_MS);
      timer.unref?.();
      const done =
        <A extends unknown[]>(f: (...a: A) => void) =>
        (...a: A) => {
          this.timers.clearTimeout(timer);
          map.delete(id);
          f(...a);
        };
      map.set(id, { resolve: done(resolve), reject: done(reject) });
      send();
    });
  }

  private onOpenOrder(orderId: number, order: Order, state: OrderState): void {
    const whatIf = this.whatIfs.get(orderId);
    if (whatIf && order.whatIf) {
      const impact = marginImpactOf(state);
      const grace = this.emptyWhatIfs.get(orderId);
      if (impact) {
        if (grace) this.timers.clearTimeout(grace);
        this.emptyWhatIfs.delete(orderId);
        whatIf.resolve(impact);
      } else if (!grace) {
        const warning = state.warningText ? ` (TWS: ${state.warningText})` : '';
        const timer = this.timers.setTimeout(() => {
          this.emptyWhatIfs.delete(orderId);
          whatIf.reject(
            new Error(`what-if for order ${orderId}: TWS returned no margin figures${warning}`),
          );
        }, WHAT_IF_GRACE_MS);
        timer.unref?.();
        this.emptyWhatIfs.set(orderId, timer);
      }
      return;
    }
    if (order.whatIf) return;
    this.unconfirmed.delete(orderId);
    const status = orderStatusOf(String(state.status));
    const known = this.working.get(orderId);
    if (known && status) this.working.set(orderId, { ...known, status });
  }

  private onStatus(
    orderId: number,
    raw: string,
    filled: number,
    remaining: number,
    avgFillPrice: number,
    lastFillPrice: number | null,
    reason: string | null,
  ): void {
    const status = orderStatusOf(raw);
    if (!status) return;
    // TWS repeats orderStatus messages (sometimes three times): pass each change on once.
    const fingerprint = `${status}|${filled}|${remaining}|${reason ?? ''}`;
    if (this.lastStatus.get(orderId) === fingerprint) return;
    this.lastStatus.set(orderId, fingerprint);
    const event: OrderStatusEvent = {
      orderId,
      status,
      filled,
      remaining,
      avgFillPrice: filled > 0 && Number.isFinite(avgFillPrice) ? avgFillPrice : null,
      lastFillPrice: lastFillPrice !== null && lastFillPrice > 0 ? lastFillPrice : null,
      reason,
      time: this.timers.now(),
    };
    if (FINAL.has(status)) this.ended.add(orderId, event.time);
    else this.ended.prune(event.time);
    this.execIds.prune(event.time);
    this.commissionIds.prune(event.time);
    const known = this.working.get(orderId);
    if (known) {
      if (FINAL.has(status)) this.working.delete(orderId);
      else
        this.working.set(orderId, {
          ...known,
          status,
          filled,
          remaining,
          avgFillPrice: event.avgFillPrice,
        });
    }
    if (status === 'Cancelled') this.cancels.get(orderId)?.resolve();
    this.events.emit('orderStatus', event);
  }

  private onError(id: number, code: number, message: string): void {
    if (id < 0) return;
    const words = describeIbCode(code, message);
    if (code === 202) {
      this.cancels.get(id)?.resolve();
      return;
    }
    this.whatIfs.get(id)?.reject(new Error(words.words));
    this.cancels.get(id)?.reject(new Error(words.words));
    if (code === 201 || code === 203 || code === 103) {
      const known = this.working.get(id);
      this.onStatus(
        id,
        'Inactive',
        known?.filled ?? 0,
        known?.remaining ?? 0,
        0,
        null,
        words.words,
      );
    }
    if (this.working.has(id) || code === 201) {
      this.events.emit('error', { code: words.code, message: words.words, orderId: id });
    }
  }
}
