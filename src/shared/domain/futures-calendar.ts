/**
 * The equity-index futures calendar: quarterly contracts expire on the third Friday of March,
 * June, September and December. Shared by the simulator and the IBKR adapter.
 */
import { addDays, newYorkDate, weekday } from './time';

/** Third Friday of a month (1–12), YYYY-MM-DD. */
export function thirdFriday(year: number, month: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const toFriday = (5 - weekday(first) + 7) % 7;
  return addDays(first, toFriday + 14);
}

/**
 * The front quarterly future (third Friday of Mar/Jun/Sep/Dec). Like the real roll, a contract
 * stops being the front `rollDays` before it expires.
 */
export function frontQuarterly(startTime: number, rollDays = 8): string {
  return frontQuarterlyOn(newYorkDate(startTime), rollDays);
}

/** The front quarterly as of a New York date (YYYY-MM-DD). */
export function frontQuarterlyOn(today: string, rollDays = 8): string {
  let [year, month] = today.split('-').map(Number) as [number, number];
  for (;;) {
    if (month % 3 === 0) {
      const expiry = thirdFriday(year, month);
      if (addDays(expiry, -rollDays) > today) return expiry;
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The quarterly expiring on or after a date: the future an option expiring that day is on. */
export function quarterlyOnOrAfter(date: string): string {
  return frontQuarterlyOn(addDays(date, -1), 0);
}
