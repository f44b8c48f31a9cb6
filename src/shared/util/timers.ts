/** One-shot timers and the time, as pure code needs them; each process supplies its own. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque timer handle; `unref` (Node) keeps a pending timer from holding the process open. */
export interface TimerHandle {
  unref?(): unknown;
}
