/**
 * The broker as everything but the order path sees it: positions, account, market data and
 * reference data, and no way to send, change, cancel or what-if an order. Only src/main/orders
 * holds the full BrokerPort, so no path can reach placeOrder around the gate.
 */
import type { BrokerPort } from './port';

export type OrderMethod = 'placeOrder' | 'modifyOrder' | 'cancelOrder' | 'whatIf';
export type BrokerView = Omit<BrokerPort, OrderMethod>;

/** A view object that has no order methods at all (not merely hidden by the type). */
export function readOnlyBroker(port: BrokerPort): BrokerView {
  return {
    kind: port.kind,
    events: port.events,
    start: () => port.start(),
    stop: () => port.stop(),
    connectionState: () => port.connectionState(),
    managedAccounts: () => port.managedAccounts(),
    positions: () => port.positions(),
    accountSummary: () => port.accountSummary(),
    subscribeMarketData: (i) => port.subscribeMarketData(i),
    lastQuote: (k) => port.lastQuote(k),
    lookupContract: (q) => port.lookupContract(q),
    optionChain: (u) => port.optionChain(u),
    historicalDaily: (s, d) => port.historicalDaily(s, d),
    openOrders: () => port.openOrders(),
  };
}
