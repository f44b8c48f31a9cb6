/**
 * SimBroker: the built-in market as a BrokerPort, so Bulwark runs with no broker account.
 * The injected clock drives steps (every stepMs of wall time, sim time advances stepMs × speed);
 * after each step subscribed lines get quotes (and option model values), working orders are
 * matched, and about once a wall second account values and the sim status go out. All
 * timestamps on events are wall time; sim time only drives prices, expiries and decay.
 * Determinism: one seed, start time and sequence of steps/speeds/shocks → one path.
 */
import type {
  BrokerEvents,
  BrokerPort,
  BrokerPosition,
  ContractQuery,
  MarketDataSubscription,
} from '../port';
import type { SimControls } from '../sim-controls';
import type { Clock, TimerHandle } from '../../util/clock';
import type { AccountSummary, ConnectionState, ConnectionStatus } from '@shared/domain/account';
import type { Instrument } from '@shared/domain/instrument';
import type { DailyBar, OptionChain, Quote } from '@shared/domain/market';
import type { MarginImpact, OrderChange, OrderRequest, WorkingOrder } from '@shared/domain/orders';
import type { ShockMove, SimStatus } from '@shared/domain/sim';
import { formatShock, parseShockSpec } from '@shared/domain/sim';
import { yearsToExpiry } from '@shared/domain/time';
import { Emitter } from '@shared/util/emitter';
import { accountValues } from './account';
import { openingBook } from './books';
import { DEMO_ACCOUNT } from './demo-book';
import { SimHistory } from './history';
import { SimInstruments } from './instruments';
import type { LedgerPosition } from './ledger';
import { Ledger } from './ledger';
import { MarketFeed } from './market-feed';
import { MarketModel } from './market-model';
import { SimOrderBook } from './order-book';
import { checkOrder } from './order-validation';
import { QuoteEngine } from './quote-engine';
import { Rng, STREAM_BOOK, STREAM_FILLS } from './rng';
import { SessionPnl } from './session-pnl';
import type { MarketSnapshot, SimBrokerOptions, SimStatusEvents } from './sim-options';
import { checkSpeed } from './sim-options';
import { SimShockError, applyShock } from './shocks';
import { UNIVERSE } from './universe';
import type { Pricing } from './what-if';
import { valuePositions, whatIf } from './what-if';

const PERIODIC_MS = 1000;

export class SimBroker implements BrokerPort, SimControls {
  readonly kind = 'sim' as const;
  readonly events = new Emitter<BrokerEvents>();
  /** Sim status on pause/resume/speed/shock and about once a wall second while started. */
  readonly statusEvents = new Emitter<SimStatusEvents>();
  readonly account = DEMO_ACCOUNT;

  private readonly clock: Clock;
  private readonly seed: number;
  private readonly stepMs: number;
  private speed: number;
  private readonly market: MarketModel;
  private readonly instruments: SimInstruments;
  private readonly quotes: QuoteEngine;
  private readonly ledger: Ledger;
  private readonly orders: SimOrderBook;
  private readonly history: SimHistory;
  private readonly pricing: Pricing;
  private readonly feed: MarketFeed;
  private timer: TimerHandle | null = null;
  private state: ConnectionState;
  private paused = false;
  private steps = 0;
  private lastShock: string | null = null;
  private lastAccountAt = -Infinity;
  private lastStatusAt = -Infinity;
  private lastPublishAt = -Infinity;
  private summary: AccountSummary | null = null;
  private readonly sessionPnl = new SessionPnl();
  private positionsCache: { from: readonly LedgerPosition[]; list: BrokerPosition[] } | null = null;

