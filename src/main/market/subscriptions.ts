/**
 * Keeps market data flowing for what the book needs: every position, the instrument each
 * option prices off, and the volatility indexes. Subscribes what is new, drops what is gone.
 */
import { parseInstrumentKey, type Instrument, isOption } from '@shared/domain/instrument';
import type { BrokerPort, BrokerPosition, MarketDataSubscription } from '../broker/port';
import { errorMessage, type Logger } from '../util/logger';

/** Always watched: the volatility indexes set the regime, SPX is the default benchmark. */
export const ALWAYS_WATCHED = ['IND:VIX', 'IND:VIX3M', 'IND:SPX'];

export class MarketDataSubscriptions {
  private readonly subs = new Map<string, MarketDataSubscription>();
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly broker: BrokerPort,
    private readonly log: Logger,
  ) {}

  /** Brings subscriptions in line with the positions; calls are serialized. */
  sync(positions: readonly BrokerPosition[]): Promise<void> {
    this.chain = this.chain.then(() => this.apply(positions));
    return this.chain;
  }

  keys(): string[] {
    return [...this.subs.keys()];
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.chain.then(() => {
      for (const s of this.subs.values()) s.unsubscribe();
      this.subs.clear();
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
    for (const [key, sub] of this.subs) {
      if (!wanted.has(key)) {
        sub.unsubscribe();
        this.subs.delete(key);
      }
    }
    for (const [key, known] of wanted) {
      if (this.subs.has(key)) continue;
      const instrument = known ?? (await this.resolve(key));
      if (instrument && !this.stopped)
        this.subs.set(key, this.broker.subscribeMarketData(instrument));
    }
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
