/**
 * BrokerPort: everything Bulwark needs from a broker. The built-in simulator implements it now;
 * the IBKR adapter (@stoqey/ib, src/main/broker/ibkr) implements it too. Values cross this port already cleaned:
 * prices in dollars per share/unit, no sentinel numbers (null instead), timestamps in wall ms.
 */
import type { AccountSummary, BrokerKind, ConnectionState } from '@shared/domain/account';
import type { Instrument, SecType } from '@shared/domain/instrument';
import type { DailyBar, OptionChain, OptionModel, Quote } from '@shared/domain/market';
import type {
  CommissionReport,
  Execution,
  MarginImpact,
  OrderChange,
  OrderRequest,
  OrderStatusEvent,
  WorkingOrder,
} from '@shared/domain/orders';
import type { Emitter } from '@shared/util/emitter';

export interface BrokerPosition {
  account: string;
  instrument: Instrument;
  /** Signed: negative is short. */
  quantity: number;
  /** Average price per share/unit (an option bought at 1.50 has avgPrice 1.5, not 150). */
  avgPrice: number;
}

export interface BrokerError {
  code: string;
  message: string;
  orderId: number | null;
}

export interface BrokerEvents {
  connection: ConnectionState;
  /** The full position list, whenever it changes. */
  positions: readonly BrokerPosition[];
  account: AccountSummary;
  quote: Quote;
  /** Broker-model option values (per share) for a subscribed option. */
  optionModel: OptionModel;
  orderStatus: OrderStatusEvent;
  execution: Execution;
  commission: CommissionReport;
  error: BrokerError;
}

export interface ContractQuery {
  symbol: string;
  secType: SecType;
  expiry?: string;
  strike?: number;
  right?: 'C' | 'P';
}

export interface MarketDataSubscription {
  readonly key: string;
  unsubscribe(): void;
}

export interface BrokerPort {
  readonly kind: BrokerKind;
  readonly events: Emitter<BrokerEvents>;

  /** Connects and resolves once positions and account values have arrived. */
  start(): Promise<void>;
  /** Disconnects; resolves when nothing is left in flight. */
  stop(): Promise<void>;

  connectionState(): ConnectionState;
  managedAccounts(): readonly string[];
  positions(): readonly BrokerPosition[];
  accountSummary(): AccountSummary | null;

  /** Starts quote (and, for options, model Greeks) events for one instrument. */
  subscribeMarketData(instrument: Instrument): MarketDataSubscription;
  /** The latest values known for an instrument, if any. */
  lastQuote(key: string): Quote | null;

  lookupContract(query: ContractQuery): Promise<Instrument[]>;
  optionChain(underlying: string): Promise<OptionChain[]>;
  historicalDaily(symbol: string, days: number): Promise<DailyBar[]>;

  whatIf(order: OrderRequest): Promise<MarginImpact>;
  placeOrder(order: OrderRequest): Promise<{ orderId: number }>;
  /** Changes a working order's limit price and/or quantity; the order keeps its id. */
  modifyOrder(orderId: number, change: OrderChange): Promise<void>;
  cancelOrder(orderId: number): Promise<void>;
  openOrders(): readonly WorkingOrder[];
}
