/**
 * Keeps market data flowing for what the book needs: every position, the instrument each
 * option prices off, and the volatility indexes. Subscribes what is new, drops what is gone.
 *
 * Besides the book, lines can be held for a while (hold): the order ticket's chain and the
 * order gate need live quotes for instruments nobody holds. One broker line per key whoever
 * wants it (the IBKR adapter's unsubscribe drops the line outright, so it must never be
 * subscribed twice); a hold's expiry drops the line only if no position needs it.
 */
import { parseInstrumentKey, type Instrument, isOption } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { BrokerPort, BrokerPosition, MarketDataSubscription } from '../broker/port';
import { systemClock, type Clock, type TimerHandle } from '../util/clock';
import { errorMessage, type Logger } from '../util/logger';

/** Always watched: the volatility indexes set the regime, SPX is the default benchmark. */
export const ALWAYS_WATCHED = ['IND:VIX', 'IND:VIX3M', 'IND:SPX'];

/** At most this many held instruments by default: a chain of ±40 strikes cannot pile up. */
export const DEFAULT_MAX_HELD = 120;

export interface SubscriptionOptions {
  /** Times hold expiry and quote waits; default the system clock (tests pass a FakeClock). */
  clock?: Clock;
  /** Held instruments beyond this release the least recently held first. */
  maxHeld?: number;
  /**
   * The broker's line allowance (IBKR: maxMarketDataLines). Holds then give way so that the
   * book's lines plus the held ones fit: a hold never pushes a position's line out.
   */
  lineBudget?: number;
}

/** What a quote wait accepts. */
export type QuoteTest = (q: Quote) => boolean;

/** Both sides present and not crossed: a price an order can be checked against. */
export const twoSided: QuoteTest = (q) => q.bid !== null && q.ask !== null && q.ask >= q.bid;

type SubscriptionBroker = Pick<BrokerPort, 'events' | 'subscribeMarketData' | 'lookupContract'>;

interface Hold {
  instrument: Instrument;
  until: number;
}

interface Waiter {
  key: string;
  accept: QuoteTest;
  done: (q: Quote | null) => void;
}

