import { describe, expect, it } from 'vitest';
import type { ChainQuote, ChainView } from '@shared/domain/chain';
import { ChainViewSchema } from '@shared/domain/chain';
import type { Instrument } from '@shared/domain/instrument';
import { describeInstrument, instrumentKey, isOption } from '@shared/domain/instrument';
import type { BuiltStrategy, StrategyParams } from '@shared/domain/strategies';
import type { LegQuote } from '@shared/math/combo';
import {
  atmStrike,
  buildStrategy,
  ceilToTick,
  chainQuotes,
  comboPrice,
  floorToTick,
  instrumentTick,
  naturalAndMid,
  optionTick,
  roundToTick,
  STRATEGIES,
} from '@shared/domain/strategies';

const NEAR = '2026-12-18';
const FAR = '2027-01-15';

function option(
  symbol: string,
  expiry: string,
  right: 'C' | 'P',
  strike: number,
  m = 100,
): Instrument {
  const parts = { symbol, secType: 'OPT' as const, expiry, right, strike };
  return {
    key: instrumentKey(parts),
    symbol,
    secType: 'OPT',
    currency: 'USD',
    multiplier: m,
    exchange: 'SMART',
    description: describeInstrument(parts),
    expiry,
    strike,
    right,
  };
}

function quote(instrument: Instrument, bid: number, ask: number): ChainQuote {
  return {
    instrument,
    bid,
    ask,
    mid: (bid + ask) / 2,
    delta: null,
    iv: 0.2,
    openInterest: null,
    time: null,
  };
}

// Hand-made SPX quotes, [put bid, put ask, call bid, call ask] by strike.
const SPX: Record<number, [number, number, number, number]> = {
  5700: [1.0, 1.2, 205, 207],
  5750: [2.0, 2.2, 160, 162],
  5800: [3.5, 3.7, 118, 120],
  5850: [6.0, 6.4, 80, 82],
  5900: [10.0, 10.4, 50, 51],
  5950: [16.0, 16.6, 28, 29],
  6000: [30.0, 31.0, 14.0, 14.6],
  6050: [60.0, 62.0, 6.0, 6.4],
  6100: [100.0, 102.0, 2.5, 2.7],
};

function spxChain(expiry: string, scale = 1): ChainView {
  const index: Instrument = {
    key: 'IND:SPX',
    symbol: 'SPX',
    secType: 'IND',
    currency: 'USD',
    multiplier: 1,
    exchange: 'CBOE',
    description: 'SPX',
  };
  return ChainViewSchema.parse({
    underlying: 'SPX',
    underlyingInstrument: index,
    underlyingPrice: 5910,
    expirations: [NEAR, FAR],
    expiry,
    multiplier: 100,
    rows: Object.entries(SPX).map(([k, [pb, pa, cb, ca]]) => ({
      strike: Number(k),
      put: quote(option('SPX', expiry, 'P', Number(k)), pb * scale, pa * scale),
      call: quote(option('SPX', expiry, 'C', Number(k)), cb * scale, ca * scale),
    })),
    asOf: 0,
  });
}

const near = spxChain(NEAR);
const far = spxChain(FAR, 1.5);
const quotes = chainQuotes(near, far);

/** The legs as "BUY 1 5800P" strings: easy to compare with the hand-written expectation. */
function shape(b: BuiltStrategy): string[] {
  return b.legs.map((l) => {
    const i = l.instrument;
    const what = isOption(i) ? `${i.strike}${i.right}${i.expiry === FAR ? ' far' : ''}` : i.symbol;
    return `${l.action} ${l.ratio} ${what}`;
  });
}

const build = (p: StrategyParams, farChain?: ChainView): BuiltStrategy =>
  buildStrategy(near, p, farChain);
const mid = (b: BuiltStrategy): number | null => naturalAndMid(b.legs, b.action, quotes).mid;

