/** Reconnect delays: 0.5 s, doubling, capped at 5 s. `attempt` counts from 0. */
export const BACKOFF_FIRST_MS = 500;
export const BACKOFF_MAX_MS = 5_000;

export function backoffDelay(attempt: number): number {
  const n = Math.max(0, Math.min(attempt, 16));
  return Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** n);
}
