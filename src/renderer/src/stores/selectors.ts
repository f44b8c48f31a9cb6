/** Hooks that select primitives from the store (never the whole store). */
import { ageOf } from './clock';
import { riskStaleReason } from './risk';
import { feedStaleReason, tooOld } from './staleness';
import { useBulwark, type AppState } from './store';

/** Limits used until app.info arrives (the core's defaults). */
export const DEFAULT_STALE_AFTER = { quote: 10_000, greeks: 30_000 } as const;

export const selectFeedStaleReason = (s: AppState): string | null =>
  feedStaleReason(s.link, s.connection);

/** Why everything is stale right now, or null while the feed is live. */
export function useFeedStaleReason(): string | null {
  return useBulwark(selectFeedStaleReason);
}

export function useStaleLimits(): { quote: number; greeks: number } {
  const quote = useBulwark((s) => s.app?.staleAfterMs.quote ?? DEFAULT_STALE_AFTER.quote);
  const greeks = useBulwark((s) => s.app?.staleAfterMs.greeks ?? DEFAULT_STALE_AFTER.greeks);
  return { quote, greeks };
}

/** True once a core timestamp is older than `limitMs` (re-renders only when that flips). */
export function useTooOld(time: number | null, limitMs: number): boolean {
  return useBulwark((s) => tooOld(ageOf(time, s.clock), limitMs));
}

/** Age of a core timestamp in ms, on the core's clock. Re-renders every tick: use sparingly. */
export function useAgeText(time: number | null, format: (ms: number | null) => string): string {
  return useBulwark((s) => format(ageOf(time, s.clock)));
}

/** Why the risk panel is not live (core flag, feed down, no recent frame), or null. */
export function useRiskStaleReason(): string | null {
  const { greeks } = useStaleLimits();
  return useBulwark((s) =>
    riskStaleReason({
      frame: s.risk.frame,
      feedReason: feedStaleReason(s.link, s.connection),
      ageMs: ageOf(s.risk.frame?.asOf ?? null, s.clock),
      limitMs: greeks,
    }),
  );
}
