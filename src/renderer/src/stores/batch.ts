/**
 * Stream events are buffered here between flushes and applied to the store as one batch, so a
 * busy book re-renders at most ~10 times a second however often the core publishes.
 */
import type { AccountSummary, ConnectionState } from '@shared/domain/account';
import type { Quote, QuotesUpdate } from '@shared/domain/market';
import type { PositionsUpdate } from '@shared/domain/positions';
import type { RiskFrame } from '@shared/domain/risk';
import type { SimStatus } from '@shared/domain/sim';
import { estimateSkew, type ClockState } from './clock';
import { applyPositionsUpdates, type PositionsState } from './positions';
import { applyQuotes, type QuotesState } from './quotes';
import { applyRiskFrame, type RiskState } from './risk';

export interface StreamBatch {
  connection: ConnectionState | null;
  account: AccountSummary | null;
  sim: SimStatus | null;
  positions: PositionsUpdate[];
  quotes: Map<string, Quote>;
  quotesAsOf: number | null;
  /** The last risk frame of the batch (each frame is complete: the latest wins). */
  risk: RiskFrame | null;
  /** Latest `asOf` seen and the local time it arrived, for the skew estimate. */
  latestAsOf: { asOf: number; receivedAt: number } | null;
  events: number;
}

export function emptyBatch(): StreamBatch {
  return {
    connection: null,
    account: null,
    sim: null,
    positions: [],
    quotes: new Map(),
    quotesAsOf: null,
    risk: null,
    latestAsOf: null,
    events: 0,
  };
}

/** Collects events until `take()`; the latest value wins for everything but positions. */
export class StreamBuffer {
  private batch = emptyBatch();

  connection(c: ConnectionState): void {
    this.batch.connection = c;
    this.batch.events++;
  }

  account(a: AccountSummary): void {
    this.batch.account = a;
    this.batch.events++;
  }

  sim(s: SimStatus): void {
    this.batch.sim = s;
    this.batch.events++;
  }

  positions(u: PositionsUpdate, receivedAt: number): void {
    this.batch.positions.push(u);
    this.sawAsOf(u.asOf, receivedAt);
    this.batch.events++;
  }

  quotes(u: QuotesUpdate, receivedAt: number): void {
    for (const q of u.quotes) this.batch.quotes.set(q.key, q);
    this.batch.quotesAsOf = u.asOf;
    this.sawAsOf(u.asOf, receivedAt);
    this.batch.events++;
  }

  risk(frame: RiskFrame, receivedAt: number): void {
    this.batch.risk = frame;
    this.sawAsOf(frame.asOf, receivedAt);
    this.batch.events++;
  }

  /** The events so far, or null when there were none; the buffer starts empty again. */
  take(): StreamBatch | null {
    if (this.batch.events === 0) return null;
    const b = this.batch;
    this.batch = emptyBatch();
    return b;
  }

  private sawAsOf(asOf: number, receivedAt: number): void {
    const prev = this.batch.latestAsOf;
    if (!prev || asOf >= prev.asOf) this.batch.latestAsOf = { asOf, receivedAt };
  }
}

export interface FedState {
  connection: ConnectionState | null;
  account: AccountSummary | null;
  sim: SimStatus | null;
  positions: PositionsState;
  quotes: QuotesState;
  risk: RiskState;
  clock: ClockState;
}

/** The store changes one batch makes (pure); slices without news keep their identity. */
export function applyBatch(state: FedState, b: StreamBatch, now: number): Partial<FedState> {
  const out: Partial<FedState> = {};
  if (b.connection) out.connection = b.connection;
  if (b.account) out.account = b.account;
  if (b.sim) out.sim = b.sim;
  if (b.positions.length > 0) out.positions = applyPositionsUpdates(state.positions, b.positions);
  if (b.quotes.size > 0 || b.quotesAsOf !== null) {
    out.quotes = applyQuotes(state.quotes, b.quotes.values(), b.quotesAsOf);
  }
  if (b.risk) out.risk = applyRiskFrame(state.risk, b.risk);
  const skewMs = b.latestAsOf
    ? estimateSkew(b.latestAsOf.asOf, b.latestAsOf.receivedAt)
    : state.clock.skewMs;
  out.clock = { now, skewMs, lastEventAt: now };
  return out;
}
