/**
 * A BrokerPort whose state a test sets by hand: connection, positions, quotes, Greeks. Orders are
 * recorded, never filled. For core and transport tests that must not depend on the simulator.
 */
import type { AccountSummary, ConnectionState } from '@shared/domain/account';
import type { Instrument } from '@shared/domain/instrument';
import type { OptionModel, Quote } from '@shared/domain/market';
import type { MarginImpact, OrderRequest } from '@shared/domain/orders';
import { Emitter } from '@shared/util/emitter';
import type {
  BrokerEvents,
  BrokerPort,
  BrokerPosition,
  ContractQuery,
  MarketDataSubscription,
} from '../../src/main/broker/port';
import type { Clock } from '../../src/main/util/clock';

export class FakeBroker implements BrokerPort {
  readonly kind = 'sim' as const;
  readonly events = new Emitter<BrokerEvents>();
  readonly subscribed = new Set<string>();
  readonly placed: OrderRequest[] = [];
  readonly instruments = new Map<string, Instrument>();
  private state: ConnectionState;
  private book: BrokerPosition[] = [];
  private summary: AccountSummary | null = null;
  private readonly quotes = new Map<string, Quote>();

  constructor(private readonly clock: Clock) {
    this.state = this.connection('connecting', 'starting');
  }

  async start(): Promise<void> {
    this.setConnection('connected', 'fake broker ready');
    await Promise.resolve();
  }

  async stop(): Promise<void> {
    this.setConnection('disconnected', 'fake broker stopped');
    await Promise.resolve();
  }

  setConnection(status: ConnectionState['status'], reason: string): void {
    this.state = this.connection(status, reason);
    this.events.emit('connection', this.state);
  }

  setPositions(positions: BrokerPosition[]): void {
    this.book = positions;
    for (const p of positions) this.instruments.set(p.instrument.key, p.instrument);
    this.events.emit('positions', positions);
  }

  setAccount(a: AccountSummary): void {
    this.summary = a;
    this.events.emit('account', a);
  }

  pushQuote(key: string, mark: number): void {
    const q: Quote = {
      key,
      bid: mark - 0.05,
      ask: mark + 0.05,
      last: mark,
      mark,
      bidSize: 10,
      askSize: 10,
      delayed: false,
      time: this.clock.now(),
    };
    this.quotes.set(key, q);
    this.events.emit('quote', q);
  }

  pushGreeks(m: Omit<OptionModel, 'time'>): void {
    this.events.emit('optionModel', { ...m, time: this.clock.now() });
  }

  connectionState(): ConnectionState {
    return this.state;
  }
  managedAccounts(): readonly string[] {
    return ['FAKE1'];
  }
  positions(): readonly BrokerPosition[] {
    return this.book;
  }
  accountSummary(): AccountSummary | null {
    return this.summary;
  }
  subscribeMarketData(instrument: Instrument): MarketDataSubscription {
    this.subscribed.add(instrument.key);
    return { key: instrument.key, unsubscribe: () => this.subscribed.delete(instrument.key) };
  }
  lastQuote(key: string): Quote | null {
    return this.quotes.get(key) ?? null;
  }
  lookupContract(q: ContractQuery): Promise<Instrument[]> {
    const found = [...this.instruments.values()].filter(
      (i) => i.symbol === q.symbol && i.secType === q.secType,
    );
    return Promise.resolve(found);
  }
  optionChain(): Promise<never[]> {
    return Promise.resolve([]);
  }
  historicalDaily(): Promise<never[]> {
    return Promise.resolve([]);
  }
  whatIf(): Promise<MarginImpact> {
    return Promise.reject(new Error('FakeBroker has no margin model'));
  }
  placeOrder(order: OrderRequest): Promise<{ orderId: number }> {
    this.placed.push(order);
    return Promise.resolve({ orderId: this.placed.length });
  }
  modifyOrder(): Promise<void> {
    return Promise.resolve();
  }
  cancelOrder(): Promise<void> {
    return Promise.resolve();
  }
  openOrders(): readonly never[] {
    return [];
  }

  private connection(status: ConnectionState['status'], reason: string): ConnectionState {
    return {
      broker: 'sim',
      status,
      reason,
      account: 'FAKE1',
      mode: 'simulated',
      serverVersion: null,
      since: this.clock.now(),
    };
  }
}
