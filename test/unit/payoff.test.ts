import { BlackScholes } from '@uqee/black-scholes';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import type { PayoffLeg } from '@shared/domain/payoff';
import {
  payoffAtExpiry,
  payoffCurve,
  payoffToday,
  toPayoffLegs,
  tradeStats,
} from '@shared/domain/payoff';
import { normCdf } from '../../src/main/risk/pricing/normal';

// 2026-11-18 10:00 New York (EST, UTC−5); the 18 Dec 26 expiry settles 16:00 NY = 21:00 UTC.
const NOW = Date.UTC(2026, 10, 18, 15, 0);
const EXPIRY = '2026-12-18';
const EXPIRY_PM = Date.UTC(2026, 11, 18, 21, 0);
const YEAR_MS = 365 * 86_400_000;
const T = (EXPIRY_PM - NOW) / YEAR_MS;

const bs = new BlackScholes({ sigmaToPricePrecision: 'double' });
const ref = (
  type: 'call' | 'put',
  underlying: number,
  strike: number,
  time: number,
  rate: number,
  sigma: number,
) => bs.option({ type, underlying, strike, time, rate, sigma }).price;

function opt(
  right: 'C' | 'P',
  strike: number,
  quantity: number,
  entryPrice: number,
  iv: number | null = 0.2,
): PayoffLeg {
  return { right, strike, expiry: EXPIRY, quantity, multiplier: 100, entryPrice, iv };
}

const at = (legs: PayoffLeg[], spots: number[]) => spots.map((s) => payoffAtExpiry(legs, s));
const ctx = { spot: 100, now: NOW, rate: 0.03 };

describe('payoff at expiry and trade stats', () => {
  const shortPut = [opt('P', 100, -1, 2.5)];

  it('values a short put: credit kept above the strike, loss below the breakeven', () => {
    expect(at(shortPut, [110, 100, 97.5, 90, 0])).toEqual([250, 250, 0, -750, -9750]);
    expect(tradeStats(shortPut, ctx)).toMatchObject({
      maxProfit: 250,
      maxLoss: -9750,
      breakevens: [97.5],
    });
  });

  it('bounds a put credit spread by the credit and the width', () => {
    const spread = [opt('P', 100, -1, 3.0), opt('P', 95, 1, 1.0)];
    expect(at(spread, [120, 98, 95, 50])).toEqual([200, 0, -300, -300]);
    expect(tradeStats(spread, ctx)).toMatchObject({
      maxProfit: 200,
      maxLoss: -300,
      breakevens: [98],
    });
  });

  const condor = [
    opt('P', 95, -2, 2.0),
    opt('P', 90, 2, 0.8),
    opt('C', 105, -2, 1.9),
    opt('C', 110, 2, 0.6),
  ];

  it('gives an iron condor credit × 100 max profit, (width − credit) × 100 max loss, breakevens at short strikes ∓ credit', () => {
    // Credit 2.0 − 0.8 + 1.9 − 0.6 = 2.5 per condor; two condors.
    const s = tradeStats(condor, ctx);
    expect(s.maxProfit).toBeCloseTo(2 * 250, 9);
    expect(s.maxLoss).toBeCloseTo(-2 * (5 - 2.5) * 100, 9);
    expect(s.breakevens).toHaveLength(2);
    expect(s.breakevens[0]).toBeCloseTo(95 - 2.5, 9);
    expect(s.breakevens[1]).toBeCloseTo(105 + 2.5, 9);
  });

  it('reports a long call’s profit and a short call’s loss as unlimited (null)', () => {
    const long = tradeStats([opt('C', 100, 1, 3)], ctx);
    expect(long).toMatchObject({ maxProfit: null, maxLoss: -300, breakevens: [103] });
    const short = tradeStats([opt('C', 100, -1, 3)], ctx);
    expect(short).toMatchObject({ maxProfit: 300, maxLoss: null, breakevens: [103] });
  });

  it('treats shares as worth the spot: 100 shares bought at 50', () => {
    const shares: PayoffLeg[] = [
      {
        right: null,
        strike: null,
        expiry: null,
        quantity: 100,
        multiplier: 1,
        entryPrice: 50,
        iv: null,
      },
    ];
    expect(at(shares, [60, 40])).toEqual([1000, -1000]);
    expect(tradeStats(shares, ctx)).toEqual({
      maxProfit: null,
      maxLoss: -5000,
      breakevens: [50],
      probabilityOfProfit: null,
    });
  });
});

