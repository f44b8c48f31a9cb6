import { describe, expect, it } from 'vitest';
import {
  comboPrices,
  comboTick,
  legChanges,
  orderFingerprint,
  reduceAnalysis,
  tickFor,
} from '../../../src/main/orders/gate/order-facts';
import { inst } from '../../fakes/instruments';
import { condor, esFuture, orderOf, quote, shortPut, spxOption, spy } from './gate-context';

const condorOrder = (over: Parameters<typeof condor>[0] = {}) => orderOf(condor(over));
const condorQuotes = () => condor().legs.map((l) => l.quote);

describe('leg changes', () => {
  it('SELL reverses every leg: a sold condor is short its BUY legs', () => {
    expect(legChanges(condorOrder())).toEqual([-2, 2, -2, 2]);
  });

  it('BUY keeps the legs as they are', () => {
    expect(legChanges(condorOrder({ action: 'BUY', quantity: 3 }))).toEqual([3, -3, 3, -3]);
  });

  it('multiplies by the ratio', () => {
    const o = condorOrder();
    o.legs[1] = { ...o.legs[1]!, ratio: 3 };
    expect(legChanges(o)).toEqual([-2, 6, -2, 2]);
  });

  it('a single short put is −quantity', () => {
    expect(legChanges(orderOf(shortPut({ quantity: 4 })))).toEqual([-4]);
  });
});

describe('reduce analysis', () => {
  it('opens everything when nothing is held', () => {
    expect(reduceAnalysis([-2, 2], [0, 0])).toEqual({ reduces: false, opening: [2, 2] });
  });

  it('opens everything when adding to a position on the same side', () => {
    expect(reduceAnalysis([-2], [-5])).toEqual({ reduces: false, opening: [2] });
  });

  it('reduces when every leg shrinks a position, up to closing it', () => {
    expect(reduceAnalysis([2, -3], [-5, 3])).toEqual({ reduces: true, opening: [0, 0] });
  });

  it('counts what a close larger than the position opens on the other side', () => {
    expect(reduceAnalysis([7], [-5])).toEqual({ reduces: false, opening: [2] });
  });

  it('does not reduce when one leg closes and another opens', () => {
    expect(reduceAnalysis([1, -1], [-1, 0])).toEqual({ reduces: false, opening: [0, 1] });
  });

  it('treats a missing held entry as flat', () => {
    expect(reduceAnalysis([1, 1], [-1])).toEqual({ reduces: false, opening: [0, 1] });
  });
});

describe('order fingerprint', () => {
  it('does not depend on the order of the legs', () => {
    const o = condorOrder();
    const shuffled = { ...o, legs: [...o.legs].reverse() };
    expect(orderFingerprint(shuffled)).toBe(orderFingerprint(o));
  });

  it('ignores the limit price and the order reference', () => {
    const o = condorOrder();
    expect(orderFingerprint({ ...o, limitPrice: 25, orderRef: 'other' })).toBe(orderFingerprint(o));
  });

  it('differs by side, size, account and legs', () => {
    const base = orderFingerprint(condorOrder());
    expect(orderFingerprint(condorOrder({ action: 'BUY' }))).not.toBe(base);
    expect(orderFingerprint(condorOrder({ quantity: 3 }))).not.toBe(base);
    expect(orderFingerprint(condorOrder({ account: 'DEMO2' }))).not.toBe(base);
    const o = condorOrder();
    o.legs[0] = { ...o.legs[0]!, instrument: spxOption('P', 5725) };
    expect(orderFingerprint(o)).not.toBe(base);
    const flipped = condorOrder();
    flipped.legs[0] = { ...flipped.legs[0]!, action: 'SELL' };
    expect(orderFingerprint(flipped)).not.toBe(base);
  });
});

describe('combo prices', () => {
  // 5700P 27.0/27.8 (BUY), 5600P 18.0/18.6 (SELL), 6100C 20.0/20.8 (BUY), 6200C 9.0/9.6 (SELL)
  it('prices a sold condor: receives 18.80 at the natural, 20.20 at the mid', () => {
    expect(comboPrices(condorOrder(), condorQuotes())).toEqual({
      mid: 20.2,
      natural: 18.8,
      far: 21.6,
    });
  });

  it('prices the same combo bought: pays 21.60 at the natural', () => {
    expect(comboPrices(condorOrder({ action: 'BUY' }), condorQuotes())).toEqual({
      mid: 20.2,
      natural: 21.6,
      far: 18.8,
    });
  });

  it('weights a leg by its ratio', () => {
    const o = condorOrder();
    o.legs[1] = { ...o.legs[1]!, ratio: 2 };
    expect(comboPrices(o, condorQuotes()).mid).toBeCloseTo(20.2 - 18.3, 9);
  });

  it('a single sold put receives its bid at the natural and its ask at the far', () => {
    const s = shortPut();
    expect(comboPrices(orderOf(s), [s.legs[0]!.quote])).toEqual({
      mid: 59,
      natural: 58.6,
      far: 59.4,
    });
  });

  it('has no prices when any leg lacks a two-sided quote', () => {
    const none = { mid: null, natural: null, far: null };
    const quotes = condorQuotes();
    expect(comboPrices(condorOrder(), [quotes[0]!, quotes[1]!, null, quotes[3]!])).toEqual(none);
    const oneSided = quote(quotes[2]!.key, null, 20.8);
    expect(comboPrices(condorOrder(), [quotes[0]!, quotes[1]!, oneSided, quotes[3]!])).toEqual(
      none,
    );
  });
});

describe('ticks', () => {
  it('index options trade in 0.05 below 3 and 0.10 from 3', () => {
    const put = spxOption('P', 5800);
    expect(tickFor(put, 2.95)).toBe(0.05);
    expect(tickFor(put, 3)).toBe(0.1);
  });

  it('penny-pilot ETF options trade in 0.01, other equity options 0.01 / 0.05', () => {
    const spyCall = inst({
      secType: 'OPT',
      symbol: 'SPY',
      expiry: '2026-12-18',
      right: 'C',
      strike: 600,
    });
    const aapl = inst({
      secType: 'OPT',
      symbol: 'AAPL',
      expiry: '2026-12-18',
      right: 'C',
      strike: 250,
    });
    expect(tickFor(spyCall, 12)).toBe(0.01);
    expect(tickFor(aapl, 2.5)).toBe(0.01);
    expect(tickFor(aapl, 12)).toBe(0.05);
  });

  it('shares 0.01, ES futures 0.25, ES options 0.05 below 5 and 0.25 above', () => {
    const esPut = inst({
      secType: 'FOP',
      symbol: 'ES',
      expiry: '2026-12-18',
      right: 'P',
      strike: 5800,
    });
    expect(tickFor(spy, 590)).toBe(0.01);
    expect(tickFor(esFuture, 5915)).toBe(0.25);
    expect(tickFor(esPut, 4.5)).toBe(0.05);
    expect(tickFor(esPut, 40)).toBe(0.25);
  });

  it('a single leg uses its own tick; an index combo trades in 0.05', () => {
    expect(comboTick(orderOf(shortPut()), 59)).toBe(0.1);
    expect(comboTick(condorOrder(), 20.2)).toBe(0.05);
    expect(comboTick(condorOrder(), 1.2)).toBe(0.05);
  });
});
