/**
 * Instruments as TWS describes them: a stable conId per instrument key (the simulator's own
 * hash of the key, so a conId never changes between runs), the reverse map for every instrument
 * the fake has handed out, and the IB contract fields (YYYYMMDD expiries, OCC local symbols,
 * SPX/SPXW and ES/EWn trading classes, CBOE/CME/SMART exchanges).
 */
import type { ContractQuery } from '../../src/main/broker/port';
import type { SimBroker } from '../../src/main/broker/sim';
import { conIdOf } from '../../src/main/broker/sim/instruments';
import { UNIVERSE } from '../../src/main/broker/sim/universe';
import type { Instrument, SecType } from '@shared/domain/instrument';
import { formatStrike, isOption, parseInstrumentKey } from '@shared/domain/instrument';
import { thirdFriday } from '../../src/main/broker/sim/chains';
import type { FieldCursor } from './fields';

/** The contract block every request carries (conId … tradingClass). */
export interface WireContract {
  conId: number | null;
  symbol: string;
  secType: string;
  lastTradeDateOrContractMonth: string;
  strike: number | null;
  right: string;
  multiplier: number | null;
  exchange: string;
  primaryExch: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
}

/** A request contract with every field unset but the given ones (lookups by conId or symbol). */
export function wireContract(over: Partial<WireContract>): WireContract {
  return {
    conId: null,
    symbol: '',
    secType: '',
    lastTradeDateOrContractMonth: '',
    strike: null,
    right: '',
    multiplier: null,
    exchange: '',
    primaryExch: '',
    currency: '',
    localSymbol: '',
    tradingClass: '',
    ...over,
  };
}

/** `conId|symbol|secType|ltd|strike|right|multiplier|primaryExch|currency|localSymbol|tradingClass`,
 * as position and portfolio messages carry a contract: the primary exchange of a share and no
 * exchange for a derivative, like TWS. */
export function heldContractFields(c: IbContract): Array<string | number> {
  return [
    c.conId,
    c.symbol,
    c.secType,
    c.lastTradeDateOrContractMonth,
    c.strike,
    c.right,
    c.multiplier,
    c.primaryExch,
    c.currency,
    c.localSymbol,
    c.tradingClass,
  ];
}

/** Reads `conId|symbol|secType|ltd|strike|right|multiplier|exchange|primaryExch|currency|localSymbol|tradingClass`. */
export function readContract(m: FieldCursor): WireContract {
  return {
    conId: m.optInt('conId'),
    symbol: m.str('symbol'),
    secType: m.str('secType'),
    lastTradeDateOrContractMonth: m.str('lastTradeDateOrContractMonth'),
    strike: m.optFloat('strike'),
    right: m.str('right'),
    multiplier: m.optFloat('multiplier'),
    exchange: m.str('exchange'),
    primaryExch: m.str('primaryExch'),
    currency: m.str('currency'),
    localSymbol: m.str('localSymbol'),
    tradingClass: m.str('tradingClass'),
  };
}

/** BAG legs: `n|(conId|ratio|action|exchange)×n`. */
export function readComboLegs(m: FieldCursor): void {
  const n = m.int('comboLegsCount');
  for (let i = 0; i < n; i++) {
    m.int(`comboLeg${i}.conId`);
    m.int(`comboLeg${i}.ratio`);
    m.str(`comboLeg${i}.action`);
    m.str(`comboLeg${i}.exchange`);
  }
}

/** The fields of an instrument as TWS sends them (strings ready for the wire). */
export interface IbContract {
  conId: number;
  symbol: string;
  secType: SecType;
  /** YYYYMMDD for derivatives, empty otherwise. */
  lastTradeDateOrContractMonth: string;
  strike: number;
  right: string;
  /** Empty for shares and indexes, as TWS sends it. */
  multiplier: string;
  exchange: string;
  primaryExch: string;
  currency: 'USD';
  localSymbol: string;
  tradingClass: string;
  minTick: number;
  timeZoneId: string;
}

const PRIMARY: Readonly<Record<string, string>> = {
  SPY: 'ARCA',
  IWM: 'ARCA',
  QQQ: 'NASDAQ',
  AAPL: 'NASDAQ',
  TSLA: 'NASDAQ',
  NVDA: 'NASDAQ',
};
const MONTH_CODES = 'FGHJKMNQUVXZ';

export function ibDate(iso: string): string {
  return iso.replaceAll('-', '');
}

/** The instrument's own class (the simulator sets one); else SPX monthlies (third Friday) trade as SPX, every other expiry as SPXW; ES options by week. */
export function tradingClassOf(inst: Instrument): string {
  if (inst.tradingClass) return inst.tradingClass;
  const expiry = inst.expiry;
  if (!expiry || !isOption(inst)) return inst.symbol;
  const [y, m, d] = expiry.split('-').map(Number) as [number, number, number];
  const monthly = thirdFriday(y, m) === expiry;
  if (inst.symbol === 'SPX') return monthly ? 'SPX' : 'SPXW';
  if (inst.secType === 'FOP' && inst.symbol === 'ES') {
    if (monthly) return m % 3 === 0 ? 'ES' : 'EW';
    return `EW${Math.ceil(d / 7)}`;
  }
  return inst.symbol;
}

function monthCode(expiry: string): string {
  const [y, m] = expiry.split('-');
  return `${MONTH_CODES[Number(m) - 1] ?? '?'}${(y ?? '').slice(-1)}`;
}

