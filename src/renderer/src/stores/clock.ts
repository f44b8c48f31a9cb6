/**
 * Time as the core sees it. Events carry `asOf` (the core's wall clock); the difference to this
 * machine's clock at receipt estimates the skew, so ages are measured on the core's clock.
 */
export interface ClockState {
  /** Local wall clock, ticked once a second and on every applied batch. */
  now: number;
  /** Estimated core clock minus local clock, ms. */
  skewMs: number;
  /** Local time of the last applied stream event; null before the first. */
  lastEventAt: number | null;
}

export function initialClock(now: number): ClockState {
  return { now, skewMs: 0, lastEventAt: null };
}

/** The core's clock, now. */
export function serverNow(c: ClockState): number {
  return c.now + c.skewMs;
}

export function estimateSkew(asOf: number, receivedAt: number): number {
  return asOf - receivedAt;
}

/** Age of a core timestamp in ms (never negative); null when there is no timestamp. */
export function ageOf(time: number | null, c: ClockState): number | null {
  if (time === null) return null;
  return Math.max(0, serverNow(c) - time);
}
