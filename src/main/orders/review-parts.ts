/**
 * Pieces of a review the order service assembles: the trade's own Greeks and light changes
 * from the projection, the cushion before and after, the far price, and plain words.
 */
import { randomUUID } from 'node:crypto';
import type { LightChange, OrderTicket, Review, TradeGreeks } from '@shared/domain/order-ticket';
import type { Quote } from '@shared/domain/market';
import type { OrderRequest } from '@shared/domain/orders';
import type { RiskFrame } from '@shared/domain/risk';
import { newYorkDate, newYorkWallTime, weekday } from '@shared/domain/time';
import type { Projection } from '../risk/engine/projection';
import type { GateResult } from './gate/pipeline';
import type { GateContext } from './gate/types';

/** 09:30–16:00 New York on a weekday (exchange holidays are not modelled: the walk then waits on an order that cannot fill). */
export function inRegularHours(now: number): boolean {
  const day = weekday(newYorkDate(now));
  if (day === 0 || day === 6) return false;
  const t = newYorkWallTime(now);
  const minutes = t.hour * 60 + t.minute;
  return minutes >= 9 * 60 + 30 && minutes < 16 * 60;
}

export function tokenWords(code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_USED'): string {
  return {
    TOKEN_INVALID: 'This confirmation is not one Bulwark issued: review the order again.',
    TOKEN_EXPIRED: 'The confirmation expired: review the order again to see current prices.',
    TOKEN_USED: 'This confirmation was already used: the order was sent once.',
  }[code];
}

export function ticketOf(o: OrderRequest): OrderTicket {
  return {
    ...(o.account ? { account: o.account } : {}),
    action: o.action,
    quantity: o.quantity,
    orderType: o.orderType,
    ...(o.limitPrice !== undefined ? { limitPrice: o.limitPrice } : {}),
    tif: o.tif,
    legs: o.legs.map((l) => ({ instrument: l.instrument, action: l.action, ratio: l.ratio })),
  };
}

export function midOf(q: { bid: number | null; ask: number | null } | null): number | null {
  return q && q.bid !== null && q.ask !== null && q.ask >= q.bid ? (q.bid + q.ask) / 2 : null;
}

export function comboPricesOf(ctx: GateContext): {
  natural: number | null;
  mid: number | null;
  far: number | null;
} {
  const { mid, natural } = ctx.prices;
  const far = mid !== null && natural !== null ? Math.round((2 * mid - natural) * 1e6) / 1e6 : null;
  return { natural, mid, far };
}

const diff = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : b - a;

export function tradeGreeks(before?: RiskFrame, after?: RiskFrame): TradeGreeks | null {
  if (!before || !after) return null;
  const a = before.totals;
  const b = after.totals;
  return {
    delta: diff(a.deltaDollars, b.deltaDollars),
    betaDelta: diff(a.betaDeltaDollars, b.betaDeltaDollars),
    gamma: diff(a.gamma, b.gamma),
    theta: diff(a.theta, b.theta),
    vega: diff(a.vega, b.vega),
  };
}

export function lightChanges(before?: RiskFrame, after?: RiskFrame): LightChange[] {
  if (!after) return [];
  return after.lights.map((l) => {
    const b = before?.lights.find((x) => x.code === l.code) ?? null;
    return {
      code: l.code,
      name: l.name,
      before: b?.light ?? null,
      after: l.light,
      beforeUtilization: b?.utilization ?? null,
      afterUtilization: l.utilization,
      explanation: l.explanation,
    };
  });
}

export function cushionOf(ctx: GateContext): Review['cushion'] {
  const nlv = ctx.account.netLiquidation;
  const before =
    nlv && nlv > 0 && ctx.account.excessLiquidity !== null
      ? ctx.account.excessLiquidity / nlv
      : null;
  let after: number | null = null;
  if (ctx.whatIf.kind === 'impact' && nlv && nlv > 0) {
    const i = ctx.whatIf.impact;
    after = (i.equityWithLoanAfter - i.maintMarginAfter) / nlv;
  }
  return { before, after, min: ctx.cushionMin };
}

export interface ReviewParts {
  clientRef: string;
  gate: GateResult;
  ctx: GateContext;
  ticket: OrderTicket;
  order: OrderRequest;
  quotes: ReadonlyArray<Quote | null>;
  projection: Projection | null;
  greeks(key: string): { delta: number | null; iv: number | null } | undefined;
  now: number;
}

/** What the trader reads: the gate's verdict with everything it was based on (no token yet). */
export function buildReview(p: ReviewParts): Review {
  const { ctx, gate, ticket, projection, whatIf } = { ...p, whatIf: p.ctx.whatIf };
  return {
    reviewId: randomUUID(),
    clientRef: p.clientRef,
    decision: gate.decision,
    denials: gate.denials,
    warnings: gate.warnings,
    checks: gate.checks,
    confirmToken: null,
    expiresAt: null,
    order: p.order,
    strategy: ticket.strategy ?? null,
    rationale: ticket.rationale ?? null,
    execution: ticket.execution ?? { kind: 'limit' },
    reducesRisk: ctx.reduce.reduces,
    legs: ctx.legs.map((l, i) => ({
      instrument: l.instrument,
      action: l.action,
      ratio: l.ratio,
      bid: l.quote?.bid ?? null,
      ask: l.quote?.ask ?? null,
      mid: midOf(l.quote),
      delta: p.greeks(l.instrument.key)?.delta ?? null,
      iv: p.greeks(l.instrument.key)?.iv ?? null,
      quoteTime: p.quotes[i]?.time ?? null,
    })),
    prices: { ...comboPricesOf(ctx), tick: ctx.prices.tick },
    tradeGreeks: tradeGreeks(projection?.current, projection?.projected),
    lights: lightChanges(projection?.current, projection?.projected),
    whatIf: whatIf.kind === 'impact' ? whatIf.impact : null,
    whatIfSource: whatIf.kind === 'impact' ? whatIf.source : null,
    cushion: cushionOf(ctx),
    tradingState: ctx.trading,
    createdAt: p.now,
  };
}
