import type { Clock, TimerHandle } from '../../src/main/util/clock';

interface Timer extends TimerHandle {
  id: number;
  at: number;
  every: number | null;
  fn: () => void;
}

/** A Clock that only moves when a test calls advance(); timers fire in time order. */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  constructor(start = Date.parse('2026-11-20T15:00:00-05:00')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, null);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, Math.max(1, ms));
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete((handle as Timer).id);
  }

  clearInterval(handle: TimerHandle): void {
    this.clearTimeout(handle);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.time = next.at;
      if (next.every === null) this.timers.delete(next.id);
      else next.at += next.every;
      next.fn();
    }
    this.time = end;
  }

  private nextDue(end: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers.values()) {
      if (t.at <= end && (!best || t.at < best.at || (t.at === best.at && t.id < best.id)))
        best = t;
    }
    return best;
  }

  private add(fn: () => void, ms: number, every: number | null): Timer {
    const timer: Timer = { id: this.nextId++, at: this.time + Math.max(0, ms), every, fn };
    this.timers.set(timer.id, timer);
    return timer;
  }
}