export class MarketDataSubscriptions {
  private readonly subs = new Map<string, MarketDataSubscription>();
  /** Keys the book needs (positions, their underlyings, ALWAYS_WATCHED), as of the last sync. */
  private wanted: ReadonlySet<string> = new Set();
  /** Insertion order is recency: the first entry is the least recently held. */
  private readonly holds = new Map<string, Hold>();
  /** The latest quote on each open line since it was opened (never one from an older line). */
  private readonly lineQuotes = new Map<string, Quote>();
  private readonly waiters = new Set<Waiter>();
  private readonly offs: Array<() => void>;
  private readonly clock: Clock;
  private readonly maxHeld: number;
  private readonly lineBudget: number;
  private expiryTimer: TimerHandle | null = null;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly broker: SubscriptionBroker,
    private readonly log: Logger,
    options: SubscriptionOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxHeld = options.maxHeld ?? DEFAULT_MAX_HELD;
    this.lineBudget = options.lineBudget ?? Infinity;
    this.offs = [
      broker.events.on('quote', (q) => this.onQuote(q)),
      // Lines are requested again on the next session: what they said before is history.
      broker.events.on('connection', (c) => {
        if (c.status !== 'connected') this.lineQuotes.clear();
      }),
    ];
  }

  /** Brings subscriptions in line with the positions; calls are serialized. */
  sync(positions: readonly BrokerPosition[]): Promise<void> {
    this.chain = this.chain.then(() => this.apply(positions));
    return this.chain;
  }

  /** Every key with an open broker line (book and holds). */
  keys(): string[] {
    return [...this.subs.keys()];
  }

  /** Keys held right now, least recently held first. */
  heldKeys(): string[] {
    return [...this.holds.keys()];
  }

  /**
   * Keeps market data on these instruments for `ttlMs` from now. Holding again refreshes the
   * time (the later expiry wins) and makes them the most recently held; when over the cap the
   * least recently held go first, so list the most important instruments last. Synchronous:
   * the lines are requested before it returns.
   */
  hold(instruments: readonly Instrument[], ttlMs: number): void {
    if (this.stopped) return;
    const until = this.clock.now() + ttlMs;
    for (const instrument of instruments) {
      const prev = this.holds.get(instrument.key);
      this.holds.delete(instrument.key);
      this.holds.set(instrument.key, {
        instrument: prev?.instrument ?? instrument,
        until: Math.max(until, prev?.until ?? 0),
      });
    }
    // Trim before subscribing, so a hold over the cap never opens a line it drops at once.
    this.trim();
    for (const [key, h] of this.holds) this.open(key, h.instrument);
    this.scheduleExpiry();
  }

  /**
   * The latest quote on the key's open line if it passes `accept` (default: two-sided), else
   * the first one that does within `timeoutMs`; null after that, or if the key is not held or
   * subscribed. Only quotes that arrived on the current line count, never an older line's.
   */
  awaitQuote(key: string, timeoutMs: number, accept: QuoteTest = twoSided): Promise<Quote | null> {
    const current = this.lineQuotes.get(key);
    if (current && accept(current)) return Promise.resolve(current);
    if (this.stopped || timeoutMs <= 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        key,
        accept,
        done: (q) => {
          this.clock.clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(q);
        },
      };
      const timer = this.clock.setTimeout(() => waiter.done(null), timeoutMs);
      timer.unref?.();
      this.waiters.add(waiter);
    });
  }

  /** awaitQuote for several keys at once, all within the same `timeoutMs`. */
  async awaitQuotes(
    keys: readonly string[],
    timeoutMs: number,
    accept: QuoteTest = twoSided,
  ): Promise<Map<string, Quote | null>> {
    const got = await Promise.all(keys.map((k) => this.awaitQuote(k, timeoutMs, accept)));
    return new Map(keys.map((k, i) => [k, got[i] ?? null]));
  }

  /** Releases every hold and line; pending quote waits answer null. */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.expiryTimer) this.clock.clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    this.holds.clear();
    for (const w of [...this.waiters]) w.done(null);
    for (const off of this.offs) off();
    return this.chain.then(() => {
      for (const s of this.subs.values()) s.unsubscribe();
      this.subs.clear();
      this.lineQuotes.clear();
    });
  }

  private async apply(positions: readonly BrokerPosition[]): Promise<void> {
    if (this.stopped) return;
    const wanted = new Map<string, Instrument | null>();
    for (const key of ALWAYS_WATCHED) wanted.set(key, null);
    for (const p of positions) {
      wanted.set(p.instrument.key, p.instrument);
      const under = isOption(p.instrument) ? p.instrument.underlyingKey : undefined;
      if (under && !wanted.get(under)) wanted.set(under, null);
    }
    this.wanted = new Set(wanted.keys());
    for (const key of [...this.subs.keys()]) this.releaseIfUnused(key);
    // The book may have grown: holds give way before its new lines are requested.
    this.trim();
    for (const [key, known] of wanted) {
      if (this.subs.has(key)) continue;
      const instrument = known ?? (await this.resolve(key));
      // A hold may have opened the line while the lookup was out.
      if (instrument && !this.stopped && this.wanted.has(key)) this.open(key, instrument);
    }
  }

  private open(key: string, instrument: Instrument): void {
    if (this.subs.has(key)) return;
    this.lineQuotes.delete(key);
    this.subs.set(key, this.broker.subscribeMarketData(instrument));
  }

  /** Drops the line unless the book or a hold still needs it. */
  private releaseIfUnused(key: string): void {
    if (this.wanted.has(key) || this.holds.has(key)) return;
    this.subs.get(key)?.unsubscribe();
    this.subs.delete(key);
    this.lineQuotes.delete(key);
  }

  /** Least recently held go first: over the count cap, or over the lines the book leaves. */
  private trim(): void {
    const room = this.lineBudget - this.wanted.size;
    let extra = 0;
    for (const key of this.holds.keys()) if (!this.wanted.has(key)) extra++;
    for (const key of [...this.holds.keys()]) {
      if (this.holds.size <= this.maxHeld && extra <= room) break;
      this.holds.delete(key);
      if (!this.wanted.has(key)) extra--;
      this.releaseIfUnused(key);
    }
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) this.clock.clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    if (this.stopped || this.holds.size === 0) return;
    let next = Infinity;
    for (const h of this.holds.values()) next = Math.min(next, h.until);
    this.expiryTimer = this.clock.setTimeout(
      () => this.expire(),
      Math.max(0, next - this.clock.now()),
    );
    this.expiryTimer.unref?.();
  }

  private expire(): void {
    this.expiryTimer = null;
    const now = this.clock.now();
    for (const [key, h] of [...this.holds]) {
      if (h.until > now) continue;
      this.holds.delete(key);
      this.releaseIfUnused(key);
    }
    this.scheduleExpiry();
  }

  private onQuote(q: Quote): void {
    if (!this.subs.has(q.key)) return;
    this.lineQuotes.set(q.key, q);
    for (const w of [...this.waiters]) if (w.key === q.key && w.accept(q)) w.done(q);
  }

  private async resolve(key: string): Promise<Instrument | null> {
    const parts = parseInstrumentKey(key);
    if (!parts) {
      this.log.warn('cannot subscribe: not an instrument key', { key });
      return null;
    }
    try {
      const found = await this.broker.lookupContract(parts);
      return found.find((i) => i.key === key) ?? null;
    } catch (e) {
      this.log.warn('contract lookup failed', { key, error: errorMessage(e) });
      return null;
    }
  }
}