  constructor(opts: SimBrokerOptions) {
    if (!Number.isInteger(opts.seed)) {
      throw new RangeError(`seed must be an integer (got ${opts.seed})`);
    }
    this.clock = opts.clock;
    this.seed = opts.seed;
    this.stepMs = opts.stepMs ?? 250;
    if (!(this.stepMs > 0)) throw new RangeError(`stepMs must be above 0 (got ${this.stepMs})`);
    this.speed = checkSpeed(opts.speed ?? 1);
    const startTime = opts.startTime ?? opts.clock.now();
    this.instruments = new SimInstruments(startTime);
    this.market = new MarketModel(opts.seed, startTime, this.instruments.futureExpiry, {
      ...opts.market,
      ...(opts.rate === undefined ? {} : { rate: opts.rate }),
    });
    this.quotes = new QuoteEngine(this.market, opts.seed, () => this.clock.now());
    this.feed = new MarketFeed(this.events, this.instruments, this.quotes, () => this.clock.now());
    this.pricing = {
      price: (inst) => ({
        price: this.quotes.mark(inst) ?? 0,
        underlyingPrice: this.quotes.sourcePrice(inst) ?? 0,
      }),
    };
    const ctx = {
      instruments: this.instruments,
      market: this.market,
      quotes: this.quotes,
      rng: new Rng(opts.seed, STREAM_BOOK),
    };
    const book = openingBook(opts.book ?? 'demo', ctx, this.pricing);
    this.ledger = new Ledger(book.cash, book.positions);
    this.orders = new SimOrderBook({
      account: this.account,
      events: this.events,
      clock: this.clock,
      instruments: this.instruments,
      quotes: this.quotes,
      ledger: this.ledger,
      simTime: () => this.market.time,
      rng: new Rng(opts.seed, STREAM_FILLS),
      onFills: () => {
        this.events.emit('positions', this.positions());
        this.emitAccount();
      },
    });
    const startPrices = UNIVERSE.map((_, i) => this.market.price(i));
    this.history = new SimHistory(
      opts.seed,
      startTime,
      (i) => startPrices[i]!,
      this.market.params.rate,
    );
    this.state = this.connection('disconnected', 'simulator not started');
  }

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────

  start(): Promise<void> {
    if (this.timer === null) {
      this.setState('connecting', 'starting the simulator');
      this.setState('connected', 'simulator running');
      this.events.emit('positions', this.positions());
      this.emitAccount();
      this.timer = this.clock.setInterval(() => this.tick(), this.stepMs);
      this.emitStatus();
    }
    return Promise.resolve();
  }

  stop(): Promise<void> {
    if (this.timer !== null) {
      this.clock.clearInterval(this.timer);
      this.timer = null;
      this.orders.stop();
      this.setState('disconnected', 'simulator stopped');
      this.emitStatus();
    }
    return Promise.resolve();
  }

  connectionState(): ConnectionState {
    return this.state;
  }

  managedAccounts(): readonly string[] {
    return [this.account];
  }

  // ── sim control ─────────────────────────────────────────────────────────────────────────

  pause(): SimStatus {
    this.paused = true;
    return this.emitStatus();
  }

  resume(): SimStatus {
    this.paused = false;
    return this.emitStatus();
  }

  setSpeed(speed: number): SimStatus {
    this.speed = checkSpeed(speed);
    return this.emitStatus();
  }

  /** Applies a shock at once; throws SimShockError (→ INVALID_SHOCK) and changes nothing if invalid. */
  shock(moves: readonly ShockMove[]): SimStatus {
    applyShock(this.market, moves);
    this.lastShock = formatShock(moves);
    if (this.timer !== null) this.publish();
    return this.emitStatus();
  }

  /** Parses "SPX -6%, VIX +15" and applies it. */
  shockSpec(spec: string): SimStatus {
    const parsed = parseShockSpec(spec);
    if (!parsed.ok) throw new SimShockError(parsed.problems);
    return this.shock(parsed.moves);
  }

  /** Status on every change and about once a wall second; returns unsubscribe. */
  onStatus(listener: (status: SimStatus) => void): () => void {
    return this.statusEvents.on('status', listener);
  }

  status(): SimStatus {
    return {
      running: this.timer !== null && !this.paused,
      speed: this.speed,
      seed: this.seed,
      simTime: Math.round(this.market.time),
      steps: this.steps,
      lastShock: this.lastShock,
    };
  }

  /** Current prices of every underlying (and VIX/VIX3M). */
  snapshot(): MarketSnapshot {
    const prices: Record<string, number> = {};
    UNIVERSE.forEach((u, i) => (prices[u.symbol] = this.market.price(i)));
    return { simTime: this.market.time, prices };
  }

  // ── market data ─────────────────────────────────────────────────────────────────────────

  subscribeMarketData(instrument: Instrument): MarketDataSubscription {
    return this.feed.subscribe(instrument);
  }

  lastQuote(key: string): Quote | null {
    return this.quotes.cachedQuote(key);
  }

  lookupContract(query: ContractQuery): Promise<Instrument[]> {
    return Promise.resolve(this.instruments.lookup(query, this.market.time));
  }

