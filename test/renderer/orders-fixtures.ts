/** Builders for the order tests: an SPX chain, reviews and order records in contract shape. */
import type { ChainQuote, ChainView } from '@shared/domain/chain';
import type { Instrument } from '@shared/domain/instrument';
import type { OrderRecord, Review } from '@shared/domain/order-ticket';

export const NOW = Date.parse('2026-11-20T16:00:00Z');
export const EXPIRY = '2026-12-18';
export const FAR = '2027-01-15';

export function option(right: 'C' | 'P', strike: number, expiry = EXPIRY): Instrument {
  return {
    key: `OPT:SPX:${expiry}:${right}:${strike}`,
    symbol: 'SPX',
    secType: 'OPT',
    currency: 'USD',
    multiplier: 100,
    exchange: 'CBOE',
    description: `SPX ${expiry} ${strike} ${right}`,
    expiry,
    strike,
    right,
    exercise: 'european',
    underlyingKey: 'IND:SPX',
    tradingClass: 'SPX',
  };
}

const SPX: Instrument = {
  key: 'IND:SPX',
  symbol: 'SPX',
  secType: 'IND',
  currency: 'USD',
  multiplier: 1,
  exchange: 'CBOE',
  description: 'SPX',
};

/** A toy but consistent chain: prices fall away from 5800, deltas from ±0.5. */
function quote(right: 'C' | 'P', strike: number, expiry: string, time: number): ChainQuote {
  const moneyness = right === 'C' ? 5800 - strike : strike - 5800;
  const value = Math.max(0.5, 40 + moneyness * 0.3) + (expiry === FAR ? 20 : 0);
  const bid = Math.round(value * 10) / 10;
  const ask = bid + 0.4;
  const delta = Math.max(0.02, Math.min(0.98, 0.5 + moneyness / 400));
  return {
    instrument: option(right, strike, expiry),
    bid,
    ask,
    mid: (bid + ask) / 2,
    delta: right === 'C' ? delta : -delta,
    iv: 0.18,
    openInterest: 1000,
    time,
  };
}

export function spxChain(over: { expiry?: string; time?: number } = {}): ChainView {
  const expiry = over.expiry ?? EXPIRY;
  const time = over.time ?? NOW;
  const rows = [];
  for (let k = 5600; k <= 6000; k += 25) {
    rows.push({ strike: k, call: quote('C', k, expiry, time), put: quote('P', k, expiry, time) });
  }
  return {
    underlying: 'SPX',
    underlyingInstrument: SPX,
    underlyingPrice: 5800,
    expirations: [EXPIRY, FAR, '2027-03-19'],
    expiry,
    multiplier: 100,
    rows,
    asOf: time,
  };
}

export function review(over: Partial<Review> = {}): Review {
  return {
    reviewId: 'rv-1',
    clientRef: 'bw-1',
    decision: 'allowed',
    denials: [],
    warnings: [],
    checks: [
      { check: 'instrument', outcome: 'pass', code: null, message: 'known', details: {} },
      {
        check: 'collar',
        outcome: 'pass',
        code: null,
        message: 'within 10% of mid',
        details: { mid: 2.5 },
      },
    ],
    confirmToken: 'tok-1',
    expiresAt: NOW + 60_000,
    order: {
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 2.5,
      tif: 'DAY',
      legs: [{ instrument: option('P', 5700), action: 'BUY', ratio: 1 }],
    },
    strategy: 'iron condor',
    rationale: null,
    execution: { kind: 'limit' },
    reducesRisk: false,
    legs: [],
    prices: { natural: 2.3, mid: 2.5, far: 2.7, tick: 0.05 },
    tradeGreeks: { delta: -1200, betaDelta: -1100, gamma: -3, theta: 45, vega: -320 },
    lights: [
      {
        code: 'DELTA',
        name: 'Beta delta',
        before: 'green',
        after: 'yellow',
        beforeUtilization: 0.5,
        afterUtilization: 0.85,
        explanation: 'β-delta 85% of its limit',
      },
      {
        code: 'VEGA',
        name: 'Vega',
        before: 'green',
        after: 'green',
        beforeUtilization: 0.2,
        afterUtilization: 0.25,
        explanation: 'vega 25% of its limit',
      },
    ],
    whatIf: {
      initMarginBefore: 100_000,
      maintMarginBefore: 90_000,
      initMarginAfter: 102_500,
      maintMarginAfter: 92_000,
      initMarginChange: 2_500,
      maintMarginChange: 2_000,
      equityWithLoanBefore: 300_000,
      equityWithLoanAfter: 300_000,
      commission: 2.6,
      warning: null,
    },
    whatIfSource: 'broker',
    cushion: { before: 0.43, after: 0.41, min: 0.2 },
    tradingState: { state: 'active', reason: '', source: 'startup', since: 0 },
    createdAt: NOW,
    ...over,
  };
}

export function orderRecord(orderId: number, over: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderId,
    clientRef: `bw-${orderId}`,
    status: 'working',
    request: {
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 2.5,
      tif: 'DAY',
      legs: [
        { instrument: option('P', 5700), action: 'BUY', ratio: 1 },
        { instrument: option('P', 5675), action: 'SELL', ratio: 1 },
      ],
    },
    strategy: 'put credit spread',
    rationale: null,
    filled: 0,
    remaining: 1,
    avgFillPrice: null,
    commission: 0,
    reason: null,
    walk: null,
    sentAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}
