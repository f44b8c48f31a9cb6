/**
 * The risk engine's input: a book at one valuation instant. The live app builds it from the
 * market cache, the CLI from a JSON file; the engine never looks further than this.
 * Prices are per share/unit; broker Greeks are per share in broker units (vega per vol point,
 * theta per calendar day).
 */
import type { ExerciseStyle, OptionRight, SecType, Settlement } from '@shared/domain/instrument';
import type { Benchmark, BetaSource } from '@shared/domain/risk';

export type HeldSecType = Exclude<SecType, 'IND'>;

export interface BrokerGreeks {
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
  iv: number | null;
  time: number;
}

export interface RiskOptionTerms {
  right: OptionRight;
  strike: number;
  exercise: ExerciseStyle;
}

export interface RiskPosition {
  id: string;
  description: string;
  /** Grouping root and beta symbol: SPX, AAPL, ES (ES futures and ES options together). */
  underlying: string;
  secType: HeldSecType;
  quantity: number;
  multiplier: number;
  /** YYYY-MM-DD for options and futures, else null. */
  expiry: string | null;
  /** When an expiring contract settles: 09:30 (AM) or 16:00 (PM) New York; PM when absent. */
  settlement?: Settlement;
  option: RiskOptionTerms | null;
  /** Mark per share/unit (an option's mid); null when unknown. */
  price: number | null;
  /** What the position moves with: its own price for stock/futures, the underlying's for options. */
  underlyingPrice: number | null;
  brokerGreeks: BrokerGreeks | null;
  /** A volatility given by the user or file; skips the implied-vol solve. */
  ivOverride: number | null;
  /** True when the mark or underlying price is older than the staleness limit. */
  stale: boolean;
}

export interface RiskUnderlying {
  symbol: string;
  price: number | null;
  dividendYield: number;
  beta: number;
  betaSource: BetaSource;
}

export interface RiskAccount {
  netLiquidation: number | null;
  excessLiquidity: number | null;
  startOfDayNetLiquidation: number | null;
  /** Where the start-of-day value came from, or why it is unknown (shown with the light). */
  startOfDayBasis?: string;
}

export interface VolReadings {
  vix: number | null;
  vix3m: number | null;
  vvix: number | null;
}

export interface RiskBook {
  /** Epoch ms. */
  valuationTime: number;
  rate: number;
  benchmark: Benchmark;
  benchmarkPrice: number | null;
  underlyings: ReadonlyMap<string, RiskUnderlying>;
  positions: readonly RiskPosition[];
  account: RiskAccount;
  market: VolReadings;
  /** Why the whole book is stale (broker down, account missing…); null when fresh. */
  staleReason: string | null;
  /** Broker Greeks older than this (ms) are not fresh: the local model is used instead. */
  greeksMaxAgeMs: number;
}
