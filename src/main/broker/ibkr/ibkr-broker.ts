/**
 * BrokerPort on Interactive Brokers (TWS / IB Gateway via @stoqey/ib): the link and its state,
 * the account (chosen or the first managed one), positions, account values and the day's P&L,
 * market data, contract lookup and the order path (orders.ts) — re-requested on every new
 * session. A live account refuses every order unless `allowLive` is set explicitly.
 */
import { EventName, MarketDataType, type Contract, type IBApi } from '@stoqey/ib';
import type { AccountSummary, ConnectionState, TradingMode } from '@shared/domain/account';
import type { Instrument } from '@shared/domain/instrument';
import type { DailyBar, OptionChain, Quote } from '@shared/domain/market';
import type { MarginImpact, OrderChange, OrderRequest, WorkingOrder } from '@shared/domain/orders';
import { Emitter } from '@shared/util/emitter';
import type { Timers } from '@shared/util/timers';
import { IB_LIVE_PORTS } from '../../config';
import type { Logger } from '../../util/logger';
import type {
  BrokerEvents,
  BrokerPort,
  BrokerPosition,
  ContractQuery,
  MarketDataSubscription,
} from '../port';
import { AccountValues } from './account-values';
import { describeIbCode } from './ib-errors';
import { IbConnection, type IbConnectionOptions, type LinkState } from './connection';
import { contractOf, instrumentOf, UnsupportedContract } from './contracts';
import { DEFAULT_MAX_LINES, MarketDataLines } from './market-data';
import { IbOrders } from './orders';
import {
  contractDetails,
  dailyBars,
  instrumentForHistory,
  optionChains,
  requestInstrument,
} from './reference-data';

export interface IbkrBrokerOptions extends IbConnectionOptions {
  /** The account to use when the login manages several; default the first. */
  account: string | null;
  /** Start resolves once the book is loaded, or after this long with the link still retrying. */
  loadTimeoutMs?: number;
  /** Market-data lines Bulwark may hold (TWS's allowance; default 100). */
  maxMarketDataLines?: number;
  /** Orders to a live account are refused unless this is set explicitly. */
  allowLive?: boolean;
}

/** Always worth a line: they set the regime and the benchmark. */
const ESSENTIAL_LINES: ReadonlySet<string> = new Set(['IND:VIX', 'IND:VIX3M', 'IND:SPX']);

/** Live when the port is a live port or the account id does not start with D (paper: DU…). */
export function tradingMode(port: number, account: string | null): TradingMode {
  if (IB_LIVE_PORTS.includes(port)) return 'live';
  return account !== null && !account.startsWith('D') ? 'live' : 'paper';
}

export class IbkrBroker implements BrokerPort {
  readonly kind = 'ibkr' as const;
  readonly events = new Emitter<BrokerEvents>();
  private readonly link: IbConnection;
  private readonly lines: MarketDataLines;
  private readonly account: AccountValues;
  private readonly orders: IbOrders;
  private readonly held = new Map<string, BrokerPosition>();
  private positionsLoaded = false;
  private reqId = 1;
  private accountId: string | null;

  constructor(
    private readonly options: IbkrBrokerOptions,
    private readonly clock: Timers,
    private readonly log: Logger,
  ) {
    this.accountId = options.account;
    this.link = new IbConnection(options, clock, log);
    this.lines = new MarketDataLines(
      {
        quote: (q) => this.events.emit('quote', q),
        optionModel: (m) => this.events.emit('optionModel', m),
        refused: (key, code, message) =>
          this.events.emit('error', {
            code: `IB_${code}`,
            message: `${key}: ${message}`,
            orderId: null,
          }),
      },
      () => this.reqId++,
      () => this.clock.now(),
      {
        maxLines: options.maxMarketDataLines ?? DEFAULT_MAX_LINES,
        isPriority: (key) => ESSENTIAL_LINES.has(key) || this.heldOrUnderlying(key),
      },
    );
    this.account = new AccountValues(
      (a) => this.events.emit('account', a),
      () => this.clock.now(),
    );
    this.orders = new IbOrders(this.events, this.clock);
    this.link.events.on('state', (s) => {
      if (s.status === 'disconnected') {
        this.orders.detach();
        this.lines.detach();
        this.account.detach();
      }
      this.events.emit('connection', this.stateOf(s));
    });
    this.link.events.on('ready', (api) => this.onSession(api));
    this.link.events.on('restored', ({ dataLost }) => {
      if (dataLost) this.lines.resubscribeAll();
    });
  }

