/**
 * The only way an order reaches the broker. preview runs the whole gate and, unless denied,
 * issues a single-use token bound to exactly that order; submit redeems it, runs the fast
 * checks again on fresh quotes, state and settings, and only then calls placeOrder. Sends are
 * serialised so the rate and duplicate checks see every earlier send.
 */
import { ApiFailure } from '@shared/api/errors';
import type { Instrument } from '@shared/domain/instrument';
import type { OrderEvent, OrderRecord, OrderTicket, Review } from '@shared/domain/order-ticket';
import type { OrderRequest } from '@shared/domain/orders';
import type { RiskFrame } from '@shared/domain/risk';
import type { Timers } from '@shared/util/timers';
import type { BrokerPort } from '../broker/port';
import { readOnlyBroker } from '../broker/read-only';
import { errorMessage, type Logger } from '../util/logger';
import { ConfirmTokens } from './confirm-tokens';
import { DecisionLog, gateDecision } from './decision-log';
import { quoteProblem } from './gate/checks-order';
import { runGate } from './gate/pipeline';
import type { GateContext, WhatIfOutcome } from './gate/types';
import {
  freshQuotes,
  gateContext,
  normalizeTicket,
  orderAccount,
  orderRequest,
  projectOrder,
  runWhatIf,
  withMargin,
  type GateInputDeps,
} from './gate-inputs';
import { LegResolver } from './leg-resolver';
import { isEnded, OrderTracker } from './order-tracker';
import { TradingStateMachine } from './trading-state';
import { WalkingLimits } from './walking-limit';
import { buildReview, inRegularHours, ticketOf, tokenWords } from './review-parts';
import { comboPrices, comboTick } from './gate/order-facts';

export type OrderServiceDeps = Omit<GateInputDeps, 'broker' | 'trading' | 'recentSends'> & {
  /** The full port: this service is the one place allowed to place, modify and cancel. */
  broker: BrokerPort;
  /** Times the walking limit's steps. */
  clock: Timers;
  log: Logger;
  publish(e: OrderEvent): void;
};

interface Pending {
  order: OrderRequest;
  ticket: OrderTicket;
  review: Review;
}

const RECENT_SENDS = 500;

export class OrderService {
  readonly trading: TradingStateMachine;
  private readonly tracker: OrderTracker;
  private readonly tokens: ConfirmTokens<Pending>;
  private readonly resolver: LegResolver;
  private readonly inputs: GateInputDeps;
  readonly walks: WalkingLimits;
  /** Every review and submit decision of the session (the journal's source). */
  readonly decisions = new DecisionLog();
  private readonly sends: Array<{ fingerprint: string; time: number }> = [];
  /** Per sent order, whether its review found that it only reduces (modify re-checks on it). */
  private readonly reducing = new Map<number, boolean>();
  private sending: Promise<unknown> = Promise.resolve();
  private refs = 0;

  constructor(private readonly d: OrderServiceDeps) {
    const view = readOnlyBroker(d.broker);
    this.trading = new TradingStateMachine(d.now);
    this.tokens = new ConfirmTokens<Pending>({ now: d.now });
    this.resolver = new LegResolver(view, d.now);
    this.tracker = new OrderTracker(d.broker.events, (e) => d.publish(e), d.now, d.log);
    this.walks = new WalkingLimits({
      clock: d.clock,
      log: d.log,
      record: (id) => this.tracker.get(id),
      setWalk: (id, w) => this.tracker.setWalk(id, w),
      modify: async (id, price) => {
        await d.broker.modifyOrder(id, { limitPrice: price });
        this.tracker.setLimit(id, price);
      },
      cancel: (id) => d.broker.cancelOrder(id),
      natural: (r) =>
        comboPrices(
          r.request,
          r.request.legs.map((l) => d.cache.quote(l.instrument.key) ?? null),
        ).natural,
      tick: (r) => comboTick(r.request, r.request.limitPrice ?? null),
      inRegularHours,
      hold: (r) => this.walkHold(r),
    });
    this.inputs = {
      ...d,
      broker: view,
      trading: () => ({
        state: this.trading.current(),
        drawdownBreached: this.trading.isDrawdownBreached,
      }),
      recentSends: () => this.sends,
      working: (key) => this.tracker.remainingChange(key),
    };
  }

  /** Whether a walking limit may take its next step now. */
  private walkHold(r: OrderRecord): { kind: 'stop' | 'pause'; why: string } | null {
    const state = this.trading.current();
    if (state.state === 'halted') return { kind: 'stop', why: `trading halted (${state.reason})` };
    const reduceOnly = state.state === 'reduce-only' || this.trading.isDrawdownBreached;
    if (reduceOnly && !this.reducing.get(r.orderId))
      return { kind: 'stop', why: 'reduce-only, and this order opens risk' };
    const now = this.d.now();
    for (const l of r.request.legs) {
      const q = this.d.cache.quote(l.instrument.key) ?? null;
      const problem = quoteProblem(q, now, this.d.quoteMaxAgeMs);
      if (problem) return { kind: 'pause', why: `${l.instrument.description}: ${problem}` };
    }
    return null;
  }

