import type { TimerHandle, Timers } from '@shared/util/timers';

export type { TimerHandle } from '@shared/util/timers';

/** Time as services see it. Tests pass a FakeClock (test/fakes/fake-clock.ts) to step it. */
export interface Clock extends Timers {
  setInterval(fn: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};