  /**
   * Starts the link and resolves once positions and account values have arrived — or after
   * `loadTimeoutMs` with the link still retrying in the background, so the app comes up and
   * says why there is no book rather than failing to start while TWS is down.
   */
  start(): Promise<void> {
    this.link.start();
    const timeout = this.options.loadTimeoutMs ?? 10_000;
    const started = this.clock.now();
    return new Promise((resolve) => {
      const check = () => {
        if (this.positionsLoaded && this.account.current() !== null) return resolve();
        if (this.clock.now() - started >= timeout) {
          this.log.warn('no book from TWS yet; still trying', { reason: this.link.state().reason });
          return resolve();
        }
        this.clock.setTimeout(check, 50).unref?.();
      };
      check();
    });
  }

  stop(): Promise<void> {
    this.account.cancel();
    this.link.stop();
    this.lines.detach();
    return Promise.resolve();
  }

  connectionState(): ConnectionState {
    return this.stateOf(this.link.state());
  }

  managedAccounts(): readonly string[] {
    return this.link.state().accounts;
  }

  positions(): readonly BrokerPosition[] {
    return [...this.held.values()];
  }

  accountSummary(): AccountSummary | null {
    return this.account.current();
  }

  subscribeMarketData(instrument: Instrument): MarketDataSubscription {
    const unsubscribe = this.lines.subscribe(instrument);
    return { key: instrument.key, unsubscribe };
  }

  lastQuote(key: string): Quote | null {
    return this.lines.lastQuote(key);
  }

  async lookupContract(query: ContractQuery): Promise<Instrument[]> {
    const api = this.session('contract details');
    const contract = contractOf(requestInstrument(query));
    delete contract.multiplier;
    return contractDetails(api, this.clock, this.reqId++, contract);
  }

  async optionChain(underlying: string): Promise<OptionChain[]> {
    const api = this.session('option chains');
    const [found] = await contractDetails(
      api,
      this.clock,
      this.reqId++,
      contractOf(instrumentForHistory(underlying)),
    );
    if (!found) throw new Error(`TWS does not know ${underlying}`);
    return optionChains(api, this.clock, this.reqId++, found);
  }

  async historicalDaily(symbol: string, days: number): Promise<DailyBar[]> {
    return dailyBars(this.session('historical bars'), this.clock, this.reqId++, symbol, days);
  }

  async whatIf(order: OrderRequest): Promise<MarginImpact> {
    const ready = await this.orderable(order);
    return this.orders.whatIf(this.link.nextOrderId(), ready);
  }

  async placeOrder(order: OrderRequest): Promise<{ orderId: number }> {
    const ready = await this.orderable(order);
    return this.orders.place(this.link.nextOrderId(), ready);
  }

  async modifyOrder(orderId: number, change: OrderChange): Promise<void> {
    const known = this.orders.open().find((o) => o.orderId === orderId);
    if (known) await this.orderable(known.request);
    this.orders.modify(orderId, change);
  }

  async cancelOrder(orderId: number): Promise<void> {
    return this.orders.cancel(orderId);
  }

  /** How many orders, statuses and fills the order path remembers (bounded: see orders.ts). */
  orderMemory(): ReturnType<IbOrders['tracked']> {
    return this.orders.tracked();
  }

  openOrders(): readonly WorkingOrder[] {
    return this.orders.open();
  }