describe('probability of profit', () => {
  const sigma = 0.2;
  const rate = 0.03;
  const sd = sigma * Math.sqrt(T);
  // P(S_T < x) for ln S_T ~ N(ln S0 + (r − σ²/2)T, σ²T), with the main process's Φ.
  const below = (x: number, s0: number) =>
    normCdf((Math.log(x / s0) - (rate - 0.5 * sigma * sigma) * T) / sd);

  it('is P(S_T > K − credit) for a short put', () => {
    const pop = tradeStats([opt('P', 100, -1, 2.5, sigma)], {
      spot: 101,
      now: NOW,
      rate,
    }).probabilityOfProfit;
    expect(pop).toBeCloseTo(1 - below(97.5, 101), 12);
  });

  it('is P(lower breakeven < S_T < upper breakeven) for an iron condor, σ the mean IV', () => {
    // IVs 0.22, 0.24, 0.18, 0.16: mean 0.2.
    const legs = [
      opt('P', 95, -1, 2.0, 0.22),
      opt('P', 90, 1, 0.8, 0.24),
      opt('C', 105, -1, 1.9, 0.18),
      opt('C', 110, 1, 0.6, 0.16),
    ];
    const pop = tradeStats(legs, { spot: 100, now: NOW, rate }).probabilityOfProfit;
    expect(pop).toBeCloseTo(below(107.5, 100) - below(92.5, 100), 12);
  });

  it('is unknown without an IV and after the expiry', () => {
    expect(tradeStats([opt('P', 100, -1, 2.5, null)], ctx).probabilityOfProfit).toBeNull();
    expect(
      tradeStats([opt('P', 100, -1, 2.5)], { ...ctx, now: EXPIRY_PM + 1 }).probabilityOfProfit,
    ).toBeNull();
  });
});

describe('payoff today', () => {
  it('equals an independent Black–Scholes for a single call (1e-6 relative)', () => {
    const got = payoffToday([opt('C', 100, 1, 0, 0.25)], 102, NOW, 0.04);
    const want = 100 * ref('call', 102, 100, T, 0.04, 0.25);
    expect(Math.abs(got / want - 1)).toBeLessThan(1e-6);
  });

  it('honours put–call parity: C − P = S − K·e^(−rT)', () => {
    const c = payoffToday([opt('C', 95, 1, 0, 0.3)], 100, NOW, 0.05);
    const p = payoffToday([opt('P', 95, 1, 0, 0.3)], 100, NOW, 0.05);
    expect((c - p) / 100).toBeCloseTo(100 - 95 * Math.exp(-0.05 * T), 10);
  });

  it('counts an AM-settled option to 09:30 New York, not 16:00', () => {
    const am = { ...opt('P', 100, 1, 0, 0.2), settlement: 'AM' as const };
    const tAm = (Date.UTC(2026, 11, 18, 14, 30) - NOW) / YEAR_MS;
    const want = 100 * ref('put', 100, 100, tAm, 0.02, 0.2);
    expect(Math.abs(payoffToday([am], 100, NOW, 0.02) / want - 1)).toBeLessThan(1e-6);
  });

  it('values a leg without IV, or past its expiry, at intrinsic', () => {
    expect(payoffToday([opt('P', 100, -1, 2.5, null)], 90, NOW, 0.03)).toBe(-750);
    expect(payoffToday([opt('C', 100, 1, 3)], 110, EXPIRY_PM, 0.03)).toBe(700);
  });

  it('draws the curve from `from` to `to` with both lines', () => {
    const legs = [opt('C', 100, 1, 3)];
    const curve = payoffCurve(legs, {
      spot: 100,
      now: NOW,
      rate: 0.03,
      from: 80,
      to: 120,
      points: 5,
    });
    expect(curve.map((p) => p.spot)).toEqual([80, 90, 100, 110, 120]);
    expect(curve.map((p) => p.expiry)).toEqual([-300, -300, -300, 700, 1700]);
    expect(curve[2]!.today).toBeCloseTo(100 * ref('call', 100, 100, T, 0.03, 0.2) - 300, 6);
  });
});

