/**
 * Builds a valid GateContext for the gate tests the way gate-inputs.ts does: an order (a SPX
 * iron condor, a single short put, an ES future or shares), its quotes and what is held, with
 * the shared facts (changes, reduce analysis, fingerprint, combo prices) derived from them.
 * Every default passes every check; a test changes one thing and expects one denial.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { OrderTicket, TicketLeg } from '@shared/domain/order-ticket';
import type { MarginImpact, OrderRequest } from '@shared/domain/orders';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsPatch,
} from '@shared/domain/settings';
import {
  comboPrices,
  comboTick,
  legChanges,
  orderFingerprint,
  reduceAnalysis,
} from '../../../src/main/orders/gate/order-facts';
import type { GateContext, GateLeg } from '../../../src/main/orders/gate/types';
import { simConnection } from '../../fakes/connection';
import { inst } from '../../fakes/instruments';

/** Friday 20 Nov 2026, 15:00 New York: four weeks before the Dec 18 expiry. */
export const NOW = Date.parse('2026-11-20T15:00:00-05:00');
export const EXPIRY = '2026-12-18';
export const SPX = 5900;

export const spxOption = (right: 'P' | 'C', strike: number): Instrument =>
  inst({
    secType: 'OPT',
    symbol: 'SPX',
    expiry: EXPIRY,
    right,
    strike,
    exercise: 'european',
    underlyingKey: 'IND:SPX',
  });
export const esFuture = inst({ secType: 'FUT', symbol: 'ES', expiry: EXPIRY });
export const spy = inst({ secType: 'STK', symbol: 'SPY' });

export function quote(key: string, bid: number | null, ask: number | null, time = NOW): Quote {
  const mark = bid !== null && ask !== null ? (bid + ask) / 2 : null;
  return {
    key,
    bid,
    ask,
    last: mark,
    mark,
    bidSize: 10,
    askSize: 10,
    delayed: false,
    time,
  };
}

/** One leg of a scenario: the ticket's leg, its quote, its underlying's price and what is held. */
export interface ScenarioLeg {
  instrument: Instrument;
  action: 'BUY' | 'SELL';
  ratio: number;
  quote: Quote | null;
  underlyingPrice: number | null;
  held: number;
}

export interface Scenario {
  ticket: OrderTicket;
  legs: ScenarioLeg[];
}

type TicketOver = Partial<Omit<OrderTicket, 'legs'>>;

function scenario(
  base: Omit<OrderTicket, 'legs'>,
  legs: ScenarioLeg[],
  over: TicketOver,
): Scenario {
  const ticketLegs: TicketLeg[] = legs.map((l) => ({
    instrument: l.instrument,
    action: l.action,
    ratio: l.ratio,
  }));
  return { ticket: { ...base, ...over, legs: ticketLegs }, legs };
}

const optionLeg = (
  instrument: Instrument,
  action: 'BUY' | 'SELL',
  bid: number,
  ask: number,
): ScenarioLeg => ({
  instrument,
  action,
  ratio: 1,
  quote: quote(instrument.key, bid, ask),
  underlyingPrice: SPX,
  held: 0,
});

/**
 * SELL 2 SPX 18 Dec 26 5600/5700/6100/6200 iron condors (IB convention: the short strikes are
 * the BUY legs, the order SELLs the combo). Per unit: mid 20.20, natural 18.80, far 21.60.
 */
export function condor(over: TicketOver = {}): Scenario {
  return scenario(
    {
      account: 'DEMO1',
      action: 'SELL',
      quantity: 2,
      orderType: 'LMT',
      limitPrice: 20.2,
      tif: 'DAY',
    },
    [
      optionLeg(spxOption('P', 5700), 'BUY', 27.0, 27.8),
      optionLeg(spxOption('P', 5600), 'SELL', 18.0, 18.6),
      optionLeg(spxOption('C', 6100), 'BUY', 20.0, 20.8),
      optionLeg(spxOption('C', 6200), 'SELL', 9.0, 9.6),
    ],
    over,
  );
}

/** SELL 1 SPX 18 Dec 26 5800 put, quoted 58.60 / 59.40 (mid 59.00). */
export function shortPut(over: TicketOver = {}, held = 0): Scenario {
  const s = scenario(
    { account: 'DEMO1', action: 'SELL', quantity: 1, orderType: 'LMT', limitPrice: 59, tif: 'DAY' },
    [optionLeg(spxOption('P', 5800), 'BUY', 58.6, 59.4)],
    over,
  );
  s.legs[0]!.held = held;
  return s;
}