function localSymbolOf(inst: Instrument, tradingClass: string): string {
  const { expiry, strike, right } = inst;
  if (inst.secType === 'FUT' && expiry) return `${inst.symbol}${monthCode(expiry)}`;
  if (inst.secType === 'FOP' && expiry && strike !== undefined && right) {
    return `${tradingClass}${monthCode(expiry)} ${right}${formatStrike(strike)}`;
  }
  if (inst.secType === 'OPT' && expiry && strike !== undefined && right) {
    // OCC symbology: root padded to six, YYMMDD, right, strike × 1000 in eight digits.
    const occStrike = String(Math.round(strike * 1000)).padStart(8, '0');
    return `${tradingClass.padEnd(6)}${ibDate(expiry).slice(2)}${right}${occStrike}`;
  }
  return inst.symbol;
}

function minTickOf(inst: Instrument): number {
  if (inst.secType === 'FUT') return 0.25;
  if (inst.secType === 'OPT' && inst.symbol === 'SPX') return 0.05;
  if (inst.secType === 'FOP') return 0.05;
  return 0.01;
}

export function ibContractOf(inst: Instrument): IbContract {
  const tradingClass = tradingClassOf(inst);
  const derivative = inst.secType !== 'STK' && inst.secType !== 'IND';
  return {
    conId: inst.conId ?? conIdOf(inst.key),
    symbol: inst.symbol,
    secType: inst.secType,
    lastTradeDateOrContractMonth: inst.expiry ? ibDate(inst.expiry) : '',
    strike: inst.strike ?? 0,
    right: inst.right ?? '',
    multiplier: derivative ? String(inst.multiplier) : '',
    exchange: inst.exchange,
    primaryExch: inst.secType === 'STK' ? (PRIMARY[inst.symbol] ?? 'NYSE') : '',
    currency: 'USD',
    localSymbol: localSymbolOf(inst, tradingClass),
    tradingClass,
    minTick: minTickOf(inst),
    timeZoneId: inst.exchange === 'CME' ? 'US/Central' : 'US/Eastern',
  };
}

/** The conId of the instrument an option or future prices off (0 when none). */
export function underlyingConId(inst: Instrument): number {
  return inst.underlyingKey ? conIdOf(inst.underlyingKey) : 0;
}

export function underlyingParts(inst: Instrument): { symbol: string; secType: string } {
  const parts = inst.underlyingKey ? parseInstrumentKey(inst.underlyingKey) : null;
  return parts ? { symbol: parts.symbol, secType: parts.secType } : { symbol: '', secType: '' };
}

const SEC_TYPES: readonly SecType[] = ['STK', 'IND', 'FUT', 'OPT', 'FOP'];
const RIGHTS: Readonly<Record<string, 'C' | 'P'>> = { C: 'C', CALL: 'C', P: 'P', PUT: 'P' };

/**
 * conId ↔ instrument for everything the fake has handed out (positions, contract details,
 * underlyings), and resolution of a client's contract block against the simulator.
 */
export class ContractRegistry {
  private readonly byId = new Map<number, Instrument>();
  private underlyingsLoaded: Promise<void> | null = null;

  constructor(private readonly sim: SimBroker) {
    for (const p of sim.positions()) this.remember(p.instrument);
  }

  remember(inst: Instrument): IbContract {
    const ib = ibContractOf(inst);
    this.byId.set(ib.conId, inst);
    return ib;
  }

  byConId(conId: number): Instrument | null {
    return this.byId.get(conId) ?? null;
  }

  /**
   * Every instrument matching a client's contract block. A conId must be one the fake knows or
   * one the other fields resolve to; without a conId the fields are matched like TWS does
   * (symbol and secType required; expiry as YYYYMMDD or YYYYMM; strike, right, multiplier,
   * trading class and local symbol narrow the match; the exchange is not checked).
   */
  async resolve(c: WireContract): Promise<Instrument[]> {
    this.underlyingsLoaded ??= this.loadUnderlyings();
    await this.underlyingsLoaded;
    const conId = c.conId ?? 0;
    if (conId > 0) {
      const known = this.byConId(conId);
      if (known) return [known];
    }
    const found = (await this.byFields(c)).filter((i) => conId <= 0 || conIdOf(i.key) === conId);
    for (const inst of found) this.remember(inst);
    return found;
  }

  private async byFields(c: WireContract): Promise<Instrument[]> {
    const secType = SEC_TYPES.find((s) => s === c.secType.toUpperCase());
    if (!c.symbol || !secType) return [];
    if (c.currency !== '' && c.currency.toUpperCase() !== 'USD') return [];
    const right = c.right === '' || c.right === '?' ? undefined : RIGHTS[c.right.toUpperCase()];
    if (c.right !== '' && c.right !== '?' && !right) return [];
    const ltd = c.lastTradeDateOrContractMonth.split(' ')[0] ?? '';
    if (ltd !== '' && !/^\d{6}(\d{2})?$/.test(ltd)) return [];
    const query: ContractQuery = { symbol: c.symbol.toUpperCase(), secType };
    if (ltd.length === 8) query.expiry = `${ltd.slice(0, 4)}-${ltd.slice(4, 6)}-${ltd.slice(6)}`;
    if (c.strike !== null && c.strike > 0) query.strike = c.strike;
    if (right) query.right = right;
    const found = await this.sim.lookupContract(query);
    return found.filter((inst) => {
      const ib = ibContractOf(inst);
      return (
        ib.lastTradeDateOrContractMonth.startsWith(ltd) &&
        (c.multiplier === null || c.multiplier === 0 || c.multiplier === inst.multiplier) &&
        (c.tradingClass === '' || c.tradingClass === ib.tradingClass) &&
        (c.localSymbol === '' || c.localSymbol === ib.localSymbol)
      );
    });
  }

  private async loadUnderlyings(): Promise<void> {
    for (const u of UNIVERSE) {
      for (const inst of await this.sim.lookupContract({ symbol: u.symbol, secType: u.secType })) {
        this.remember(inst);
      }
    }
  }
}
