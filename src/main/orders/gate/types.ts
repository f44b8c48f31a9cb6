/**
 * What the pre-trade gate's checks see: one immutable picture of the order, the book, the
 * market and the rules at the instant of review. Checks are pure functions of it, so the same
 * pipeline serves the ticket, the CLI, flatten and anything automated later.
 */
import type { ConnectionState } from '@shared/domain/account';
import type { Instrument } from '@shared/domain/instrument';
import type { MarginImpact, OrderRequest } from '@shared/domain/orders';
import type { GateCode, OrderTicket, TradingState } from '@shared/domain/order-ticket';
import type { Quote } from '@shared/domain/market';
import type { Settings } from '@shared/domain/settings';
import type { Projection } from '../../risk/engine/projection';

export interface GateLeg {
  instrument: Instrument;
  action: 'BUY' | 'SELL';
  ratio: number;
  quote: Quote | null;
  /** Price the notional is measured on: the underlying's for options, its own otherwise. */
  underlyingPrice: number | null;
  /** Signed change of this instrument's position if the whole order fills. */
  change: number;
  /** Signed position held now in the order's account. */
  held: number;
}

export interface ReduceAnalysis {
  /** Every leg shrinks a held position and none crosses through zero. */
  reduces: boolean;
  /** Per leg, the contracts that open new exposure (a close larger than the position). */
  opening: number[];
  /**
   * Margin the broker's what-if says the order adds, when it adds some: an order that shrinks
   * positions but adds margin (selling a spread's protective wing) does not only reduce.
   */
  marginAdded?: number;
}

export type WhatIfOutcome =
  | { kind: 'impact'; impact: MarginImpact; source: 'broker' | 'local' }
  | { kind: 'failed'; reason: string }
  | { kind: 'not-run' };

export interface GateContext {
  ticket: OrderTicket;
  /** Null when a leg could not be resolved (see unresolved). */
  order: OrderRequest | null;
  legs: GateLeg[];
  unresolved: Array<{ key: string; reason: string }>;
  connection: ConnectionState;
  settings: { ok: true; settings: Settings } | { ok: false; problems: string[] };
  trading: TradingState;
  now: number;
  quoteMaxAgeMs: number;
  /** Max |position| per instrument in the current regime (risk matrix). */
  maxContractsPerPosition: number;
  regime: string;
  reduce: ReduceAnalysis;
  /** Fingerprints and times of orders sent recently (newest last). */
  recentSends: ReadonlyArray<{ fingerprint: string; time: number }>;
  fingerprint: string;
  /** Combo prices per unit in the order's direction (see prices.ts). */
  prices: { mid: number | null; natural: number | null; tick: number };
  /** Null on the fast re-check at submit (the review's projection stands). */
  projection: Projection | null;
  projectionError: string | null;
  whatIf: WhatIfOutcome;
  account: { netLiquidation: number | null; excessLiquidity: number | null };
  cushionMin: number;
  /** The daily drawdown guard has put the book into reduce-only. */
  drawdownBreached: boolean;
}

export type Details = Record<string, string | number | boolean>;

export type CheckResult =
  | { outcome: 'pass'; message: string; details?: Details }
  | { outcome: 'skip'; message: string }
  | { outcome: 'warn' | 'deny'; code: GateCode; message: string; details?: Details };

export interface GateCheck {
  name: string;
  /** Fast checks run again at submit; slow ones (projection, what-if) only at review. */
  fast: boolean;
  run(ctx: GateContext): CheckResult;
}

export const pass = (message: string, details?: Details): CheckResult =>
  details ? { outcome: 'pass', message, details } : { outcome: 'pass', message };
export const deny = (code: GateCode, message: string, details?: Details): CheckResult => ({
  outcome: 'deny',
  code,
  message,
  ...(details ? { details } : {}),
});
export const warn = (code: GateCode, message: string, details?: Details): CheckResult => ({
  outcome: 'warn',
  code,
  message,
  ...(details ? { details } : {}),
});
