/**
 * One expiry of an option chain around the money, for the order ticket (`market.chain`).
 * Expiries and strikes come from the broker's chain parameters, each line's contract from a
 * lookup (remembered: see chain-contracts.ts), quotes and model Greeks from the market cache.
 * The lines are held on market data for a while (MarketDataSubscriptions.hold), so the ticket,
 * asking again about every second, sees quotes arrive; until they do they are null, never
 * made up.
 */
import { ApiFailure } from '@shared/api/errors';
import type { ChainQuote, ChainRequest, ChainRow, ChainView } from '@shared/domain/chain';
import { EUROPEAN_OPTION_ROOTS, FUTURES_MULTIPLIERS } from '@shared/domain/contract-specs';
import { instrumentKey, type Instrument, type SecType } from '@shared/domain/instrument';
import type { OptionChain } from '@shared/domain/market';
import type { Timers } from '@shared/util/timers';
import type { BrokerPort } from '../broker/port';
import { errorMessage, type Logger } from '../util/logger';
import { ChainContracts, type ChainContractOptions, type OptionLineQuery } from './chain-contracts';
import {
  chooseExpiry,
  farthestFirst,
  fittingChains,
  frontFuture,
  listedExpirations,
  openExpirations,
  strikesFor,
  strikeWindow,
} from './chain-select';
import type { MarketCache } from './market-cache';
import type { MarketDataSubscriptions } from './subscriptions';

export const DEFAULT_STRIKES_AROUND = 12;

export interface ChainServiceOptions extends ChainContractOptions {
  /** How long a chain's lines stay held after the last request (default 30 s). */
  holdMs?: number;
  /** How long a first request waits for the underlying's price (default 1.5 s). */
  priceWaitMs?: number;
  /** How long the broker's chain parameters are reused (default 30 min). */
  paramsMs?: number;
}

export interface ChainServiceDeps {
  broker: Pick<BrokerPort, 'lookupContract' | 'optionChain'>;
  cache: Pick<MarketCache, 'quote' | 'optionGreeks' | 'connection'>;
  holds: Pick<MarketDataSubscriptions, 'hold' | 'awaitQuote'>;
  clock: Timers;
  log: Logger;
  options?: ChainServiceOptions;
}

/** Underlyings are re-resolved hourly (a future rolls; nothing else changes within a day). */
const UNDERLYING_MS = 3_600_000;

interface Memo<T> {
  value: T;
  until: number;
}

export class ChainService {
  private readonly contracts: ChainContracts;
  private readonly underlyings = new Map<string, Memo<Instrument>>();
  private readonly params = new Map<string, Memo<Promise<OptionChain[]>>>();
  private readonly holdMs: number;
  private readonly priceWaitMs: number;
  private readonly paramsMs: number;

  constructor(private readonly deps: ChainServiceDeps) {
    const o = deps.options ?? {};
    this.contracts = new ChainContracts(deps.broker, () => deps.clock.now(), o);
    this.holdMs = o.holdMs ?? 30_000;
    this.priceWaitMs = o.priceWaitMs ?? 1_500;
    this.paramsMs = o.paramsMs ?? 1_800_000;
  }

  async chain(req: ChainRequest): Promise<ChainView> {
    const connection = this.deps.cache.connection();
    if (connection.status !== 'connected') {
      throw new ApiFailure(
        'BROKER_DISCONNECTED',
        `The broker is not connected (${connection.reason}), so the option chain cannot be loaded.`,
      );
    }
    try {
      return await this.build(req);
    } catch (e) {
      throw coded(e);
    }
  }

  private async build(req: ChainRequest): Promise<ChainView> {
    const symbol = req.underlying.trim().toUpperCase();
    const now = this.deps.clock.now();
    const underlying = await this.underlying(symbol);
    const chains = await this.chainsOf(underlying);
    const expirations = listedExpirations(chains);
    const choice = chooseExpiry(symbol, expirations, req.expiry, now);
    if (!choice.ok) throw new ApiFailure('UNKNOWN_INSTRUMENT', `${capitalized(choice.reason)}.`);
    const { expiry } = choice;
    const price = await this.priceOf(underlying);
    const strikes = strikeWindow(
      strikesFor(chains, expiry),
      price,
      req.strikesAround ?? DEFAULT_STRIKES_AROUND,
    );
    const secType = underlying.secType === 'FUT' ? 'FOP' : 'OPT';
    const queries: OptionLineQuery[] = strikes.flatMap((strike) =>
      (['C', 'P'] as const).map((right) => ({ symbol, secType, expiry, strike, right })),
    );
    const { lines, failures } = await this.contracts.lines(queries);
    if (failures.length > 0) {
      if (failures.length === queries.length) throw failures[0];
      this.deps.log.warn('some option contracts could not be looked up', {
        underlying: symbol,
        expiry,
        failed: failures.length,
        first: errorMessage(failures[0]),
      });
    }
    const line = (strike: number, right: 'C' | 'P') =>
      lines.get(instrumentKey({ symbol, secType, expiry, strike, right })) ?? null;
    // Nearest the money last: when holds are over their cap, the far strikes give way first.
    const held = farthestFirst(strikes, price).flatMap((k) => [line(k, 'C'), line(k, 'P')]);
    this.deps.holds.hold(
      [...held.filter((i): i is Instrument => i !== null), underlying],
      this.holdMs,
    );
    const rows: ChainRow[] = strikes.map((strike) => ({
      strike,
      call: this.quoteOf(line(strike, 'C')),
      put: this.quoteOf(line(strike, 'P')),
    }));
    const first = held.find((i): i is Instrument => i !== null);
    const chainOfExpiry = chains.find((c) => c.expirations.includes(expiry));
    return {
      underlying: symbol,
      underlyingInstrument: underlying,
      underlyingPrice: price,
      expirations: openExpirations(expirations, now),
      expiry,
      multiplier: first?.multiplier ?? chainOfExpiry?.multiplier ?? 100,
      rows,
      asOf: this.deps.clock.now(),
    };
  }

