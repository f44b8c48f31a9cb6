/**
 * Runs `flush` at most once per interval. The first change after a quiet spell flushes on the
 * next turn of the event loop; changes inside the interval are gathered into one trailing flush.
 * The core paces its streams with it, the renderer its store updates.
 */
import type { TimerHandle, Timers } from './timers';

export class Throttle {
  private timer: TimerHandle | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Timers,
    private readonly intervalMs: number,
    private readonly flush: () => void,
  ) {}

  schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.run(), wait);
    this.timer.unref?.();
  }

  /** Flushes now if anything is pending (used when stopping, to drain). */
  flushPending(): void {
    if (!this.timer) return;
    this.clock.clearTimeout(this.timer);
    this.run();
  }

  cancel(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    this.lastFlush = this.clock.now();
    this.flush();
  }
}

/** Latest value per key, flushed as one batch at most once per interval. */
export class KeyedBatcher<V> {
  private pending = new Map<string, V>();
  private readonly throttle: Throttle;

  constructor(clock: Timers, intervalMs: number, flush: (batch: V[]) => void) {
    this.throttle = new Throttle(clock, intervalMs, () => {
      const batch = [...this.pending.values()];
      this.pending = new Map();
      if (batch.length > 0) flush(batch);
    });
  }

  put(key: string, value: V): void {
    this.pending.set(key, value);
    this.throttle.schedule();
  }

  flushPending(): void {
    this.throttle.flushPending();
  }

  cancel(): void {
    this.throttle.cancel();
    this.pending.clear();
  }
}
