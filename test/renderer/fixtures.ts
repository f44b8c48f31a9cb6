/** Small builders for renderer tests: rows, totals, groups and updates in contract shape. */
import type { AppInfo } from '@shared/api/contract';
import type { ConnectionState } from '@shared/domain/account';
import type { Quote } from '@shared/domain/market';
import type {
  PositionGroup,
  PositionRow,
  PositionTotals,
  PositionsUpdate,
} from '@shared/domain/positions';

export function row(id: string, over: Partial<PositionRow> = {}): PositionRow {
  const symbol = over.underlying ?? 'SPX';
  return {
    id,
    account: 'SIM-DEMO',
    instrument: {
      key: `OPT:${symbol}:2026-12-18:P:${id}`,
      symbol,
      secType: 'OPT',
      currency: 'USD',
      multiplier: 100,
      exchange: 'CBOE',
      description: `${symbol} 18 Dec 26 ${id} P`,
      expiry: '2026-12-18',
      strike: 5000,
      right: 'P',
      exercise: 'european',
    },
    underlying: symbol,
    quantity: -1,
    avgPrice: 10,
    price: 9,
    priceTime: 1_000,
    priceStale: false,
    underlyingPrice: 5800,
    dte: 27,
    marketValue: -900,
    unrealizedPnl: 100,
    greeks: { delta: 10, gamma: -0.5, theta: 20, vega: -50 },
    greeksSource: 'broker',
    greeksTime: 1_000,
    greeksStale: false,
    iv: 0.2,
    ...over,
  };
}

export function totals(over: Partial<PositionTotals> = {}): PositionTotals {
  return {
    positions: 1,
    marketValue: 0,
    unrealizedPnl: 0,
    greeks: { delta: 0, gamma: 0, theta: 0, vega: 0 },
    greeksValid: 1,
    greeksNeeded: 1,
    stale: 0,
    ...over,
  };
}

export function group(underlying: string, over: Partial<PositionGroup> = {}): PositionGroup {
  return { underlying, underlyingPrice: 100, totals: totals(), ...over };
}

export function update(over: Partial<PositionsUpdate> = {}): PositionsUpdate {
  return {
    asOf: 1_000,
    full: false,
    upserts: [],
    removed: [],
    groups: [],
    totals: totals(),
    ...over,
  };
}

export function quote(key: string, mark: number, time = 1_000): Quote {
  return {
    key,
    bid: mark - 0.05,
    ask: mark + 0.05,
    last: mark,
    mark,
    bidSize: 1,
    askSize: 1,
    delayed: false,
    time,
  };
}

export function connection(over: Partial<ConnectionState> = {}): ConnectionState {
  return {
    broker: 'sim',
    status: 'connected',
    reason: 'simulator running',
    account: 'SIM-DEMO',
    mode: 'simulated',
    serverVersion: null,
    since: 0,
    ...over,
  };
}

export function appInfo(over: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'Bulwark',
    version: '0.1.0',
    runtime: 'headless',
    broker: 'sim',
    startedAt: 0,
    staleAfterMs: { quote: 10_000, greeks: 30_000 },
    commands: [],
    streams: [],
    ...over,
  };
}
