/**
 * The latest broker state with its timestamps: quotes, option Greeks (last valid set kept),
 * positions, account values and connection. Services read it; it tells them what changed.
 */
import type { AccountSummary, ConnectionState } from '@shared/domain/account';
import type { Quote } from '@shared/domain/market';
import { parseInstrumentKey } from '@shared/domain/instrument';
import { Emitter } from '@shared/util/emitter';
import type { BrokerPosition } from '../broker/port';
import type { BrokerView } from '../broker/read-only';
import { validGreeks, type ValidGreeks } from './option-model';

export interface CacheEvents {
  quote: Quote;
  greeks: string;
  positions: readonly BrokerPosition[];
  account: AccountSummary;
  connection: ConnectionState;
}

export class MarketCache {
  readonly changes = new Emitter<CacheEvents>();
  private readonly quotes = new Map<string, Quote>();
  private readonly greeks = new Map<string, ValidGreeks>();
  private positionList: readonly BrokerPosition[] = [];
  private accountValues: AccountSummary | null = null;
  private connectionState: ConnectionState;

  constructor(broker: BrokerView) {
    this.connectionState = broker.connectionState();
    this.positionList = broker.positions();
    this.accountValues = broker.accountSummary();
    broker.events.on('quote', (q) => {
      this.quotes.set(q.key, q);
      this.changes.emit('quote', q);
    });
    broker.events.on('optionModel', (m) => {
      const parts = parseInstrumentKey(m.key);
      const valid = parts?.right ? validGreeks(m, parts.right, parts.strike ?? null) : null;
      // An invalid tick keeps the last valid set: it ages, and is shown stale once old.
      if (valid) {
        this.greeks.set(m.key, valid);
        this.changes.emit('greeks', m.key);
      }
    });
    broker.events.on('positions', (p) => {
      this.positionList = p;
      this.changes.emit('positions', p);
    });
    broker.events.on('account', (a) => {
      this.accountValues = a;
      this.changes.emit('account', a);
    });
    broker.events.on('connection', (c) => {
      this.connectionState = c;
      this.changes.emit('connection', c);
    });
  }

  quote(key: string): Quote | undefined {
    return this.quotes.get(key);
  }

  allQuotes(): Quote[] {
    return [...this.quotes.values()];
  }

  optionGreeks(key: string): ValidGreeks | undefined {
    return this.greeks.get(key);
  }

  positions(): readonly BrokerPosition[] {
    return this.positionList;
  }

  account(): AccountSummary | null {
    return this.accountValues;
  }

  connection(): ConnectionState {
    return this.connectionState;
  }
}
