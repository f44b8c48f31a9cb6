/** How a core is set up, whichever front end runs it. Filled from command-line flags. */
import type { StaleAfter } from './market/positions-view';

export interface SimBrokerConfig {
  kind: 'sim';
  seed: number;
  speed: number;
  /** Simulated market start (epoch ms); defaults to now. */
  startTime: number | null;
  /** Positions in the demo book: null for the standard ~30-position book. */
  largeBook: number | null;
}

export interface IbkrBrokerConfig {
  kind: 'ibkr';
  host: string;
  port: number;
  clientId: number;
  account: string | null;
  /** Market-data lines Bulwark may use (TWS's allowance). */
  maxMarketDataLines: number;
}

export type BrokerConfig = SimBrokerConfig | IbkrBrokerConfig;

export interface CoreConfig {
  runtime: 'electron' | 'headless';
  broker: BrokerConfig;
  staleAfter: StaleAfter;
  /** Validate every command output and stream event against the contract (tests, dev). */
  validateContract: boolean;
  /** The trader's risk matrix (YAML); null for resources/risk-matrix.default.yaml. */
  riskMatrix: string | null;
  /**
   * Where Bulwark keeps what must survive a restart (start-of-day values, logs, later the
   * journal and settings). null keeps nothing on disk (tests that do not need it).
   */
  dataDir: string | null;
}

export const DEFAULT_STALE_AFTER: StaleAfter = { quoteMs: 10_000, greeksMs: 30_000 };

/** The paper ports of TWS and IB Gateway; 7496 and 4001 are live. */
export const IB_PAPER_PORTS = [7497, 4002];
export const IB_LIVE_PORTS = [7496, 4001];