/** BUY 3 ES Dec 26 futures, quoted 5914.75 / 5915.25. */
export function esOrder(over: TicketOver = {}, held = 0): Scenario {
  return scenario(
    {
      account: 'DEMO1',
      action: 'BUY',
      quantity: 3,
      orderType: 'LMT',
      limitPrice: 5915.25,
      tif: 'DAY',
    },
    [
      {
        instrument: esFuture,
        action: 'BUY',
        ratio: 1,
        quote: quote(esFuture.key, 5914.75, 5915.25),
        underlyingPrice: 5915,
        held,
      },
    ],
    over,
  );
}

/** BUY shares of SPY, quoted 589.99 / 590.01. */
export function spyShares(quantity: number, held = 0): Scenario {
  return scenario(
    { account: 'DEMO1', action: 'BUY', quantity, orderType: 'LMT', limitPrice: 590.01, tif: 'DAY' },
    [
      {
        instrument: spy,
        action: 'BUY',
        ratio: 1,
        quote: quote(spy.key, 589.99, 590.01),
        underlyingPrice: 590,
        held,
      },
    ],
    {},
  );
}

/** A what-if that adds $10k maintenance margin and leaves a 40 % cushion on $250k. */
export function impact(over: Partial<MarginImpact> = {}): MarginImpact {
  return {
    initMarginBefore: 100_000,
    maintMarginBefore: 80_000,
    initMarginAfter: 112_000,
    maintMarginAfter: 90_000,
    initMarginChange: 12_000,
    maintMarginChange: 10_000,
    equityWithLoanBefore: 190_000,
    equityWithLoanAfter: 190_000,
    commission: 2.6,
    warning: null,
    ...over,
  };
}

export function orderOf(s: Scenario): OrderRequest {
  const t = s.ticket;
  return {
    ...(t.account ? { account: t.account } : {}),
    action: t.action,
    quantity: t.quantity,
    orderType: t.orderType,
    ...(t.limitPrice !== undefined ? { limitPrice: t.limitPrice } : {}),
    tif: t.tif,
    legs: s.legs.map((l) => ({ instrument: l.instrument, action: l.action, ratio: l.ratio })),
    orderRef: 'test-ref',
  };
}

/** A context in which every check passes (the projection is left to the risk tests). */
export function context(s: Scenario = condor(), over: Partial<GateContext> = {}): GateContext {
  const order = orderOf(s);
  const changes = legChanges(order);
  const held = s.legs.map((l) => l.held);
  const legs: GateLeg[] = s.legs.map((l, i) => ({
    instrument: l.instrument,
    action: l.action,
    ratio: l.ratio,
    quote: l.quote,
    underlyingPrice: l.underlyingPrice,
    change: changes[i]!,
    held: l.held,
  }));
  const prices = comboPrices(
    order,
    s.legs.map((l) => l.quote),
  );
  return {
    ticket: s.ticket,
    order,
    legs,
    unresolved: [],
    connection: simConnection(),
    settings: { ok: true, settings: structuredClone(DEFAULT_SETTINGS) },
    trading: { state: 'active', reason: 'trading is active', source: 'startup', since: 1 },
    now: NOW,
    quoteMaxAgeMs: 5_000,
    maxContractsPerPosition: 100,
    regime: 'neutral',
    reduce: reduceAnalysis(changes, held),
    recentSends: [],
    fingerprint: orderFingerprint(order),
    prices: { mid: prices.mid, natural: prices.natural, tick: comboTick(order, prices.mid) },
    projection: null,
    projectionError: null,
    whatIf: { kind: 'impact', impact: impact(), source: 'broker' },
    account: { netLiquidation: 250_000, excessLiquidity: 110_000 },
    cushionMin: 0.25,
    drawdownBreached: false,
    ...over,
  };
}

/** The default settings with a patch applied, as the gate receives them. */
export function settingsWith(patch: SettingsPatch): GateContext['settings'] {
  const settings: Settings = applySettingsPatch(structuredClone(DEFAULT_SETTINGS), patch);
  return { ok: true, settings };
}