  /** The index, stock or front future the options are on; remembered for an hour. */
  private async underlying(symbol: string): Promise<Instrument> {
    const now = this.deps.clock.now();
    const memo = this.underlyings.get(symbol);
    if (memo && memo.until > now) return memo.value;
    const found = await this.findUnderlying(symbol, now);
    if (!found) {
      throw new ApiFailure(
        'UNKNOWN_INSTRUMENT',
        `The broker knows no stock, index or future called ${symbol}.`,
      );
    }
    this.underlyings.set(symbol, { value: found, until: now + UNDERLYING_MS });
    return found;
  }

  /** Futures roots as the front future; index roots (SPX, NDX…) as an index before a stock. */
  private async findUnderlying(symbol: string, now: number): Promise<Instrument | null> {
    const order: SecType[] =
      FUTURES_MULTIPLIERS[symbol] !== undefined
        ? ['FUT']
        : EUROPEAN_OPTION_ROOTS.has(symbol)
          ? ['IND', 'STK']
          : ['STK', 'IND'];
    for (const secType of order) {
      const found = await this.deps.broker.lookupContract({ symbol, secType });
      const pick =
        secType === 'FUT'
          ? frontFuture(found, now)
          : (found.find((i) => i.key === instrumentKey({ symbol, secType })) ?? null);
      if (pick) return pick;
    }
    return null;
  }

  /** The chains that fit the underlying (FOP on a future, OPT otherwise); reused a while. */
  private async chainsOf(underlying: Instrument): Promise<OptionChain[]> {
    const now = this.deps.clock.now();
    let memo = this.params.get(underlying.key);
    if (!memo || memo.until <= now) {
      memo = { value: this.deps.broker.optionChain(underlying.key), until: now + this.paramsMs };
      this.params.set(underlying.key, memo);
      // A failed answer is not kept: the next request asks again.
      const failed = memo;
      void failed.value.catch(() => {
        if (this.params.get(underlying.key) === failed) this.params.delete(underlying.key);
      });
    }
    const secType = underlying.secType === 'FUT' ? 'FOP' : 'OPT';
    const exercise = EUROPEAN_OPTION_ROOTS.has(underlying.symbol) ? 'european' : undefined;
    const fit = fittingChains(await memo.value, secType, exercise);
    if (fit.length === 0) {
      throw new ApiFailure('UNKNOWN_INSTRUMENT', `${underlying.symbol} has no listed options.`);
    }
    return fit;
  }

  /**
   * The underlying's price: from its open line (at once when it has one), else the first that
   * arrives within priceWaitMs, else the cache's last known mark, else null.
   */
  private async priceOf(underlying: Instrument): Promise<number | null> {
    this.deps.holds.hold([underlying], this.holdMs);
    const live = await this.deps.holds.awaitQuote(
      underlying.key,
      this.priceWaitMs,
      (q) => q.mark !== null,
    );
    return live?.mark ?? this.deps.cache.quote(underlying.key)?.mark ?? null;
  }

  private quoteOf(instrument: Instrument | null): ChainQuote | null {
    if (!instrument) return null;
    const q = this.deps.cache.quote(instrument.key);
    const greeks = this.deps.cache.optionGreeks(instrument.key);
    const bid = side(q?.bid, 0);
    const ask = side(q?.ask, Number.MIN_VALUE);
    return {
      instrument,
      bid,
      ask,
      mid: bid !== null && ask !== null && ask >= bid ? (bid + ask) / 2 : null,
      delta: greeks?.delta ?? null,
      iv: greeks?.iv ?? null,
      // Neither adapter asks for open interest (a separate generic tick on TWS).
      openInterest: null,
      time: q?.time ?? null,
    };
  }
}

/** A side of the book, or null when absent or impossible (an ask must be above 0). */
function side(v: number | null | undefined, min: number): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) && v >= min ? v : null;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The contract's codes for what the IBKR adapter reports in words. */
function coded(e: unknown): unknown {
  if (e instanceof ApiFailure) return e;
  const m = errorMessage(e);
  if (/no TWS session/i.test(m)) {
    return new ApiFailure('BROKER_DISCONNECTED', `The broker is not connected: ${m}.`);
  }
  if (/no answer from TWS within/i.test(m)) {
    return new ApiFailure('TIMEOUT', `TWS did not answer in time: ${m}.`);
  }
  if (/\(code 200\)/.test(m)) {
    return new ApiFailure('UNKNOWN_INSTRUMENT', `TWS does not know this instrument: ${m}.`);
  }
  return e;
}
