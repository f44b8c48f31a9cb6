/**
 * Market-data subscriptions: reference-counted per instrument key; publish() sends a quote
 * (and, for options, broker-style model values) for every subscribed line, stamped with the
 * wall time it is sent: while paused the market stands still but the feed is alive.
 */
import type { BrokerEvents, MarketDataSubscription } from '../port';
import type { Instrument } from '@shared/domain/instrument';
import { isOption } from '@shared/domain/instrument';
import type { Emitter } from '@shared/util/emitter';
import type { SimInstruments } from './instruments';
import type { QuoteEngine } from './quote-engine';

export class MarketFeed {
  private readonly subs = new Map<string, { inst: Instrument; count: number }>();

  constructor(
    private readonly events: Emitter<BrokerEvents>,
    private readonly instruments: SimInstruments,
    private readonly quotes: QuoteEngine,
    private readonly now: () => number,
  ) {}

  subscribe(instrument: Instrument): MarketDataSubscription {
    const key = instrument.key;
    const inst = this.instruments.byKey(key);
    if (!inst) {
      this.events.emit('error', {
        code: '200',
        message: `No security definition has been found for the request: ${key}`,
        orderId: null,
      });
      return { key, unsubscribe: () => undefined };
    }
    const sub = this.subs.get(key) ?? { inst, count: 0 };
    sub.count++;
    this.subs.set(key, sub);
    this.quotes.quote(inst); // so lastQuote has a value before the next step
    let active = true;
    return {
      key,
      unsubscribe: () => {
        if (!active) return;
        active = false;
        if (--sub.count <= 0) this.subs.delete(key);
      },
    };
  }

  publish(): void {
    const time = this.now();
    for (const { inst } of this.subs.values()) {
      const q = this.quotes.quote(inst);
      if (q) this.events.emit('quote', q.time === time ? q : { ...q, time });
      if (isOption(inst)) {
        const m = this.quotes.optionModel(inst);
        if (m) this.events.emit('optionModel', m.time === time ? m : { ...m, time });
      }
    }
  }
}
