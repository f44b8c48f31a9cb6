/**
 * Gathers what the gate checks see, at one instant: resolved legs with their freshest quotes,
 * what is held, the projection of the book with the trade, the broker's what-if margin, the
 * settings and the trading state. Only the broker's read side is used here.
 */
import { isOption, type Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { OrderTicket, TradingState } from '@shared/domain/order-ticket';
import type { MarginImpact, OrderRequest } from '@shared/domain/orders';
import type { BrokerView } from '../broker/read-only';
import type { MarketCache } from '../market/market-cache';
import type { MarketDataSubscriptions } from '../market/subscriptions';
import { positionId } from '../market/positions-view';
import type { ProposedLeg } from '../risk/engine/projection';
import { projectTrade, type Projection } from '../risk/engine/projection';
import type { ProjectionInputs } from '../risk/live/risk-service';
import type { SettingsRead } from '../settings/settings-service';
import {
  comboPrices,
  comboTick,
  legChanges,
  orderFingerprint,
  reduceAnalysis,
} from './gate/order-facts';
import type { GateContext, GateLeg, ReduceAnalysis, WhatIfOutcome } from './gate/types';

export interface GateInputDeps {
  broker: BrokerView;
  cache: Pick<MarketCache, 'quote' | 'account' | 'connection' | 'optionGreeks'>;
  holds: Pick<MarketDataSubscriptions, 'hold' | 'awaitQuotes'>;
  projection(): ProjectionInputs;
  settings(): SettingsRead;
  trading(): { state: TradingState; drawdownBreached: boolean };
  recentSends(): ReadonlyArray<{ fingerprint: string; time: number }>;
  /**
   * The signed change still to come on an instrument from orders already working (their
   * unfilled remainder): a second close of the same short must not count as reducing it.
   */
  working?(key: string): number;
  now(): number;
  quoteMaxAgeMs: number;
  /** How long a review waits for a leg's first two-sided quote. */
  quoteWaitMs: number;
  /** How long the legs stay on market data after a review (the ticket asks again). */
  holdMs: number;
}

/** The account an order goes to: the ticket's, else the connected one, else the first managed. */
export function orderAccount(broker: BrokerView, ticket: OrderTicket): string | undefined {
  return (
    ticket.account ?? broker.connectionState().account ?? broker.managedAccounts()[0] ?? undefined
  );
}

/**
 * One reading of single-leg orders everywhere: the leg is bought and the order's side says
 * what is done. `SELL 1 × [SELL x] at p` is, in IB's combo terms, buying x at −p; it becomes
 * `BUY 1 × [BUY x] at −p` (a positive price for a buy that makes no sense is then refused by
 * the gate, never sent as a buy at +p).
 */
export function normalizeTicket(t: OrderTicket): OrderTicket {
  const leg = t.legs[0];
  if (t.legs.length !== 1 || !leg || leg.action === 'BUY') return t;
  const neg = (x: number) => (x === 0 ? 0 : -x);
  return {
    ...t,
    action: t.action === 'BUY' ? 'SELL' : 'BUY',
    ...(t.limitPrice !== undefined ? { limitPrice: neg(t.limitPrice) } : {}),
    legs: [{ ...leg, action: 'BUY' }],
    ...(t.execution?.kind === 'walk'
      ? { execution: { kind: 'walk' as const, worstPrice: neg(t.execution.worstPrice) } }
      : {}),
  };
}

export function orderRequest(
  ticket: OrderTicket,
  instruments: readonly Instrument[],
  account: string | undefined,
  clientRef: string,
): OrderRequest {
  return {
    ...(account ? { account } : {}),
    action: ticket.action,
    quantity: ticket.quantity,
    orderType: ticket.orderType,
    ...(ticket.limitPrice !== undefined ? { limitPrice: ticket.limitPrice } : {}),
    tif: ticket.tif,
    legs: ticket.legs.map((l, i) => ({
      instrument: instruments[i]!,
      action: l.action,
      ratio: l.ratio,
    })),
    orderRef: clientRef,
  };
}

/** Holds the legs on market data and waits (a little) for a fresh two-sided quote on each. */
export async function freshQuotes(
  d: GateInputDeps,
  order: OrderRequest,
  waitMs: number,
): Promise<Array<Quote | null>> {
  const instruments = order.legs.map((l) => l.instrument);
  d.holds.hold(instruments, d.holdMs);
  const now = d.now();
  const fresh = (q: Quote) =>
    q.bid !== null && q.ask !== null && q.ask >= q.bid && now - q.time <= d.quoteMaxAgeMs;
  const got = await d.holds.awaitQuotes(
    instruments.map((i) => i.key),
    waitMs,
    fresh,
  );
  return instruments.map((i) => got.get(i.key) ?? d.cache.quote(i.key) ?? null);
}

function heldIn(broker: BrokerView, account: string | undefined, key: string): number {
  return broker
    .positions()
    .filter((p) => p.instrument.key === key && (account === undefined || p.account === account))
    .reduce((s, p) => s + p.quantity, 0);
}

export interface ProjectionResult {
  projection: Projection | null;
  error: string | null;
  inputs: ProjectionInputs;
}

/** The book with the trade added; a leg on a held line nets against it. */
export function projectOrder(
  inputs: ProjectionInputs,
  order: OrderRequest,
  changes: readonly number[],
): ProjectionResult {
  try {
    const underlyings = new Map(inputs.book.underlyings);
    const legs: ProposedLeg[] = order.legs.map((leg, i) => {
      const id = positionId({
        account: order.account ?? '',
        instrument: leg.instrument,
        quantity: 0,
        avgPrice: 0,
      });
      const { line, underlying } = inputs.line(leg.instrument, changes[i] ?? 0, id);
      if (!underlyings.has(underlying.symbol)) underlyings.set(underlying.symbol, underlying);
      return line;
    });
    const book = { ...inputs.book, underlyings };
    const projection = projectTrade(
      book,
      legs,
      inputs.config,
      inputs.regime,
      inputs.pricer,
      inputs.evaluated ?? undefined,
    );
    return { projection, error: null, inputs };
  } catch (e) {
    return { projection: null, error: e instanceof Error ? e.message : String(e), inputs };
  }
}

/** Below a dollar a what-if's margin change is rounding, not margin. */
const MARGIN_NOISE = 1;

/**
 * The reduce analysis once the broker's what-if is in: shrinking positions while adding margin
 * (selling a spread's long wing, closing a hedge) is not "only reduces", so every limit, the
 * cushion and reduce-only apply to it. Without a what-if the positions alone decide, so a
 * trader can still get out when the broker cannot answer.
 */
export function withMargin(reduce: ReduceAnalysis, whatIf: WhatIfOutcome): ReduceAnalysis {
  if (!reduce.reduces || whatIf.kind !== 'impact') return reduce;
  const added = Math.max(whatIf.impact.maintMarginChange, whatIf.impact.initMarginChange);
  return added > MARGIN_NOISE ? { ...reduce, reduces: false, marginAdded: added } : reduce;
}

export async function runWhatIf(
  whatIf: (o: OrderRequest) => Promise<MarginImpact>,
  order: OrderRequest,
  connected: boolean,
): Promise<WhatIfOutcome> {
  if (!connected) return { kind: 'failed', reason: 'the broker is not connected' };
  try {
    return { kind: 'impact', impact: await whatIf(order), source: 'broker' };
  } catch (e) {
    return { kind: 'failed', reason: e instanceof Error ? e.message : String(e) };
  }
}

export interface ContextParts {
  ticket: OrderTicket;
  order: OrderRequest;
  quotes: ReadonlyArray<Quote | null>;
  projection: ProjectionResult | null;
  whatIf: WhatIfOutcome;
  /** Inputs already built for this review (building them walks the whole book). */
  inputs?: ProjectionInputs;
}

/** The gate's view; `projection` null is the submit-time fast re-check. */
export function gateContext(d: GateInputDeps, parts: ContextParts): GateContext {
  const { order, quotes, ticket } = parts;
  const inputs = parts.projection?.inputs ?? parts.inputs ?? d.projection();
  const changes = legChanges(order);
  const held = order.legs.map(
    (l) => heldIn(d.broker, order.account, l.instrument.key) + (d.working?.(l.instrument.key) ?? 0),
  );
  const legs: GateLeg[] = order.legs.map((l, i) => {
    const quote = quotes[i] ?? null;
    const line = inputs.line(l.instrument, changes[i] ?? 0, 'gate');
    return {
      instrument: l.instrument,
      action: l.action,
      ratio: l.ratio,
      quote,
      underlyingPrice: isOption(l.instrument) ? line.line.underlyingPrice : (quote?.mark ?? null),
      change: changes[i] ?? 0,
      held: held[i] ?? 0,
    };
  });
  const prices = comboPrices(order, quotes);
  const account = d.cache.account();
  const trading = d.trading();
  return {
    ticket,
    order,
    legs,
    unresolved: [],
    connection: d.cache.connection(),
    settings: d.settings(),
    trading: trading.state,
    now: d.now(),
    quoteMaxAgeMs: d.quoteMaxAgeMs,
    maxContractsPerPosition: inputs.config.maxContracts,
    regime: inputs.regime?.name ?? 'neutral',
    reduce: reduceAnalysis(changes, held),
    recentSends: d.recentSends(),
    fingerprint: orderFingerprint(order),
    prices: { mid: prices.mid, natural: prices.natural, tick: comboTick(order, prices.mid) },
    projection: parts.projection?.projection ?? null,
    projectionError: parts.projection?.error ?? null,
    whatIf: parts.whatIf,
    account: {
      netLiquidation: account?.netLiquidation ?? null,
      excessLiquidity: account?.excessLiquidity ?? null,
    },
    cushionMin: inputs.config.marginCushionMin,
    drawdownBreached: trading.drawdownBreached,
  };
}
