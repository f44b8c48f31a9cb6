/**
 * IB contracts ↔ Bulwark instruments. IB describes a contract by fields (symbol, secType,
 * lastTradeDateOrContractMonth YYYYMMDD, strike, right, multiplier, exchange); Bulwark by a
 * canonical key. SPX and VIX are indexes (IND); SPXW/XSP/NDX… options are European; ES options
 * are on the quarterly future expiring on or after them. Options carry IB's trading class and
 * the AM/PM settlement it implies (SPX monthlies AM, SPXW PM: see settlementFor).
 */
import type { Contract } from '@stoqey/ib';
import { OptionType, type SecType as IbSecType } from '@stoqey/ib';
import {
  EQUITY_OPTION_MULTIPLIER,
  EUROPEAN_OPTION_ROOTS,
  FUTURES_EXCHANGES,
  FUTURES_MULTIPLIERS,
} from '@shared/domain/contract-specs';
import { quarterlyOnOrAfter } from '@shared/domain/futures-calendar';
import {
  describeInstrument,
  instrumentKey,
  type Instrument,
  type OptionRight,
  type SecType,
} from '@shared/domain/instrument';
import { settlementFor } from '@shared/domain/settlement';

/** Roots IB quotes as indexes: they are priced, never held. */
export const INDEX_SYMBOLS: ReadonlySet<string> = new Set([
  'SPX',
  'VIX',
  'VIX3M',
  'VVIX',
  'NDX',
  'RUT',
  'XSP',
  'DJX',
]);

/** Trading classes that are a variant of the root (SPXW weeklies are SPX options). */
const ROOT_OF_CLASS: Readonly<Record<string, string>> = { SPXW: 'SPX', NDXP: 'NDX', RUTW: 'RUT' };

const SEC_TYPES: ReadonlySet<string> = new Set(['STK', 'IND', 'FUT', 'OPT', 'FOP']);

export class UnsupportedContract extends Error {}

/** Positions arrive without an exchange for derivatives; requests need one. */
function defaultExchange(st: SecType, symbol: string): string {
  if (st === 'IND') return 'CBOE';
  if (st === 'FUT' || st === 'FOP') return FUTURES_EXCHANGES[symbol] ?? 'CME';
  if (st === 'OPT' && EUROPEAN_OPTION_ROOTS.has(symbol)) return 'CBOE';
  return 'SMART';
}

/** YYYYMMDD (optionally followed by a time) → YYYY-MM-DD. */
export function fromIbDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(raw.replace(/-/g, ''));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function toIbDate(date: string | undefined): string | undefined {
  return date?.replace(/-/g, '');
}

function rightOf(r: string | undefined): OptionRight | undefined {
  if (r === undefined || r === '' || r === '?') return undefined;
  const up = r.toUpperCase();
  if (up === 'C' || up === 'CALL') return 'C';
  if (up === 'P' || up === 'PUT') return 'P';
  return undefined;
}

/** An IB contract as a Bulwark instrument; throws UnsupportedContract for what Bulwark does not trade. */
export function instrumentOf(c: Contract): Instrument {
  const secType = c.secType as string | undefined;
  if (!secType || !SEC_TYPES.has(secType)) {
    throw new UnsupportedContract(`security type ${secType ?? '(none)'} is not supported`);
  }
  if (c.currency && c.currency !== 'USD') {
    throw new UnsupportedContract(
      `${c.symbol ?? '?'} trades in ${c.currency}; Bulwark handles USD only`,
    );
  }
  const st = secType as SecType;
  const symbol = ROOT_OF_CLASS[c.symbol ?? ''] ?? c.symbol ?? '';
  const expiry = fromIbDate(c.lastTradeDateOrContractMonth);
  const right = rightOf(c.right);
  const isOption = st === 'OPT' || st === 'FOP';
  const parts = {
    symbol,
    secType: st,
    expiry: st === 'STK' || st === 'IND' ? undefined : expiry,
    right: isOption ? right : undefined,
    strike: isOption ? c.strike : undefined,
  };
  const multiplier =
    Number(c.multiplier) > 0
      ? Number(c.multiplier)
      : st === 'OPT'
        ? EQUITY_OPTION_MULTIPLIER
        : (FUTURES_MULTIPLIERS[symbol] ?? 1);
  const inst: Instrument = {
    key: instrumentKey(parts),
    symbol,
    secType: st,
    currency: 'USD',
    multiplier,
    exchange: c.exchange || defaultExchange(st, symbol),
    description: describeInstrument(parts),
  };
  if (c.conId) inst.conId = c.conId;
  if (parts.expiry) inst.expiry = parts.expiry;
  if (isOption) {
    inst.strike = c.strike!;
    inst.right = right!;
    inst.exercise =
      st === 'OPT' &&
      (EUROPEAN_OPTION_ROOTS.has(symbol) || EUROPEAN_OPTION_ROOTS.has(c.tradingClass ?? ''))
        ? 'european'
        : 'american';
    inst.underlyingKey =
      st === 'FOP'
        ? instrumentKey({ symbol, secType: 'FUT', expiry: quarterlyOnOrAfter(parts.expiry!) })
        : instrumentKey({ symbol, secType: INDEX_SYMBOLS.has(symbol) ? 'IND' : 'STK' });
    // A symbol that is itself a class (SPXW) names its class when TWS leaves the field empty.
    const tradingClass = c.tradingClass || (ROOT_OF_CLASS[c.symbol ?? ''] ? c.symbol : undefined);
    if (tradingClass) inst.tradingClass = tradingClass;
    inst.settlement = settlementFor({ symbol, secType: st, expiry: parts.expiry, tradingClass });
  }
  return inst;
}

/** The IB contract to request for an instrument (conId when known: exact and unambiguous). */
export function contractOf(inst: Instrument): Contract {
  const c: Contract = {
    symbol: inst.symbol,
    secType: inst.secType as IbSecType,
    currency: 'USD',
    exchange: inst.secType === 'STK' || inst.secType === 'OPT' ? 'SMART' : inst.exchange,
  };
  if (inst.secType === 'IND')
    c.exchange = inst.symbol.startsWith('VIX') ? 'CBOE' : inst.exchange || 'CBOE';
  if (inst.conId) c.conId = inst.conId;
  if (inst.expiry) c.lastTradeDateOrContractMonth = toIbDate(inst.expiry)!;
  if (inst.strike !== undefined) c.strike = inst.strike;
  if (inst.right) c.right = inst.right === 'C' ? OptionType.Call : OptionType.Put;
  // SPX and SPXW list the same third Friday: the class tells them apart.
  if (inst.tradingClass) c.tradingClass = inst.tradingClass;
  if (inst.secType !== 'STK' && inst.secType !== 'IND') c.multiplier = inst.multiplier;
  return c;
}
