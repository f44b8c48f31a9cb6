/**
 * Option chains, fixed at the simulator's start: which expiries and strikes exist, and each
 * expiry's trading class and settlement. Expiries are New York dates; an expiry counts only
 * while its settlement (16:00, or 09:30 for AM) is still ahead of the start. Holidays are
 * ignored: every weekday is a business day. One line per date: on a third Friday SPX has only
 * the AM monthly (class SPX), not an SPXW beside it.
 */
import { thirdFriday } from '@shared/domain/futures-calendar';
import type { Settlement } from '@shared/domain/instrument';
import { isThirdFriday, settlementFor } from '@shared/domain/settlement';
import { addDays, expiryInstant, newYorkDate, weekday } from '@shared/domain/time';
import type { ChainStyle, UnderlyingSpec } from './universe';
import { UNIVERSE } from './universe';

// The calendar lives in src/shared now; re-exported for the sim's own users.
export { thirdFriday };

export interface ChainDef {
  symbol: string;
  secType: 'OPT' | 'FOP';
  multiplier: number;
  exercise: 'european' | 'american';
  exchange: string;
  underlyingKey: string;
  expirations: readonly string[];
  strikes: readonly number[];
  expirySet: ReadonlySet<string>;
  strikeSet: ReadonlySet<number>;
  /** The exchange's trading class of an expiry (SPX vs SPXW, ES vs EW). */
  tradingClass(expiry: string): string;
  settlement(expiry: string): Settlement;
}

const QUARTERLY_MONTHS = new Set([3, 6, 9, 12]);

/** SPX third-Friday monthlies trade as SPX, other SPX expiries as SPXW; ES quarterlies as ES, other ES options as EW. */
export function simTradingClass(symbol: string, expiry: string): string {
  const monthly = isThirdFriday(expiry);
  if (symbol === 'SPX') return monthly ? 'SPX' : 'SPXW';
  if (symbol === 'ES') {
    return monthly && QUARTERLY_MONTHS.has(Number(expiry.slice(5, 7))) ? 'ES' : 'EW';
  }
  return symbol;
}

function isOpen(date: string, startTime: number): boolean {
  return expiryInstant(date) > startTime;
}

/** The next n weekdays whose close is still ahead (today included before 16:00). */
export function upcomingWeekdays(startTime: number, n: number): string[] {
  const out: string[] = [];
  for (let d = newYorkDate(startTime); out.length < n; d = addDays(d, 1)) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6 && isOpen(d, startTime)) out.push(d);
  }
  return out;
}

export function upcomingFridays(startTime: number, n: number): string[] {
  const out: string[] = [];
  for (let d = newYorkDate(startTime); out.length < n; d = addDays(d, 1)) {
    if (weekday(d) === 5 && isOpen(d, startTime)) out.push(d);
  }
  return out;
}

export function upcomingMonthlies(startTime: number, months: number): string[] {
  const out: string[] = [];
  let [year, month] = newYorkDate(startTime).split('-').map(Number) as [number, number];
  while (out.length < months) {
    const d = thirdFriday(year, month);
    if (isOpen(d, startTime)) out.push(d);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

export function stockStrikeStep(price: number): number {
  if (price < 25) return 0.5;
  if (price < 100) return 1;
  return price < 200 ? 2.5 : 5;
}

/** Strikes every `step` within ±range of center, ascending. */
export function strikeLadder(center: number, range: number, step: number): number[] {
  const lo = Math.ceil((center * (1 - range)) / step);
  const hi = Math.floor((center * (1 + range)) / step);
  const out: number[] = [];
  for (let i = Math.max(lo, 1); i <= hi; i++) out.push(Math.round(i * step * 1e4) / 1e4);
  return out;
}

function expiriesFor(style: ChainStyle, startTime: number, futureExpiry: string): string[] {
  switch (style) {
    case 'index':
      return [
        ...upcomingWeekdays(startTime, 8),
        ...upcomingFridays(startTime, 6),
        ...upcomingMonthlies(startTime, 12),
      ];
    case 'etf':
      return [
        ...upcomingWeekdays(startTime, 5),
        ...upcomingFridays(startTime, 6),
        ...upcomingMonthlies(startTime, 12),
      ];
    case 'stock':
      return [...upcomingFridays(startTime, 5), ...upcomingMonthlies(startTime, 12)];
    case 'future':
      // Weeklies on the front future, up to and including its own (quarterly) expiry.
      return [...upcomingFridays(startTime, 14).filter((d) => d <= futureExpiry), futureExpiry];
  }
}

function chainFor(spec: UnderlyingSpec, startTime: number, futureExpiry: string): ChainDef | null {
  const o = spec.options;
  if (!o) return null;
  const tradingClass = (expiry: string): string => simTradingClass(spec.symbol, expiry);
  const settlement = (expiry: string): Settlement =>
    settlementFor({
      symbol: spec.symbol,
      secType: o.secType,
      expiry,
      tradingClass: tradingClass(expiry),
    });
  const expirations = [...new Set(expiriesFor(o.chain, startTime, futureExpiry))]
    .filter((e) => expiryInstant(e, settlement(e)) > startTime)
    .sort();
  const step = o.strikeStep ?? stockStrikeStep(spec.startPrice);
  const strikes = strikeLadder(spec.startPrice, o.strikeRange, step);
  return {
    symbol: spec.symbol,
    secType: o.secType,
    multiplier: o.multiplier,
    exercise: o.exercise,
    exchange: o.exchange,
    underlyingKey:
      spec.secType === 'FUT'
        ? `FUT:${spec.symbol}:${futureExpiry}`
        : `${spec.secType}:${spec.symbol}`,
    expirations,
    strikes,
    expirySet: new Set(expirations),
    strikeSet: new Set(strikes),
    tradingClass,
    settlement,
  };
}

/** One chain per optionable underlying, keyed by symbol. */
export function buildChains(startTime: number, futureExpiry: string): Map<string, ChainDef> {
  const out = new Map<string, ChainDef>();
  for (const spec of UNIVERSE) {
    const chain = chainFor(spec, startTime, futureExpiry);
    if (chain) out.set(spec.symbol, chain);
  }
  return out;
}
