/**
 * Keeps the positions view current and publishes it on `positions.changed`: recomputed when
 * market data changes (coalesced to at most ten updates a second) and once a second regardless,
 * so values that stop updating turn stale on screen.
 */
import type { PositionRow, PositionsUpdate, PositionsView } from '@shared/domain/positions';
import type { StreamHub } from '../api/stream-hub';
import type { Clock, TimerHandle } from '../util/clock';
import { Throttle } from '@shared/util/throttle';
import type { MarketCache } from './market-cache';
import type { ValidGreeks } from './option-model';
import { buildPositionsView, type StaleAfter } from './positions-view';

export const PUBLISH_INTERVAL_MS = 100;
const STALENESS_SWEEP_MS = 1_000;

export class PositionsPublisher {
  /** The risk engine's local-model Greeks by position id (set once the risk service exists). */
  localGreeks: ((positionId: string) => ValidGreeks | undefined) | null = null;
  /** The last view published on the stream: what every subscriber has. */
  private view: PositionsView;
  private readonly throttle: Throttle;
  private sweep: TimerHandle | null = null;
  private readonly unsubscribers: Array<() => void> = [];

  constructor(
    private readonly cache: MarketCache,
    private readonly hub: StreamHub,
    private readonly clock: Clock,
    private readonly staleAfter: StaleAfter,
  ) {
    this.view = this.build();
    this.throttle = new Throttle(clock, PUBLISH_INTERVAL_MS, () => this.publish());
    hub.provideInitial('positions.changed', () => this.fullUpdate(this.current()));
  }

  start(): void {
    const schedule = () => this.throttle.schedule();
    for (const event of ['quote', 'greeks', 'positions', 'connection'] as const) {
      this.unsubscribers.push(this.cache.changes.on(event, schedule));
    }
    this.sweep = this.clock.setInterval(schedule, STALENESS_SWEEP_MS);
    this.sweep.unref?.();
  }

  stop(): void {
    this.throttle.flushPending();
    for (const u of this.unsubscribers.splice(0)) u();
    if (this.sweep) this.clock.clearInterval(this.sweep);
    this.sweep = null;
  }

  /**
   * The view as of now, rebuilt so a snapshot is never older than the data. It does not move
   * `view`, the last view streamed: that stays the base of the next diff, so subscribers still
   * get every change made before this snapshot.
   */
  current(): PositionsView {
    return this.build();
  }

  private build(): PositionsView {
    return buildPositionsView({
      positions: this.cache.positions(),
      quote: (k) => this.cache.quote(k),
      greeks: (k) => this.cache.optionGreeks(k),
      localGreeks: (id) => this.localGreeks?.(id),
      now: this.clock.now(),
      connected: this.cache.connection().status === 'connected',
      staleAfter: this.staleAfter,
    });
  }

  private publish(): void {
    const before = this.view;
    const after = this.build();
    this.view = after;
    const update = diff(before, after);
    if (update) this.hub.publish('positions.changed', update);
  }

  private fullUpdate(view: PositionsView): PositionsUpdate {
    const { asOf, rows, groups, totals } = view;
    return { asOf, full: true, upserts: rows, removed: [], groups, totals };
  }
}

/** Changed and removed rows between two views; null when nothing a trader sees changed. */
export function diff(before: PositionsView, after: PositionsView): PositionsUpdate | null {
  const old = new Map(before.rows.map((r) => [r.id, r]));
  const upserts: PositionRow[] = [];
  let added = false;
  for (const row of after.rows) {
    const prev = old.get(row.id);
    old.delete(row.id);
    if (!prev) added = true;
    if (!prev || !sameRow(prev, row)) upserts.push(row);
  }
  const removed = [...old.keys()];
  // Adding or removing positions changes row order; a full update keeps front ends in order.
  const orderChanged = added || removed.length > 0;
  if (upserts.length === 0 && removed.length === 0) return null;
  return {
    asOf: after.asOf,
    full: orderChanged,
    upserts: orderChanged ? after.rows : upserts,
    removed,
    groups: after.groups,
    totals: after.totals,
  };
}

function sameRow(a: PositionRow, b: PositionRow): boolean {
  return (
    a.quantity === b.quantity &&
    a.avgPrice === b.avgPrice &&
    a.price === b.price &&
    a.priceTime === b.priceTime &&
    a.priceStale === b.priceStale &&
    a.underlyingPrice === b.underlyingPrice &&
    a.dte === b.dte &&
    a.greeksSource === b.greeksSource &&
    a.greeksTime === b.greeksTime &&
    a.greeksStale === b.greeksStale &&
    a.iv === b.iv &&
    sameGreeks(a.greeks, b.greeks)
  );
}

function sameGreeks(a: PositionRow['greeks'], b: PositionRow['greeks']): boolean {
  if (a === null || b === null) return a === b;
  return a.delta === b.delta && a.gamma === b.gamma && a.theta === b.theta && a.vega === b.vega;
}
