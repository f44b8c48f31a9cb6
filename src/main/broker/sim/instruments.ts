/**
 * Every instrument the simulator knows, built on demand from the universe and the chains (SPX
 * alone has ~35k option lines, so nothing is listed up front). Objects are cached per key so a
 * position, a quote and an order share one Instrument.
 */
import type { ContractQuery } from '../port';
import type { Instrument, InstrumentKeyParts, OptionRight } from '@shared/domain/instrument';
import { describeInstrument, instrumentKey } from '@shared/domain/instrument';
import { yearsToExpiry } from '@shared/domain/time';
import type { ChainDef } from './chains';
import { frontQuarterly } from '@shared/domain/futures-calendar';
import { buildChains } from './chains';
import { hashString } from './rng';
import { specOf } from './universe';

/** A stable positive 31-bit contract id derived from the key. */
export function conIdOf(key: string): number {
  return hashString(key) & 0x7fffffff || 1;
}

export class SimInstruments {
  readonly futureExpiry: string;
  readonly chains: ReadonlyMap<string, ChainDef>;
  private readonly cache = new Map<string, Instrument>();

  constructor(startTime: number) {
    this.futureExpiry = frontQuarterly(startTime);
    this.chains = buildChains(startTime, this.futureExpiry);
  }

  /** The underlying itself: STK, IND or the front FUT. */
  underlying(symbol: string): Instrument | null {
    const spec = specOf(symbol);
    if (!spec) return null;
    const parts: InstrumentKeyParts =
      spec.secType === 'FUT'
        ? { symbol, secType: 'FUT', expiry: this.futureExpiry }
        : { symbol, secType: spec.secType };
    return this.build(parts, () => ({
      multiplier: spec.multiplier,
      exchange: spec.exchange,
      ...(spec.secType === 'FUT' ? { expiry: this.futureExpiry, underlyingKey: 'IND:SPX' } : {}),
    }));
  }

  /** An option line of a chain, or null when the chain has no such expiry/strike. */
  option(symbol: string, expiry: string, right: OptionRight, strike: number): Instrument | null {
    const chain = this.chains.get(symbol);
    if (!chain || !chain.expirySet.has(expiry) || !chain.strikeSet.has(strike)) return null;
    return this.build({ symbol, secType: chain.secType, expiry, right, strike }, () => ({
      multiplier: chain.multiplier,
      exchange: chain.exchange,
      expiry,
      strike,
      right,
      exercise: chain.exercise,
      underlyingKey: chain.underlyingKey,
      tradingClass: chain.tradingClass(expiry),
      settlement: chain.settlement(expiry),
    }));
  }

  /** Resolves a canonical key (`OPT:SPX:2026-12-18:P:5800`, `STK:AAPL`, ...). */
  byKey(key: string): Instrument | null {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const [secType, symbol = '', expiry = '', right, strike] = key.split(':');
    let found: Instrument | null = null;
    if (secType === 'STK' || secType === 'IND') {
      const u = this.underlying(symbol);
      found = u?.secType === secType ? u : null;
    } else if (secType === 'FUT') {
      const u = this.underlying(symbol);
      found = u?.secType === 'FUT' && expiry === this.futureExpiry ? u : null;
    } else if ((secType === 'OPT' || secType === 'FOP') && (right === 'C' || right === 'P')) {
      const o = this.option(symbol, expiry, right, Number(strike));
      found = o?.secType === secType ? o : null;
    }
    return found && found.key === key ? found : null;
  }

  chain(symbol: string): ChainDef | undefined {
    return this.chains.get(symbol);
  }

  /** Instruments matching a query; expired options (at sim time `now`) are left out. */
  lookup(q: ContractQuery, now: number): Instrument[] {
    const symbol = q.symbol.toUpperCase();
    if (q.secType !== 'OPT' && q.secType !== 'FOP') {
      const u = this.underlying(symbol);
      if (!u || u.secType !== q.secType) return [];
      return q.expiry === undefined || q.expiry === u.expiry ? [u] : [];
    }
    const chain = this.chains.get(symbol);
    if (!chain || chain.secType !== q.secType) return [];
    const out: Instrument[] = [];
    for (const expiry of chain.expirations) {
      if (q.expiry !== undefined && q.expiry !== expiry) continue;
      if (yearsToExpiry(expiry, now, chain.settlement(expiry)) <= 0) continue;
      for (const strike of chain.strikes) {
        if (q.strike !== undefined && Math.abs(q.strike - strike) > 1e-9) continue;
        for (const right of ['C', 'P'] as const) {
          if (q.right !== undefined && q.right !== right) continue;
          const o = this.option(symbol, expiry, right, strike);
          if (o) out.push(o);
        }
      }
    }
    return out;
  }

  private build(
    parts: InstrumentKeyParts,
    rest: () => Pick<Instrument, 'multiplier' | 'exchange'> & Partial<Instrument>,
  ): Instrument {
    const key = instrumentKey(parts);
    let inst = this.cache.get(key);
    if (!inst) {
      inst = {
        key,
        symbol: parts.symbol,
        secType: parts.secType,
        currency: 'USD',
        conId: conIdOf(key),
        description: describeInstrument(parts),
        ...rest(),
      };
      this.cache.set(key, inst);
    }
    return inst;
  }
}