describe('strategy builders', () => {
  it('lists every kind once for the picker', () => {
    const kinds = STRATEGIES.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(11);
    expect(STRATEGIES.find((s) => s.kind === 'butterfly')?.legs).toBe(3);
  });

  it('builds a single short put as BUY-leg + SELL order', () => {
    const b = build({ kind: 'single', right: 'P', side: 'SELL', strikes: [5800] });
    expect(b.problems).toEqual([]);
    expect(b.action).toBe('SELL');
    expect(shape(b)).toEqual(['BUY 1 5800P']);
    expect(b.label).toBe('SPX 18 Dec 26 5800 put');
    expect(mid(b)).toBeCloseTo(3.6, 10);
  });

  it('asks for buy or sell on a single option', () => {
    const b = build({ kind: 'single', right: 'P', strikes: [5800] });
    expect(b.problems).toEqual(['Choose buy or sell.']);
    expect(b.legs).toEqual([]);
  });

  it('builds credit verticals with the wing further out: put below, call above', () => {
    const put = build({ kind: 'vertical-credit', right: 'P', strikes: [5800], width: 50 });
    expect([put.action, ...shape(put)]).toEqual(['SELL', 'BUY 1 5800P', 'SELL 1 5750P']);
    expect(mid(put)).toBeCloseTo(3.6 - 2.1, 10);
    const call = build({ kind: 'vertical-credit', right: 'C', strikes: [6000], width: 50 });
    expect([call.action, ...shape(call)]).toEqual(['SELL', 'BUY 1 6000C', 'SELL 1 6050C']);
    expect(mid(call)).toBeCloseTo(14.3 - 6.2, 10);
    expect(call.label).toBe('SPX 18 Dec 26 6000/6050 call credit spread');
  });

  it('builds debit verticals from the short strike with the long leg further in the money', () => {
    const put = build({ kind: 'vertical-debit', right: 'P', strikes: [5800], width: 50 });
    expect([put.action, ...shape(put)]).toEqual(['BUY', 'BUY 1 5850P', 'SELL 1 5800P']);
    expect(mid(put)).toBeCloseTo(6.2 - 3.6, 10);
    const call = build({ kind: 'vertical-debit', right: 'C', strikes: [6000], width: 50 });
    expect([call.action, ...shape(call)]).toEqual(['BUY', 'BUY 1 5950C', 'SELL 1 6000C']);
  });

  it('builds an iron condor whose combo value is the credit', () => {
    const b = build({ kind: 'iron-condor', strikes: [5800, 6000], width: 50 });
    expect([b.action, ...shape(b)]).toEqual([
      'SELL',
      'BUY 1 5800P',
      'SELL 1 5750P',
      'BUY 1 6000C',
      'SELL 1 6050C',
    ]);
    // Mid: (3.6 − 2.1) + (14.3 − 6.2) = 9.6. Selling hits the bids of the BUY legs and lifts the
    // offers of the SELL legs: 3.5 − 2.2 + 14.0 − 6.4 = 8.9; buying: 3.7 − 2.0 + 14.6 − 6.0 = 10.3.
    expect(naturalAndMid(b.legs, 'SELL', quotes)).toEqual({ natural: 8.9, mid: 9.6 });
    expect(naturalAndMid(b.legs, 'BUY', quotes).natural).toBe(10.3);
    expect(b.label).toBe('SPX 18 Dec 26 5750/5800/6000/6050 iron condor');
  });

  it('builds an iron fly on one centre strike', () => {
    const b = build({ kind: 'iron-fly', strikes: [5900], width: 100 });
    expect([b.action, ...shape(b)]).toEqual([
      'SELL',
      'BUY 1 5900P',
      'SELL 1 5800P',
      'BUY 1 5900C',
      'SELL 1 6000C',
    ]);
    expect(mid(b)).toBeCloseTo(10.2 - 3.6 + 50.5 - 14.3, 10);
  });

  it('builds strangles and straddles as two bought legs sold as one', () => {
    const strangle = build({ kind: 'strangle', strikes: [5800, 6000] });
    expect([strangle.action, ...shape(strangle)]).toEqual(['SELL', 'BUY 1 5800P', 'BUY 1 6000C']);
    const straddle = build({ kind: 'straddle', strikes: [5900], side: 'BUY' });
    expect([straddle.action, ...shape(straddle)]).toEqual(['BUY', 'BUY 1 5900P', 'BUY 1 5900C']);
    expect(mid(straddle)).toBeCloseTo(10.2 + 50.5, 10);
  });

  it('builds a 1-2-1 butterfly with the body at ratio 2', () => {
    const b = build({ kind: 'butterfly', right: 'C', strikes: [5900], width: 50 });
    expect([b.action, ...shape(b)]).toEqual(['BUY', 'BUY 1 5850C', 'SELL 2 5900C', 'BUY 1 5950C']);
    expect(mid(b)).toBeCloseTo(81 - 2 * 50.5 + 28.5, 10);
  });

  it('builds a cash-secured put as a single short put with a note', () => {
    const b = build({ kind: 'cash-secured-put', strikes: [5800] });
    expect([b.action, ...shape(b)]).toEqual(['SELL', 'BUY 1 5800P']);
    expect(b.notes.join(' ')).toMatch(/account/);
  });

  it('builds a calendar: far month bought, near month sold, for a debit', () => {
    const b = build({ kind: 'calendar', right: 'C', strikes: [5900], farExpiry: FAR }, far);
    expect(b.problems).toEqual([]);
    expect([b.action, ...shape(b)]).toEqual(['BUY', 'BUY 1 5900C far', 'SELL 1 5900C']);
    expect(mid(b)).toBeCloseTo(1.5 * 50.5 - 50.5, 10);
    expect(b.label).toBe('SPX 18 Dec 26/15 Jan 27 5900 call calendar');
  });

  it('refuses a calendar without a later far chain', () => {
    const p: StrategyParams = { kind: 'calendar', right: 'C', strikes: [5900] };
    expect(build(p).problems).toEqual(['Choose a far expiry for the calendar.']);
    expect(buildStrategy(far, p, near).problems).toEqual([
      'The far expiry must be later than the near one.',
    ]);
    expect(build({ ...p, farExpiry: '2027-02-19' }, far).problems[0]).toMatch(/not 19 Feb 27/);
    expect(build(p, far).legs).toHaveLength(2);
  });

  it('says which strike is missing and returns no legs', () => {
    const b = build({ kind: 'iron-condor', strikes: [5800, 6000], width: 200 });
    expect(b.legs).toEqual([]);
    expect(b.problems).toEqual([
      'There is no 5600 put in the 18 Dec 26 chain.',
      'There is no 6200 call in the 18 Dec 26 chain.',
    ]);
  });

  it('reports a strike listed without the needed side', () => {
    const chain = {
      ...near,
      rows: near.rows.map((r) => (r.strike === 5750 ? { ...r, put: null } : r)),
    };
    const b = buildStrategy(chain, {
      kind: 'vertical-credit',
      right: 'P',
      strikes: [5800],
      width: 50,
    });
    expect(b.problems).toEqual(['There is no 5750 put in the 18 Dec 26 chain.']);
    expect(b.legs).toEqual([]);
  });

  it('asks for what is missing: width, right, strikes, strike order', () => {
    expect(build({ kind: 'vertical-credit', right: 'P', strikes: [5800] }).problems).toEqual([
      'Choose a width above zero.',
    ]);
    expect(build({ kind: 'butterfly', strikes: [5900], width: 50 }).problems).toEqual([
      'Choose calls or puts.',
    ]);
    expect(build({ kind: 'iron-condor', strikes: [5800], width: 50 }).problems[0]).toMatch(
      /^Choose 2 strikes/,
    );
    expect(build({ kind: 'strangle', strikes: [6000, 5800] }).problems).toEqual([
      'The put strike must be below the call strike.',
    ]);
    expect(build({ kind: 'iron-fly', strikes: [5900], width: 6000 }).problems[0]).toMatch(
      /below zero/,
    );
  });

  it('gives every built strategy a positive combo mid in its default direction', () => {
    const all: Array<[StrategyParams, ChainView?]> = [
      [{ kind: 'single', right: 'C', side: 'BUY', strikes: [6000] }],
      [{ kind: 'vertical-credit', right: 'P', strikes: [5850], width: 100 }],
      [{ kind: 'vertical-debit', right: 'C', strikes: [5950], width: 50 }],
      [{ kind: 'iron-condor', strikes: [5750, 6050], width: 50 }],
      [{ kind: 'iron-fly', strikes: [5900], width: 50 }],
      [{ kind: 'strangle', strikes: [5750, 6050] }],
      [{ kind: 'straddle', strikes: [5900] }],
      [{ kind: 'butterfly', right: 'P', strikes: [5900], width: 100 }],
      [{ kind: 'cash-secured-put', strikes: [5700] }],
      [{ kind: 'calendar', right: 'P', strikes: [5800] }, far],
    ];
    const bad = all.filter(([p, f]) => !((mid(build(p, f)) ?? -1) > 0)).map(([p]) => p.kind);
    expect(bad).toEqual([]);
  });

  it('offers the listed strike nearest the underlying as ATM', () => {
    expect(atmStrike(near)).toBe(5900);
  });
});

