/**
 * A walking limit: starts at the reviewed limit (usually the mid) and every few seconds moves
 * one step toward the trader's worst price, never past it and never past the natural price
 * (paying through the far side gains nothing). After the last step it cancels what is left
 * and says so. Partial fills keep walking the remainder. Steps pause outside regular hours
 * unless the settings allow them.
 */
import type { OrderRecord, WalkState } from '@shared/domain/order-ticket';
import type { Timers, TimerHandle } from '@shared/util/timers';
import { errorMessage, type Logger } from '../util/logger';
import { isEnded } from './order-tracker';

export interface WalkRules {
  stepSeconds: number;
  maxSteps: number;
  regularHoursOnly: boolean;
}

export interface WalkDeps {
  clock: Timers;
  log: Logger;
  record(orderId: number): OrderRecord | undefined;
  setWalk(orderId: number, walk: WalkState): void;
  /** Sends the new limit to the broker and records it. */
  modify(orderId: number, limitPrice: number): Promise<void>;
  cancel(orderId: number): Promise<void>;
  /** The combo's natural price now, in the order's direction (null without quotes). */
  natural(record: OrderRecord): number | null;
  tick(record: OrderRecord): number;
  inRegularHours(now: number): boolean;
  /**
   * Before each step: `stop` ends the walk where it is (trading halted, or reduce-only while
   * the order opens risk); `pause` skips this step (a leg's quote is missing or stale).
   */
  hold?(record: OrderRecord): { kind: 'stop' | 'pause'; why: string } | null;
}

interface Walk {
  start: number;
  state: WalkState;
  rules: WalkRules;
  timer: TimerHandle | null;
}

/** The limit after `step` of `maxSteps` steps from start toward worst, on the tick grid. */
export function walkPrice(
  start: number,
  worst: number,
  step: number,
  maxSteps: number,
  tick: number,
  natural: number | null,
): number {
  const dir = Math.sign(worst - start);
  const raw = start + ((worst - start) * Math.min(step, maxSteps)) / maxSteps;
  // Round back toward the start so rounding never crosses the worst price.
  const ticks = (raw - start) / tick;
  let price = start + (dir >= 0 ? Math.floor(ticks + 1e-9) : Math.ceil(ticks - 1e-9)) * tick;
  if (step >= maxSteps) price = worst;
  if (natural !== null && dir !== 0 && (natural - price) * dir < 0) price = natural;
  if ((price - worst) * dir > 0) price = worst;
  return Math.round(price * 1e6) / 1e6;
}

export class WalkingLimits {
  private readonly walks = new Map<number, Walk>();

  constructor(private readonly d: WalkDeps) {}

  begin(orderId: number, start: number, worstPrice: number, rules: WalkRules): void {
    const state: WalkState = {
      step: 0,
      maxSteps: rules.maxSteps,
      worstPrice,
      currentPrice: start,
      ended: null,
    };
    this.walks.set(orderId, { start, state, rules, timer: null });
    this.d.setWalk(orderId, state);
    this.schedule(orderId);
  }

  /** The trader cancelled or changed the order by hand: the walk stops where it is. */
  end(orderId: number, why: string): void {
    const w = this.walks.get(orderId);
    if (!w) return;
    if (w.timer) this.d.clock.clearTimeout(w.timer);
    this.walks.delete(orderId);
    this.d.setWalk(orderId, { ...w.state, ended: why });
  }

  stopAll(): void {
    for (const id of [...this.walks.keys()]) this.end(id, 'Bulwark stopped');
  }

  active(): number[] {
    return [...this.walks.keys()];
  }

  private schedule(orderId: number): void {
    const w = this.walks.get(orderId);
    if (!w) return;
    w.timer = this.d.clock.setTimeout(() => {
      void this.step(orderId);
    }, w.rules.stepSeconds * 1000);
    w.timer.unref?.();
  }

  private async step(orderId: number): Promise<void> {
    const w = this.walks.get(orderId);
    if (!w) return;
    w.timer = null;
    const r = this.d.record(orderId);
    if (!r || isEnded(r.status)) {
      this.end(orderId, r ? `order ${r.status}` : 'order unknown');
      return;
    }
    if (w.rules.regularHoursOnly && !this.d.inRegularHours(this.d.clock.now())) {
      this.schedule(orderId); // paused: no step outside regular hours
      return;
    }
    const hold = this.d.hold?.(r) ?? null;
    if (hold?.kind === 'stop') {
      this.end(orderId, `stopped: ${hold.why}`);
      return;
    }
    if (hold?.kind === 'pause') {
      this.schedule(orderId); // no step on data it cannot trust
      return;
    }
    if (w.state.step >= w.state.maxSteps) {
      await this.finish(orderId, w, r);
      return;
    }
    const step = w.state.step + 1;
    const price = walkPrice(
      w.start,
      w.state.worstPrice,
      step,
      w.state.maxSteps,
      this.d.tick(r),
      this.d.natural(r),
    );
    w.state = { ...w.state, step, currentPrice: price };
    try {
      if (price !== r.request.limitPrice) await this.d.modify(orderId, price);
      this.d.setWalk(orderId, w.state);
      this.schedule(orderId);
    } catch (e) {
      this.d.log.warn('walking limit step refused', { orderId, error: errorMessage(e) });
      this.end(orderId, `step refused: ${errorMessage(e)}`);
    }
  }

  private async finish(orderId: number, w: Walk, r: OrderRecord): Promise<void> {
    this.walks.delete(orderId);
    const why = `reached the last step at ${w.state.currentPrice} with ${r.remaining} unfilled: cancelled`;
    this.d.setWalk(orderId, { ...w.state, ended: why });
    try {
      await this.d.cancel(orderId);
    } catch (e) {
      this.d.log.error('walking limit could not cancel at its end', {
        orderId,
        error: errorMessage(e),
      });
      this.d.setWalk(orderId, { ...w.state, ended: `cancel failed: ${errorMessage(e)}` });
    }
  }
}
