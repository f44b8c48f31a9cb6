/**
 * A BrokerPort that passes everything to a real broker (the simulator) and records every call
 * of the order path — placeOrder, modifyOrder, cancelOrder, whatIf — so a test can count what
 * reached the broker and compare it with what it reviewed and sent.
 */
import type { OrderChange, OrderRequest } from '@shared/domain/orders';
import type { BrokerPort } from '../../../src/main/broker/port';

export interface PlacedOrder {
  order: OrderRequest;
  /** The broker's id, or null when the broker refused it. */
  orderId: number | null;
}

export class RecordingBroker implements BrokerPort {
  readonly placed: PlacedOrder[] = [];
  readonly modified: Array<{ orderId: number; change: OrderChange }> = [];
  readonly cancelled: number[] = [];
  whatIfs = 0;

  constructor(private readonly inner: BrokerPort) {}

  get kind() {
    return this.inner.kind;
  }
  get events() {
    return this.inner.events;
  }

  async placeOrder(order: OrderRequest): Promise<{ orderId: number }> {
    // A copy as it was handed over: nothing the caller does later can change the record.
    const entry: PlacedOrder = { order: structuredClone(order), orderId: null };
    this.placed.push(entry);
    const result = await this.inner.placeOrder(order);
    entry.orderId = result.orderId;
    return result;
  }

  modifyOrder(orderId: number, change: OrderChange): Promise<void> {
    this.modified.push({ orderId, change: structuredClone(change) });
    return this.inner.modifyOrder(orderId, change);
  }

  cancelOrder(orderId: number): Promise<void> {
    this.cancelled.push(orderId);
    return this.inner.cancelOrder(orderId);
  }

  whatIf(order: OrderRequest): ReturnType<BrokerPort['whatIf']> {
    this.whatIfs++;
    return this.inner.whatIf(order);
  }

  start = () => this.inner.start();
  stop = () => this.inner.stop();
  connectionState = () => this.inner.connectionState();
  managedAccounts = () => this.inner.managedAccounts();
  positions = () => this.inner.positions();
  accountSummary = () => this.inner.accountSummary();
  subscribeMarketData: BrokerPort['subscribeMarketData'] = (i) => this.inner.subscribeMarketData(i);
  lastQuote: BrokerPort['lastQuote'] = (k) => this.inner.lastQuote(k);
  lookupContract: BrokerPort['lookupContract'] = (q) => this.inner.lookupContract(q);
  optionChain: BrokerPort['optionChain'] = (u) => this.inner.optionChain(u);
  historicalDaily: BrokerPort['historicalDaily'] = (s, d) => this.inner.historicalDaily(s, d);
  openOrders = () => this.inner.openOrders();
}