describe('covered calls', () => {
  const stock: Instrument = {
    key: 'STK:AAPL',
    symbol: 'AAPL',
    secType: 'STK',
    currency: 'USD',
    multiplier: 1,
    exchange: 'SMART',
    description: 'AAPL',
  };
  const call = option('AAPL', NEAR, 'C', 210);
  const aapl: ChainView = {
    ...near,
    underlying: 'AAPL',
    underlyingInstrument: stock,
    underlyingPrice: 200,
    rows: [{ strike: 210, call: quote(call, 4.9, 5.1), put: null }],
  };

  it('buys 100 shares (ratio 100) and sells one call; the combo is quoted per share', () => {
    const b = buildStrategy(aapl, { kind: 'covered-call', strikes: [210] });
    expect([b.action, ...shape(b)]).toEqual(['BUY', 'BUY 100 AAPL', 'SELL 1 210C']);
    // 100 shares at 200 less one call at 5: $19,500 per combo = 195.00 per share of the option.
    const px = new Map([
      [stock.key, 200],
      [call.key, 5],
    ]);
    expect(comboPrice(b.legs, (l) => px.get(l.instrument.key) ?? null)).toBe(195);
    const q = new Map<string, LegQuote>([
      ...chainQuotes(aapl),
      [stock.key, { bid: 199.98, ask: 200.02 }],
    ]);
    // Buying lifts the stock's offer and hits the call's bid: 200.02 − 4.90.
    expect(naturalAndMid(b.legs, 'BUY', q)).toEqual({ natural: 195.12, mid: 195 });
  });

  it('holds one future against one futures option (same multiplier)', () => {
    const es: Instrument = {
      ...stock,
      key: 'FUT:ES:2026-12-18',
      symbol: 'ES',
      secType: 'FUT',
      multiplier: 50,
      expiry: NEAR,
    };
    const fop = { ...option('ES', NEAR, 'C', 6000, 50), secType: 'FOP' as const };
    const chain: ChainView = {
      ...aapl,
      underlying: 'ES',
      underlyingInstrument: es,
      multiplier: 50,
      rows: [{ strike: 6000, call: quote(fop, 40, 41), put: null }],
    };
    expect(shape(buildStrategy(chain, { kind: 'covered-call', strikes: [6000] }))).toEqual([
      'BUY 1 ES',
      'SELL 1 6000C',
    ]);
  });

  it('refuses a covered call on an index', () => {
    const b = buildStrategy(near, { kind: 'covered-call', strikes: [6000] });
    expect(b.problems).toEqual([
      'SPX is an index: a covered call needs shares or a future to hold.',
    ]);
    expect(b.legs).toEqual([]);
  });
});