  stop(): void {
    this.walks.stopAll();
    this.tracker.stop();
  }

  /** Every risk frame: a red daily-drawdown light puts an active book into reduce-only. */
  observeFrame(frame: RiskFrame): void {
    const dd = frame.lights.find((l) => l.code === 'DAILY_DRAWDOWN');
    if (dd) this.trading.observeDrawdownLight(dd.light, dd.explanation);
  }

  async preview(asGiven: OrderTicket): Promise<Review> {
    const ticket = normalizeTicket(asGiven);
    const instruments = await this.resolveLegs(ticket);
    const clientRef = this.nextRef();
    const order = orderRequest(
      ticket,
      instruments,
      orderAccount(this.inputs.broker, ticket),
      clientRef,
    );
    const quotes = await freshQuotes(this.inputs, order, this.d.quoteWaitMs);
    const projectionInputs = this.d.projection();
    const ctx0 = gateContext(this.inputs, {
      ticket,
      order,
      quotes,
      projection: null,
      whatIf: { kind: 'not-run' },
      inputs: projectionInputs,
    });
    const projection = projectOrder(
      projectionInputs,
      order,
      ctx0.legs.map((l) => l.change),
    );
    const connected = this.d.cache.connection().status === 'connected';
    // An order the fast checks already refuse is not shown to the broker at all, not even
    // as a what-if: nothing of a denied order goes on the wire.
    const fastDenied = runGate(ctx0, 'fast').decision === 'denied';
    const whatIf: WhatIfOutcome = fastDenied
      ? { kind: 'not-run' }
      : await runWhatIf((o) => this.d.broker.whatIf(o), order, connected);
    const ctx = {
      ...ctx0,
      reduce: withMargin(ctx0.reduce, whatIf),
      projection: projection.projection,
      projectionError: projection.error,
      whatIf,
    };
    const gate = runGate(ctx, 'all');
    const settings = ctx.settings.ok ? ctx.settings.settings : null;
    const review = buildReview({
      clientRef,
      gate,
      ctx,
      ticket,
      order,
      quotes,
      projection: projection.projection,
      greeks: (key) => this.d.cache.optionGreeks(key),
      now: this.d.now(),
    });
    if (gate.decision !== 'denied' && settings) {
      const { token, expiresAt } = this.tokens.issue(
        { order, ticket, review },
        settings.orders.confirmTimeoutSeconds * 1000,
      );
      review.confirmToken = token;
      review.expiresAt = expiresAt;
    }
    this.decisions.record(gateDecision('review', review.createdAt, review, order, gate));
    this.d.log.info('order reviewed', {
      clientRef,
      decision: gate.decision,
      denials: gate.denials.map((x) => x.code).join(','),
    });
    return review;
  }

  /** Redeems the token, re-checks fast, sends. One send at a time. */
  submit(confirmToken: string): Promise<{ orderId: number }> {
    const run = this.sending.then(() => this.sendOnce(confirmToken));
    this.sending = run.catch(() => undefined);
    return run;
  }

  async cancel(orderId: number): Promise<OrderRecord> {
    const r = this.known(orderId);
    // Already filled, cancelled, rejected or inactive: nothing to cancel, nothing sent.
    if (isEnded(r.status)) return r;
    this.walks.end(orderId, 'cancelled by the trader');
    try {
      await this.d.broker.cancelOrder(orderId);
    } catch (e) {
      throw new ApiFailure('ORDER_REJECTED', `The broker refused the cancel: ${errorMessage(e)}`);
    }
    return this.tracker.get(orderId) ?? r;
  }

  async modify(orderId: number, limitPrice: number): Promise<OrderRecord> {
    const r = this.known(orderId);
    if (r.status !== 'working' && r.status !== 'partially-filled' && r.status !== 'sent') {
      throw new ApiFailure('ORDER_DENIED', `Order ${orderId} is ${r.status}: nothing to modify.`);
    }
    const ticket = { ...ticketOf(r.request), limitPrice };
    const order = { ...r.request, limitPrice };
    // The order's own remainder is what is being changed: it must not count against itself.
    const inputs = {
      ...this.inputs,
      working: (k: string) => this.tracker.remainingChange(k, orderId),
    };
    const quotes = await freshQuotes(inputs, order, this.d.quoteWaitMs);
    const fresh = gateContext(inputs, {
      ticket,
      order,
      quotes,
      projection: null,
      whatIf: { kind: 'not-run' },
    });
    const ctx = keepVerdict(fresh, this.reducing.get(orderId) ?? false);
    // A new price is a new decision: every fast check applies (trading state, live opt-in,
    // collar, data, shape), except those about sending a new order (duplicate, rate).
    const gate = runGate({ ...ctx, recentSends: [] }, 'fast');
    const blocking = gate.denials.filter(
      (x) => !['DUPLICATE_ORDER', 'ORDER_RATE'].includes(x.code),
    );
    if (blocking.length > 0) {
      throw new ApiFailure('ORDER_DENIED', blocking.map((x) => x.message).join('; '), {
        codes: blocking.map((x) => x.code).join(','),
      });
    }
    this.walks.end(orderId, 'limit changed by the trader');
    try {
      await this.d.broker.modifyOrder(orderId, { limitPrice });
    } catch (e) {
      throw new ApiFailure('ORDER_REJECTED', `The broker refused the change: ${errorMessage(e)}`);
    }
    this.tracker.setLimit(orderId, limitPrice);
    return this.tracker.get(orderId) ?? r;
  }

