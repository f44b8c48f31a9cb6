/**
 * The fake TWS serving the built-in simulator: a client connected to it sees the simulator's
 * book, account and market through the real socket protocol (server version 193, or 178).
 *
 *   const tws = new FakeTws();
 *   const bridge = attachSimulator(tws, sim);
 *
 * Handlers (see each module): positions, account summary and account updates (account.ts);
 * the day's P&L (pnl.ts);
 * market data (market-data.ts); contract details and option-chain parameters
 * (contract-details.ts); daily historical bars (historical.ts); orders, open orders and
 * executions (orders.ts, order-executions.ts). The simulator is not started or stepped here:
 * the caller owns its clock.
 */
import type { SimBroker } from '../../src/main/broker/sim';
import { registerAccount } from './account';
import type { BridgeContext } from './bridge-kit';
import { registerContractDetails } from './contract-details';
import { ContractRegistry } from './contracts';
import { ProtocolError } from './fields';
import { registerHistoricalData } from './historical';
import type { MarketDataOptions } from './market-data';
import { registerMarketData } from './market-data';
import type { FakeOrderBook } from './order-book';
import { registerOrders, type OrderOptions } from './orders';
import type { PnlOptions } from './pnl';
import { registerPnl } from './pnl';
import type { FakeTws } from './server';

export interface SimBridgeOptions extends MarketDataOptions, PnlOptions, OrderOptions {
  /** The account positions and values are reported under (default: the fake's first account). */
  account?: string;
}

export interface SimBridge {
  /** conId ↔ instrument for everything handed out so far. */
  readonly contracts: ContractRegistry;
  readonly account: string;
  /** IB order id ↔ simulator order id, statuses sent and executions reported. */
  readonly orders: FakeOrderBook;
  /** Market-data lines open across all clients (cancel and socket close release them). */
  marketDataLines(): number;
  /** Stops listening to the simulator and drops every subscription. */
  detach(): void;
}

export function attachSimulator(
  tws: FakeTws,
  sim: SimBroker,
  opts: SimBridgeOptions = {},
): SimBridge {
  const account = opts.account ?? tws.accounts[0] ?? sim.account;
  const cleanups: Array<() => void> = [];
  const ctx: BridgeContext = {
    tws,
    sim,
    account,
    contracts: new ContractRegistry(sim),
    fail: (messageId, e) =>
      tws.protocolErrors.push(
        new ProtocolError(
          messageId,
          `fake TWS failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      ),
    onDetach: (fn) => cleanups.push(fn),
  };
  registerAccount(ctx);
  registerPnl(ctx, opts);
  const lines = registerMarketData(ctx, opts);
  registerContractDetails(ctx);
  registerHistoricalData(ctx);
  const orders = registerOrders(ctx, opts);
  return {
    contracts: ctx.contracts,
    account,
    orders,
    marketDataLines: () => lines.active(),
    detach: () => {
      for (const fn of cleanups.splice(0)) fn();
    },
  };
}