describe('combo prices', () => {
  const legs = build({ kind: 'vertical-credit', right: 'P', strikes: [5800], width: 50 }).legs;

  it('works out natural and mid by hand for both directions', () => {
    // Selling: 3.50 (bid of the BUY leg) − 2.20 (ask of the SELL leg); buying: 3.70 − 2.00.
    expect(naturalAndMid(legs, 'SELL', quotes)).toEqual({ natural: 1.3, mid: 1.5 });
    expect(naturalAndMid(legs, 'BUY', quotes)).toEqual({ natural: 1.7, mid: 1.5 });
  });

  it('has no natural without a bid, and falls back on the quote mid', () => {
    const q = (leg: { instrument: Instrument }) =>
      leg.instrument.strike === 5750
        ? { bid: null, ask: 2.2, mid: 2.0 }
        : quotes.get(leg.instrument.key);
    expect(naturalAndMid(legs, 'SELL', q)).toEqual({ natural: 1.3, mid: 1.6 });
    expect(naturalAndMid(legs, 'BUY', q)).toEqual({ natural: null, mid: 1.6 });
    expect(naturalAndMid(legs, 'BUY', new Map())).toEqual({ natural: null, mid: null });
  });
});

describe('ticks', () => {
  it('uses the index option rule: 0.05 below $3, 0.10 from $3', () => {
    expect(
      ['SPX', 'SPXW', 'XSP', 'NDX', 'RUT'].map((s) => [optionTick(s, 2.95), optionTick(s, 3)]),
    ).toEqual(Array(5).fill([0.05, 0.1]));
  });

  it('uses the CME rule for ES and MES options: 0.05 below $5, 0.25 from $5', () => {
    expect([optionTick('ES', 4.95), optionTick('ES', 5), optionTick('MES', 12)]).toEqual([
      0.05, 0.25, 0.25,
    ]);
  });

  it('uses pennies below $3 and nickels above for equity options, pennies always for SPY/QQQ/IWM', () => {
    expect([optionTick('AAPL', 2.99), optionTick('AAPL', 3)]).toEqual([0.01, 0.05]);
    expect(['SPY', 'QQQ', 'IWM'].map((s) => optionTick(s, 25))).toEqual([0.01, 0.01, 0.01]);
  });

  it('gives shares 0.01, ES futures 0.25 and options by trading class', () => {
    const spxw = { ...option('SPX', NEAR, 'P', 5800), tradingClass: 'SPXW' };
    expect(instrumentTick(spxw, 4)).toBe(0.1);
    expect(instrumentTick({ ...spxw, secType: 'STK', symbol: 'AAPL' }, 200)).toBe(0.01);
    expect(instrumentTick({ ...spxw, secType: 'FUT', symbol: 'ES' }, 6000)).toBe(0.25);
  });

  it('rounds to whole ticks without float noise, halves away from zero', () => {
    expect(roundToTick(2.53, 0.05)).toBe(2.55);
    expect(roundToTick(2.52, 0.05)).toBe(2.5);
    expect(roundToTick(2.525, 0.05)).toBe(2.55);
    expect(roundToTick(-2.525, 0.05)).toBe(-2.55);
    expect(roundToTick(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(roundToTick(3.14159, 0.01)).toBe(3.14);
    expect(roundToTick(6001.1, 0.25)).toBe(6001);
    expect(floorToTick(2.59, 0.05)).toBe(2.55);
    expect(floorToTick(2.55, 0.05)).toBe(2.55);
    expect(ceilToTick(2.51, 0.05)).toBe(2.55);
    expect(ceilToTick(0.3, 0.1)).toBe(0.3);
  });
});