  optionChain(underlying: string): Promise<OptionChain[]> {
    const symbol = (underlying.includes(':') ? underlying.split(':')[1] : underlying) ?? '';
    const chain = this.instruments.chain(symbol.toUpperCase());
    if (!chain) return Promise.resolve([]);
    return Promise.resolve([
      {
        underlying: chain.symbol,
        secType: chain.secType,
        multiplier: chain.multiplier,
        exercise: chain.exercise,
        expirations: chain.expirations.filter(
          (e) => yearsToExpiry(e, this.market.time, chain.settlement(e)) > 0,
        ),
        strikes: [...chain.strikes],
      },
    ]);
  }

  historicalDaily(symbol: string, days: number): Promise<DailyBar[]> {
    const bars = this.history.daily(symbol, days);
    return bars ? Promise.resolve(bars) : Promise.reject(new Error(`unknown symbol ${symbol}`));
  }

  // ── account and orders ──────────────────────────────────────────────────────────────────

  positions(): readonly BrokerPosition[] {
    const from = this.ledger.positions();
    if (this.positionsCache?.from !== from) {
      const list = from.map((p) => ({
        account: this.account,
        instrument: p.instrument,
        quantity: p.quantity,
        avgPrice: p.avgPrice,
      }));
      this.positionsCache = { from, list };
    }
    return this.positionsCache.list;
  }

  accountSummary(): AccountSummary | null {
    return this.summary ?? this.computeAccount();
  }

  whatIf(order: OrderRequest): Promise<MarginImpact> {
    const check = checkOrder(order, this.instruments, this.market.time, this.account);
    if (!check.ok) return Promise.reject(new Error(check.reason));
    const { cash } = this.ledger;
    const positions = this.ledger.positions();
    return Promise.resolve(
      whatIf(cash, positions, check.legs, order.action, order.quantity, this.pricing),
    );
  }

  placeOrder(order: OrderRequest): Promise<{ orderId: number }> {
    return Promise.resolve({ orderId: this.orders.place(order) });
  }

  modifyOrder(orderId: number, change: OrderChange): Promise<void> {
    this.orders.modify(orderId, change);
    return Promise.resolve();
  }

  cancelOrder(orderId: number): Promise<void> {
    this.orders.cancel(orderId);
    return Promise.resolve();
  }

  openOrders(): readonly WorkingOrder[] {
    return this.orders.open();
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────

  private tick(): void {
    if (!this.paused) {
      this.market.step((this.stepMs * this.speed) / 1000);
      this.steps++;
      this.publish();
    } else if (this.clock.now() - this.lastPublishAt >= PERIODIC_MS) {
      // Paused: the market stands still, but quotes keep arriving so nothing looks stale.
      this.publish();
    }
  }

  private publish(): void {
    const now = this.clock.now();
    this.lastPublishAt = now;
    this.feed.publish();
    this.orders.match();
    // At the session open the account goes out at once: its net liq is the day's P&L base.
    const open = this.sessionPnl.due(this.market.time);
    if (open || now - this.lastAccountAt >= PERIODIC_MS) this.emitAccount();
    if (now - this.lastStatusAt >= PERIODIC_MS) this.emitStatus();
  }

  private computeAccount(): AccountSummary {
    const values = accountValues(
      this.ledger.cash,
      valuePositions(this.ledger.positions(), this.pricing),
    );
    const dailyPnl = this.sessionPnl.observe(this.market.time, values.netLiquidation);
    this.summary = {
      account: this.account,
      currency: 'USD',
      ...values,
      dailyPnl,
      time: this.clock.now(),
    };
    return this.summary;
  }

  private emitAccount(): void {
    this.lastAccountAt = this.clock.now();
    this.events.emit('account', this.computeAccount());
  }

  private emitStatus(): SimStatus {
    this.lastStatusAt = this.clock.now();
    const s = this.status();
    this.statusEvents.emit('status', s);
    return s;
  }

  private connection(status: ConnectionStatus, reason: string): ConnectionState {
    return {
      broker: 'sim',
      status,
      reason,
      account: this.account,
      mode: 'simulated',
      serverVersion: null,
      since: this.clock.now(),
    };
  }

  private setState(status: ConnectionStatus, reason: string): void {
    this.state = this.connection(status, reason);
    this.events.emit('connection', this.state);
  }
}