  list(): OrderRecord[] {
    return this.tracker.list();
  }

  private async sendOnce(confirmToken: string): Promise<{ orderId: number }> {
    const redeemed = this.tokens.redeem(confirmToken);
    if (!redeemed.ok) throw new ApiFailure(redeemed.code, tokenWords(redeemed.code));
    const { order, ticket, review } = redeemed.payload;
    // Fresh quotes, state and settings: the fast checks again, at the instant of sending.
    const quotes = await freshQuotes(this.inputs, order, Math.min(this.d.quoteWaitMs, 500));
    const fresh = gateContext(this.inputs, {
      ticket,
      order,
      quotes,
      projection: null,
      whatIf: { kind: 'not-run' },
    });
    // What the review learnt from the what-if stands: an order that adds margin never becomes
    // "only reduces" at the re-check (e.g. when trading turned reduce-only in between).
    const ctx = keepVerdict(fresh, review.reducesRisk);
    if (review.reducesRisk && !fresh.reduce.reduces) {
      this.d.log.warn('order denied at submit', { clientRef: order.orderRef, codes: 'REVIEW' });
      throw new ApiFailure(
        'ORDER_DENIED',
        'Not sent: since the review, positions or working orders changed and this order no longer only reduces risk. Simulate again.',
        { codes: 'RISK_LIMIT' },
      );
    }
    const gate = runGate(ctx, 'fast');
    const decided = (orderId: number | null) =>
      this.decisions.record(gateDecision('submit', this.d.now(), review, order, gate, orderId));
    if (gate.decision === 'denied') {
      decided(null);
      this.d.log.warn('order denied at submit', {
        clientRef: order.orderRef,
        codes: gate.denials.map((x) => x.code).join(','),
      });
      throw new ApiFailure(
        'ORDER_DENIED',
        `Not sent: ${gate.denials.map((x) => x.message).join('; ')}`,
        { codes: gate.denials.map((x) => x.code).join(',') },
      );
    }
    let orderId: number;
    try {
      ({ orderId } = await this.d.broker.placeOrder(order));
    } catch (e) {
      throw new ApiFailure('ORDER_REJECTED', `The broker refused the order: ${errorMessage(e)}`);
    }
    decided(orderId);
    this.reducing.set(orderId, ctx.reduce.reduces);
    this.sends.push({ fingerprint: ctx.fingerprint, time: this.d.now() });
    if (this.sends.length > RECENT_SENDS) this.sends.shift();
    this.tracker.track(orderId, order, {
      clientRef: review.clientRef,
      strategy: review.strategy,
      rationale: review.rationale,
    });
    const settings = ctx.settings.ok ? ctx.settings.settings : null;
    if (ticket.execution?.kind === 'walk' && settings && order.limitPrice !== undefined) {
      this.walks.begin(
        orderId,
        order.limitPrice,
        ticket.execution.worstPrice,
        settings.orders.walk,
      );
    }
    this.d.log.info('order sent', { orderId, clientRef: review.clientRef });
    return { orderId };
  }

  private known(orderId: number): OrderRecord {
    const r = this.tracker.get(orderId);
    if (!r)
      throw new ApiFailure('ORDER_NOT_FOUND', `Bulwark sent no order ${orderId} this session.`);
    return r;
  }

  private async resolveLegs(ticket: OrderTicket): Promise<Instrument[]> {
    const resolved = await Promise.all(ticket.legs.map((l) => this.resolver.resolve(l)));
    const bad = resolved.filter((r) => !r.ok);
    if (bad.length === 0) return resolved.map((r) => (r.ok ? r.instrument : null!));
    if (this.d.cache.connection().status !== 'connected') {
      throw new ApiFailure(
        'BROKER_DISCONNECTED',
        'The broker is not connected: the legs cannot be looked up.',
      );
    }
    throw new ApiFailure(
      'UNKNOWN_INSTRUMENT',
      bad.map((r) => (r.ok ? '' : `${r.key}: ${r.reason}`)).join('; '),
    );
  }

  private nextRef(): string {
    this.refs += 1;
    return `BW-${this.d.now().toString(36)}-${this.refs}`;
  }
}

/**
 * A re-check on fresh data keeps the review's verdict that an order does not only reduce (the
 * what-if found it adds margin), whatever the positions alone now say.
 */
function keepVerdict(fresh: GateContext, reducedAtReview: boolean): GateContext {
  return reducedAtReview ? fresh : { ...fresh, reduce: { ...fresh.reduce, reduces: false } };
}
