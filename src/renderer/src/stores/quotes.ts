/** The quotes slice: the latest quote per instrument key, and the keys the market watch lists. */
import type { Quote } from '@shared/domain/market';

export interface QuotesState {
  byKey: Readonly<Record<string, Quote>>;
  /** Non-option keys (indices, stocks, futures), in market-watch order. */
  watchKeys: readonly string[];
  asOf: number | null;
  /**
   * The newest `time` of any quote received (when the market data itself was observed, not when
   * the core last published): the status bar's "last market data" age.
   */
  newestTime: number | null;
}

export const EMPTY_QUOTES: QuotesState = { byKey: {}, watchKeys: [], asOf: null, newestTime: null };

const WATCH_ORDER: Record<string, number> = { IND: 0, FUT: 1, STK: 2 };
/** Indices the desk always looks at first. */
const PINNED = ['IND:SPX', 'IND:VIX', 'IND:VIX3M'];

export function isWatchKey(key: string): boolean {
  const secType = key.slice(0, key.indexOf(':'));
  return secType in WATCH_ORDER;
}

export function compareWatchKeys(a: string, b: string): number {
  const pa = PINNED.indexOf(a);
  const pb = PINNED.indexOf(b);
  if (pa !== -1 || pb !== -1) return (pa === -1 ? 99 : pa) - (pb === -1 ? 99 : pb);
  const sa = WATCH_ORDER[a.slice(0, a.indexOf(':'))] ?? 9;
  const sb = WATCH_ORDER[b.slice(0, b.indexOf(':'))] ?? 9;
  return sa - sb || a.localeCompare(b);
}

/** Keeps the latest quote per key; the watch list changes only when a new key appears. */
export function applyQuotes(
  state: QuotesState,
  quotes: Iterable<Quote>,
  asOf: number | null,
): QuotesState {
  const byKey: Record<string, Quote> = { ...state.byKey };
  let newWatchKey = false;
  let changed = false;
  let newestTime = state.newestTime;
  for (const q of quotes) {
    const had = byKey[q.key];
    if (had === q) continue;
    if (!had && isWatchKey(q.key)) newWatchKey = true;
    byKey[q.key] = q;
    changed = true;
    if (newestTime === null || q.time > newestTime) newestTime = q.time;
  }
  if (!changed) return asOf === null ? state : { ...state, asOf };
  const watchKeys = newWatchKey
    ? Object.keys(byKey).filter(isWatchKey).sort(compareWatchKeys)
    : state.watchKeys;
  return { byKey, watchKeys, asOf: asOf ?? state.asOf, newestTime };
}
