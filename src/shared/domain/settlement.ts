/**
 * AM or PM settlement, by the exchanges' rules. AM-settled contracts stop trading the day before
 * and settle on the special opening quotation at 09:30 New York on their expiry date:
 * standard (third-Friday) SPX, NDX and RUT monthlies (trading classes SPX, NDX, RUT), every VIX
 * option, and the quarterly ES options (trading class ES, March/June/September/December).
 * SPXW, NDXP, RUTW, weeklies and end-of-month options settle at the 16:00 close. Without a
 * trading class an index option is taken as PM (the book format's default), VIX always AM.
 */
import type { SecType, Settlement } from './instrument';
import { weekday } from './time';

export interface SettlementInputs {
  symbol: string;
  secType: SecType;
  expiry?: string | undefined;
  /** The exchange's trading class when known (SPX vs SPXW); decides for index options. */
  tradingClass?: string | undefined;
}

const AM_INDEX_CLASSES = new Set(['SPX', 'NDX', 'RUT']);
const QUARTERLY_MONTHS = new Set([3, 6, 9, 12]);

/** The third Friday of its month: the standard monthly expiry. */
export function isThirdFriday(date: string): boolean {
  const day = Number(date.slice(8, 10));
  return weekday(date) === 5 && day >= 15 && day <= 21;
}

export function settlementFor(c: SettlementInputs): Settlement {
  if (c.secType !== 'OPT' && c.secType !== 'FOP') return 'PM';
  if (c.symbol === 'VIX') return 'AM';
  const monthly = c.expiry !== undefined && isThirdFriday(c.expiry);
  if (c.secType === 'OPT' && AM_INDEX_CLASSES.has(c.symbol)) {
    // The trading class decides; without one, only a third-Friday expiry can be the AM monthly.
    if (c.tradingClass !== undefined) return c.tradingClass === c.symbol && monthly ? 'AM' : 'PM';
    return 'PM';
  }
  if (c.secType === 'FOP' && c.symbol === 'ES' && c.expiry !== undefined) {
    const quarterly = QUARTERLY_MONTHS.has(Number(c.expiry.slice(5, 7))) && monthly;
    return quarterly && c.tradingClass === 'ES' ? 'AM' : 'PM';
  }
  return 'PM';
}