  /**
   * Live-account guard and combo legs completed with their contract ids. A live account (live
   * port or a non-paper account id) takes orders only with `allowLive` set.
   */
  private async orderable(order: OrderRequest): Promise<OrderRequest> {
    const mode = this.connectionState().mode;
    if (mode === 'live' && this.options.allowLive !== true) {
      throw new Error(
        'refused: this is a LIVE account and live trading is not enabled (allowLive)',
      );
    }
    if (order.legs.length < 2 || order.legs.every((l) => l.instrument.conId)) return order;
    const legs = await Promise.all(
      order.legs.map(async (leg) => {
        if (leg.instrument.conId) return leg;
        const i = leg.instrument;
        const [found] = await this.lookupContract({
          symbol: i.symbol,
          secType: i.secType,
          ...(i.expiry ? { expiry: i.expiry } : {}),
          ...(i.strike !== undefined ? { strike: i.strike } : {}),
          ...(i.right ? { right: i.right } : {}),
        });
        if (!found?.conId) throw new Error(`TWS does not know the combo leg ${i.description}`);
        return { ...leg, instrument: { ...i, conId: found.conId } };
      }),
    );
    return { ...order, legs };
  }

  private session(what: string): IBApi {
    const api = this.link.client();
    if (!api) throw new Error(`no TWS session: cannot request ${what}`);
    return api;
  }

  private onSession(api: IBApi): void {
    this.accountId ??= this.link.state().accounts[0] ?? null;
    // Type 3: live where the account has the subscription, delayed (and flagged) elsewhere.
    api.reqMarketDataType(MarketDataType.DELAYED);
    this.lines.attach(api);
    this.orders.attach(api, this.reqId++);
    this.account.attach(api, this.reqId++, this.reqId++, () => this.accountId);
    this.held.clear();
    this.positionsLoaded = false;
    api.on(
      EventName.position,
      (account: string, contract: Contract, pos: number, avgCost?: number) => {
        if (account !== this.accountId) return;
        this.onPosition(account, contract, pos, avgCost);
      },
    );
    // System-wide notices (id −1 arrives as info; errors without a request id land here),
    // in Bulwark's codes and words. Per-request errors are handled by their request.
    api.on(EventName.error, (err: Error, code: number, reqId: number | undefined) => {
      if (reqId !== undefined && reqId >= 0) return;
      const info = describeIbCode(code, err.message);
      this.events.emit('error', { code: info.code, message: info.words, orderId: null });
    });
    api.on(EventName.positionEnd, () => {
      this.positionsLoaded = true;
      this.events.emit('positions', this.positions());
    });
    api.reqPositions();
  }

  private heldOrUnderlying(key: string): boolean {
    if (this.held.has(key)) return true;
    for (const p of this.held.values()) if (p.instrument.underlyingKey === key) return true;
    return false;
  }

  private onPosition(account: string, contract: Contract, pos: number, avgCost?: number): void {
    let instrument: Instrument;
    try {
      instrument = instrumentOf(contract);
    } catch (e) {
      if (e instanceof UnsupportedContract) {
        this.log.warn('position skipped', { symbol: contract.symbol ?? '?', reason: e.message });
        return;
      }
      throw e;
    }
    if (pos === 0) this.held.delete(instrument.key);
    else {
      // IB's avgCost is per contract for options and futures; Bulwark keeps it per share/unit.
      const perUnit =
        instrument.secType === 'STK' ? (avgCost ?? 0) : (avgCost ?? 0) / instrument.multiplier;
      this.held.set(instrument.key, { account, instrument, quantity: pos, avgPrice: perUnit });
    }
    if (this.positionsLoaded) this.events.emit('positions', this.positions());
  }

  private stateOf(s: LinkState): ConnectionState {
    return {
      broker: 'ibkr',
      status: s.status,
      reason: s.reason,
      account: this.accountId ?? s.accounts[0] ?? null,
      mode: tradingMode(this.options.port, this.accountId ?? s.accounts[0] ?? null),
      serverVersion: s.serverVersion,
      since: s.since,
    };
  }
}
