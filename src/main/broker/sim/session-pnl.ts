/**
 * The simulator's daily P&L: net liquidation now minus net liquidation at the last session open
 * (09:30 New York sim time on a weekday; before the open, the previous session). Nothing is
 * persisted: a simulator started mid-session has no open to look back to, so it takes the
 * first value it sees as its open and reports the P&L since its own start.
 */
import { addDays, newYorkDate, newYorkInstant, weekday } from '@shared/domain/time';

const OPEN_HOUR = 9;
const OPEN_MINUTE = 30;

function isWeekday(date: string): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/** The first weekday 09:30 New York after `t`. */
export function sessionOpenAfter(t: number): number {
  for (let date = newYorkDate(t); ; date = addDays(date, 1)) {
    if (!isWeekday(date)) continue;
    const open = newYorkInstant(date, OPEN_HOUR, OPEN_MINUTE);
    if (open > t) return open;
  }
}

export class SessionPnl {
  private base: number | null = null;
  private nextOpen = -Infinity;

  /** True once sim time has reached the next session open: its net liq should be taken now. */
  due(simTime: number): boolean {
    return simTime >= this.nextOpen;
  }

  /** Net liq at `simTime` → P&L since the session open (or since the simulator's start). */
  observe(simTime: number, netLiquidation: number): number {
    if (this.base === null || this.due(simTime)) {
      this.base = netLiquidation;
      this.nextOpen = sessionOpenAfter(simTime);
    }
    return netLiquidation - this.base;
  }
}
