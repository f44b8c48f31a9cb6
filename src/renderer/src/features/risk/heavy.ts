/**
 * How old the heavy results are (pure): the scenario grid, the standard shocks and Monte Carlo VaR
 * are computed in a worker from one book time and can lag the frame. Their age is measured from
 * the book time they were computed from (heavy.inputTime), never from the frame's asOf.
 */
import type { HeavyStamp } from '@shared/domain/risk';
import { fmtAge } from '../../format/time';
import { COMPUTING } from './summary';

export interface HeavyMark {
  /** "computing…", "book 3.2s ago" or "lags book · 21s ago". */
  text: string;
  title: string;
  /** Show the stale tag: not computed yet, or the book has moved since. */
  stale: boolean;
  /** Nothing computed for this book yet. */
  computing: boolean;
}

const WHAT = 'Scenario grid, standard shocks and Monte Carlo VaR';

/** `ageMs`: age of heavy.inputTime on the core's clock. */
export function heavyMark(heavy: HeavyStamp | null, ageMs: number | null): HeavyMark {
  if (heavy === null) {
    return {
      text: COMPUTING,
      title: `${WHAT}: not computed yet for this book`,
      stale: true,
      computing: true,
    };
  }
  const age = fmtAge(ageMs);
  if (heavy.stale) {
    return {
      text: `lags book · ${age} ago`,
      title: `${WHAT} were computed from the book as it was ${age} ago; positions or prices have moved since (recomputing)`,
      stale: true,
      computing: false,
    };
  }
  return {
    text: `book ${age} ago`,
    title: `${WHAT} were computed from the book as it was ${age} ago`,
    stale: false,
    computing: false,
  };
}
