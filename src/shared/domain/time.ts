/**
 * Market time conventions (docs: ../shared/docs/domain.md): expiries are calendar dates in
 * US/Eastern; a PM-settled option expires at 16:00 New York time on its date, an AM-settled one
 * at 09:30 (the opening print); DTE counts calendar days in US/Eastern (expiring today = 0) to
 * the last trading day (the day before for AM settlement); time to expiry is in 365-day years.
 */
import type { Settlement } from './instrument';

export const MS_PER_DAY = 86_400_000;
export const MS_PER_YEAR = 365 * MS_PER_DAY;

const NEW_YORK = 'America/New_York';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in New York at an instant. */
export function newYorkWallTime(ms: number): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of New York from UTC at an instant, in ms (−5 h in winter, −4 h in summer). */
function newYorkOffsetMs(ms: number): number {
  const w = newYorkWallTime(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant at which New York's clock shows the given wall time. */
export function newYorkInstant(date: string, hour: number, minute = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes settle the offset even on a daylight-saving switch day.
  let guess = naive - newYorkOffsetMs(naive);
  guess = naive - newYorkOffsetMs(guess);
  return guess;
}

const closeCache = new Map<string, number>();
const openCache = new Map<string, number>();

/** Settlement instant on the expiry date, epoch ms: 16:00 New York (PM) or 09:30 (AM). */
export function expiryInstant(expiry: string, settlement: Settlement = 'PM'): number {
  const cache = settlement === 'AM' ? openCache : closeCache;
  let t = cache.get(expiry);
  if (t === undefined) {
    t = settlement === 'AM' ? newYorkInstant(expiry, 9, 30) : newYorkInstant(expiry, 16);
    cache.set(expiry, t);
  }
  return t;
}

/** Years (of 365 days) from `nowMs` to settlement on the expiry date; negative once past. */
export function yearsToExpiry(
  expiry: string,
  nowMs: number,
  settlement: Settlement = 'PM',
): number {
  return (expiryInstant(expiry, settlement) - nowMs) / MS_PER_YEAR;
}

let dateCacheKey = -1;
let dateCacheValue = '';

/** The New York calendar date at an instant, YYYY-MM-DD (cached per minute: hot path). */
export function newYorkDate(ms: number): string {
  const minute = Math.floor(ms / 60_000);
  if (minute !== dateCacheKey) {
    const w = newYorkWallTime(ms);
    dateCacheValue = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
    dateCacheKey = minute;
  }
  return dateCacheValue;
}

/**
 * Calendar days from the New York date of `nowMs` to the last trading day (0 = last day today).
 * An AM-settled option's last trading day is the day before its expiry date; on that date it
 * still reads 0 until it settles.
 */
export function daysToExpiry(expiry: string, nowMs: number, settlement: Settlement = 'PM'): number {
  const days = Math.round((dateOnlyUtc(expiry) - dateOnlyUtc(newYorkDate(nowMs))) / MS_PER_DAY);
  return settlement === 'AM' && days > 0 ? days - 1 : days;
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return isoDate(dateOnlyUtc(date) + days * MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(date: string): number {
  return new Date(dateOnlyUtc(date)).getUTCDay();
}

const dateCache = new Map<string, number>();

/** Midnight UTC of a YYYY-MM-DD date; memoized: the same few expiry dates are asked all day. */
function dateOnlyUtc(date: string): number {
  let ms = dateCache.get(date);
  if (ms === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    ms = Date.UTC(y, m - 1, d);
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(date, ms);
  }
  return ms;
}

function isoDate(utcMs: number): string {
  const d = new Date(utcMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
