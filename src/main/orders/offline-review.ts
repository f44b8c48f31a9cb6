/**
 * The order gate without a broker, for `npm run risk -- book.json --proposed legs.json`. The
 * proposed legs become one order at their combo mid; the file's prices stand for fresh
 * two-sided quotes at the valuation time; the projection is the file's own; and the broker's
 * what-if is replaced by the local margin model (the simulator's Reg-T approximation), so the
 * cushion moves with the trade. Checks that need a session (live opt-in, duplicates, order
 * rate) see a simulated account with nothing sent, so they pass: the CLI answers "would the
 * gate let this trade through", not "may it be sent now".
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { MarginImpact, OrderRequest } from '@shared/domain/orders';
import type { RiskFrame } from '@shared/domain/risk';
import type { Settings } from '@shared/domain/settings';
import { marginRequirement, type MarginLine } from '../broker/sim/margin';
import type { RiskBook, RiskPosition } from '../risk/engine/book';
import type { CheckConfig } from '../risk/engine/check-config';
import { combine, type Violation } from '../risk/engine/projection';
import {
  comboPrices,
  comboTick,
  legChanges,
  orderFingerprint,
  reduceAnalysis,
} from './gate/order-facts';
import { runGate, type GateResult } from './gate/pipeline';
import type { GateContext, GateLeg } from './gate/types';

export interface OfflineInputs {
  book: RiskBook;
  /** The proposed legs as position lines: quantity is the signed change. */
  legs: readonly RiskPosition[];
  config: CheckConfig;
  frame: RiskFrame;
  projected: RiskFrame;
  violations: Violation[];
}

export interface OfflineReview extends GateResult {
  order: OrderRequest;
  margin: MarginImpact;
}

const keyOf = (p: RiskPosition) => p.id.slice(p.id.indexOf('|') + 1);

function instrumentOf(p: RiskPosition): Instrument {
  return {
    key: keyOf(p),
    symbol: p.underlying,
    secType: p.secType,
    currency: 'USD',
    multiplier: p.multiplier,
    exchange: '',
    description: p.description,
    ...(p.expiry !== null ? { expiry: p.expiry } : {}),
    ...(p.option
      ? { strike: p.option.strike, right: p.option.right, exercise: p.option.exercise }
      : {}),
    ...(p.settlement ? { settlement: p.settlement } : {}),
  };
}

/** The file's mark as a two-sided quote at the valuation time (null: the file gives no price). */
function quoteOf(p: RiskPosition, time: number): Quote | null {
  const px = p.price;
  if (px === null) return null;
  return {
    key: keyOf(p),
    bid: px,
    ask: px,
    last: px,
    mark: px,
    bidSize: null,
    askSize: null,
    delayed: false,
    time,
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** One leg: BUY or SELL it. Several: BUY the combo with each leg's own sign and ratio. */
function orderOf(legs: readonly RiskPosition[]): Omit<OrderRequest, 'limitPrice'> {
  const sizes = legs.map((l) => Math.abs(l.quantity));
  if (!sizes.every((s) => Number.isInteger(s))) {
    throw new Error('proposed: quantities must be whole contracts (or shares) to be an order');
  }
  const unit = sizes.reduce(gcd);
  const single = legs.length === 1;
  return {
    action: single && legs[0]!.quantity < 0 ? 'SELL' : 'BUY',
    quantity: unit,
    orderType: 'LMT',
    tif: 'DAY',
    legs: legs.map((l) => ({
      instrument: instrumentOf(l),
      action: single || l.quantity > 0 ? 'BUY' : 'SELL',
      ratio: Math.abs(l.quantity) / unit,
    })),
  };
}

function marginLines(positions: readonly RiskPosition[]): MarginLine[] {
  return positions.flatMap((p) =>
    p.price === null || p.underlyingPrice === null
      ? []
      : [
          {
            instrument: instrumentOf(p),
            quantity: p.quantity,
            price: p.price,
            underlyingPrice: p.underlyingPrice,
          },
        ],
  );
}

/**
 * The local margin model's change, applied to the broker's figures when the file gives them:
 * maintenance before = NLV − excess liquidity, after = that plus the model's change.
 */
export function localWhatIf(book: RiskBook, legs: readonly RiskPosition[]): MarginImpact {
  const before = marginRequirement(marginLines(book.positions));
  const after = marginRequirement(marginLines(combine(book, legs).positions));
  const { netLiquidation: nlv, excessLiquidity: excess } = book.account;
  const maintBefore = nlv !== null && excess !== null ? nlv - excess : before.maint;
  const initBefore = maintBefore + (before.init - before.maint);
  const round = (x: number) => Math.round(x * 100) / 100;
  const maintChange = round(after.maint - before.maint);
  const initChange = round(after.init - before.init);
  return {
    initMarginBefore: round(initBefore),
    maintMarginBefore: round(maintBefore),
    initMarginAfter: round(initBefore + initChange),
    maintMarginAfter: round(maintBefore + maintChange),
    initMarginChange: initChange,
    maintMarginChange: maintChange,
    equityWithLoanBefore: nlv ?? 0,
    equityWithLoanAfter: nlv ?? 0,
    commission: null,
    warning: null,
  };
}

export function reviewOffline(x: OfflineInputs, settings: Settings): OfflineReview {
  const time = x.book.valuationTime;
  const draft = orderOf(x.legs);
  const quotes = x.legs.map((l) => quoteOf(l, time));
  const prices = comboPrices({ ...draft, limitPrice: 0 }, quotes);
  const order: OrderRequest = { ...draft, limitPrice: prices.mid ?? 0 };
  const changes = legChanges(order);
  const heldById = new Map(x.book.positions.map((p) => [p.id, p.quantity]));
  const held = x.legs.map((l) => heldById.get(l.id) ?? 0);
  const legs: GateLeg[] = order.legs.map((l, i) => ({
    instrument: l.instrument,
    action: l.action,
    ratio: l.ratio,
    quote: quotes[i] ?? null,
    underlyingPrice: x.legs[i]!.underlyingPrice,
    change: changes[i] ?? 0,
    held: held[i] ?? 0,
  }));
  const margin = localWhatIf(x.book, x.legs);
  const ctx: GateContext = {
    ticket: { ...order, limitPrice: order.limitPrice!, legs: order.legs },
    order,
    legs,
    unresolved: [],
    connection: {
      broker: 'sim',
      status: 'connected',
      reason: 'book file',
      account: null,
      mode: 'simulated',
      serverVersion: null,
      since: time,
    },
    settings: { ok: true, settings },
    trading: { state: 'active', reason: 'book file', source: 'startup', since: time },
    now: time,
    quoteMaxAgeMs: 1,
    maxContractsPerPosition: x.config.maxContracts,
    regime: x.frame.regime.name,
    reduce: reduceAnalysis(changes, held),
    recentSends: [],
    fingerprint: orderFingerprint(order),
    prices: { mid: prices.mid, natural: prices.natural, tick: comboTick(order, prices.mid) },
    projection: { current: x.frame, projected: x.projected, violations: x.violations },
    projectionError: null,
    whatIf: { kind: 'impact', impact: margin, source: 'local' },
    account: {
      netLiquidation: x.book.account.netLiquidation,
      excessLiquidity: x.book.account.excessLiquidity,
    },
    cushionMin: x.config.marginCushionMin,
    drawdownBreached: x.frame.lights.some((l) => l.code === 'DAILY_DRAWDOWN' && l.light === 'red'),
  };
  return { ...runGate(ctx, 'all'), order, margin };
}