describe('calendars (two expiries)', () => {
  const FAR = '2027-01-15';
  // 15 Jan 27 16:00 NY = 21:00 UTC; the far leg has this long left at the near expiry.
  const tLeft = (Date.UTC(2027, 0, 15, 21, 0) - EXPIRY_PM) / YEAR_MS;
  const legs: PayoffLeg[] = [
    opt('C', 100, -1, 2.0),
    {
      right: 'C',
      strike: 100,
      expiry: FAR,
      quantity: 1,
      multiplier: 100,
      entryPrice: 3.5,
      iv: 0.2,
    },
  ];
  const byHand = (s: number, r: number) =>
    -100 * (Math.max(s - 100, 0) - 2) + 100 * (ref('call', s, 100, tLeft, r, 0.2) - 3.5);

  it('values the far leg with Black–Scholes at the near expiry', () => {
    const misses = [80, 95, 100, 104, 130].filter(
      (s) => Math.abs(payoffAtExpiry(legs, s, 0.03) - byHand(s, 0.03)) > 1e-6,
    );
    expect(misses).toEqual([]);
  });

  it('finds the peak at the strike, the debit as the worst case, and two breakevens', () => {
    const s = tradeStats(legs, { spot: 100, now: NOW, rate: 0 });
    expect(s.maxProfit).toBeCloseTo(byHand(100, 0), 6);
    // At S = 0 both calls are worthless: the 1.50 debit is lost.
    expect(s.maxLoss).toBeCloseTo(-150, 6);
    expect(s.breakevens).toHaveLength(2);
    const signs = s.breakevens.map((b) => [
      Math.sign(byHand(b - 0.2, 0)),
      Math.sign(byHand(b + 0.2, 0)),
    ]);
    expect(signs).toEqual([
      [-1, 1],
      [1, -1],
    ]);
  });
});

describe('ticket legs to payoff legs', () => {
  const put = (strike: number): Instrument => ({
    key: `OPT:XYZ:${EXPIRY}:P:${strike}`,
    symbol: 'XYZ',
    secType: 'OPT',
    currency: 'USD',
    multiplier: 100,
    exchange: 'SMART',
    description: `XYZ ${strike} P`,
    expiry: EXPIRY,
    strike,
    right: 'P',
  });
  const legs = [
    { instrument: put(100), action: 'BUY' as const, ratio: 1 },
    { instrument: put(95), action: 'SELL' as const, ratio: 1 },
  ];
  const quotes = new Map([
    [put(100).key, { bid: 2.9, ask: 3.1, iv: 0.25 }],
    [put(95).key, { bid: 0.9, ask: 1.1, iv: 0.3 }],
  ]);

  it('reverses every leg for a SELL order and multiplies by the quantity', () => {
    const p = toPayoffLegs(legs, 'SELL', 3, quotes)!;
    expect(p.map((l) => [l.right, l.strike, l.quantity, l.entryPrice, l.iv])).toEqual([
      ['P', 100, -3, 3.0, 0.25],
      ['P', 95, 3, 1.0, 0.3],
    ]);
    expect(tradeStats(p, ctx)).toMatchObject({ maxProfit: 600, maxLoss: -900 });
  });

  it('starts the P&L from the limit price when one is given', () => {
    const s = tradeStats(toPayoffLegs(legs, 'SELL', 3, quotes, 2.2)!, ctx);
    expect(s.maxProfit).toBeCloseTo(2.2 * 100 * 3, 9);
    expect(s.maxLoss).toBeCloseTo(-(5 - 2.2) * 100 * 3, 9);
    expect(s.breakevens[0]).toBeCloseTo(97.8, 9);
  });

  it('counts a covered call’s 100 shares at multiplier 1', () => {
    const stock: Instrument = {
      ...put(100),
      key: 'STK:XYZ',
      secType: 'STK',
      description: 'XYZ',
      multiplier: 1,
    };
    const call: Instrument = {
      ...put(110),
      key: `OPT:XYZ:${EXPIRY}:C:110`,
      right: 'C',
      strike: 110,
    };
    const q = new Map([
      [stock.key, { bid: 100, ask: 100 }],
      [call.key, { bid: 2, ask: 2 }],
    ]);
    const cc = [
      { instrument: stock, action: 'BUY' as const, ratio: 100 },
      { instrument: call, action: 'SELL' as const, ratio: 1 },
    ];
    const p = toPayoffLegs(cc, 'BUY', 2, q)!;
    expect(p.map((l) => [l.right, l.quantity, l.multiplier])).toEqual([
      [null, 200, 1],
      ['C', -2, 100],
    ]);
    // Capped at (110 − 100 + 2) × 200 = 2,400; breakeven 98.
    expect(tradeStats(p, ctx)).toMatchObject({ maxProfit: 2400, breakevens: [98] });
    expect(toPayoffLegs(cc, 'BUY', 1, new Map())).toBeNull();
  });
});
