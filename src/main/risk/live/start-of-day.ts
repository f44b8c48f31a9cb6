/**
 * Start-of-day net liquidation for the daily drawdown check, in order of trust:
 * 1. the broker's own daily P&L (IB reqPnL, the simulator's): start = NLV − daily P&L;
 * 2. the NLV Bulwark itself saw first after this session's 09:30 open, persisted in the data
 *    directory so a mid-day restart keeps it;
 * 3. otherwise unknown — never today's first reading after a restart, which would show a
 *    loss-making day as 0 % drawdown and green.
 * A session runs from one weekday's 09:30 New York open to the next weekday's.
 */
import {
  addDays,
  newYorkDate,
  newYorkInstant,
  newYorkWallTime,
  weekday,
} from '@shared/domain/time';
import type { StartOfDayRecord, StartOfDayStore } from './start-of-day-store';

export interface StartOfDay {
  nlv: number | null;
  /** Plain words: where the value came from, or why it is unknown. */
  basis: string;
}

/** The session an instant belongs to: the date of the latest weekday 09:30 open at or before it. */
export function sessionDate(now: number): string {
  let date = newYorkDate(now);
  const w = newYorkWallTime(now);
  const beforeOpen = w.hour < 9 || (w.hour === 9 && w.minute < 30);
  if (beforeOpen || weekday(date) === 0 || weekday(date) === 6) date = addDays(date, -1);
  while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, -1);
  return date;
}

export function sessionOpenInstant(session: string): number {
  return newYorkInstant(session, 9, 30);
}

export class StartOfDayTracker {
  private firstSeen: number | null = null;
  private record: StartOfDayRecord | null;

  constructor(private readonly store: StartOfDayStore) {
    this.record = store.load();
  }

  observe(now: number, nlv: number | null, brokerDailyPnl: number | null): StartOfDay {
    this.firstSeen ??= now;
    if (nlv !== null && brokerDailyPnl !== null) {
      return { nlv: nlv - brokerDailyPnl, basis: "from the broker's daily P&L" };
    }
    const session = sessionDate(now);
    if (this.record?.session === session) {
      return { nlv: this.record.nlv, basis: 'NLV recorded after the 09:30 open' };
    }
    // Only a process that was running at the open knows the NLV at the open.
    const sawOpen = this.firstSeen <= sessionOpenInstant(session);
    if (sawOpen && nlv !== null && nlv > 0) {
      this.record = { session, nlv, recordedAt: now };
      this.store.save(this.record);
      return { nlv, basis: 'NLV recorded after the 09:30 open' };
    }
    return {
      nlv: null,
      basis:
        'Start of day unknown: the broker gives no daily P&L and Bulwark was not running at ' +
        'the 09:30 open',
    };
  }
}
