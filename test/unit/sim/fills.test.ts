import { describe, expect, it } from 'vitest';
import type { LegBook, MatchLeg, MatchOrder } from '../../../src/main/broker/sim/fills';
import { comboTouch, matchOrder } from '../../../src/main/broker/sim/fills';
import { Rng } from '../../../src/main/broker/sim/rng';

const book = (bid: number, ask: number, bidSize = 50, askSize = 50): LegBook => ({
  bid,
  ask,
  bidSize,
  askSize,
});
const single = (b: LegBook): MatchLeg[] => [{ action: 'BUY', ratio: 1, book: b, tick: 0.05 }];
const lmt = (
  action: 'BUY' | 'SELL',
  limitPrice: number,
  remaining = 1,
  resting = false,
): MatchOrder => ({
  action,
  orderType: 'LMT',
  limitPrice,
  remaining,
  resting,
});

/** Short iron condor legs as given (SELL put, BUY put, SELL call, BUY call). */
const condor: MatchLeg[] = [
  { action: 'SELL', ratio: 1, book: book(3.0, 3.2, 40, 60), tick: 0.05 },
  { action: 'BUY', ratio: 1, book: book(1.9, 2.1, 30, 25), tick: 0.05 },
  { action: 'SELL', ratio: 1, book: book(2.5, 2.7, 20, 70), tick: 0.05 },
  { action: 'BUY', ratio: 1, book: book(1.2, 1.35, 90, 35), tick: 0.05 },
];

describe('fill matching', () => {
  it('prices buying a combo at Σ buy asks − Σ sell bids, with the smallest leg size', () => {
    // BUY: pay 2.10 + 1.35, receive 3.00 + 2.50 → −2.05 (a credit); sizes 40, 25, 20, 35.
    expect(comboTouch('BUY', condor)).toEqual({
      price: -2.05,
      units: 20,
      legPrices: [3.0, 2.1, 2.5, 1.35],
    });
    // SELL inverts: sell 1.90 + 1.20, buy 3.20 + 2.70 → −2.80 received; sizes 60, 30, 70, 90.
    expect(comboTouch('SELL', condor)).toMatchObject({ price: -2.8, units: 30 });
  });

  it('fills a marketable limit at the touch plus 0–1 tick, never beyond its limit', () => {
    const rng = new Rng(1);
    const prices = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const m = matchOrder(lmt('BUY', 5), single(book(1.0, 1.1)), rng);
      if (m.kind !== 'fill') throw new Error('expected a fill');
      prices.add(m.comboPrice);
    }
    expect([...prices].sort()).toEqual([1.1, 1.15]);
    for (let i = 0; i < 100; i++) {
      const m = matchOrder(lmt('BUY', 1.1), single(book(1.0, 1.1)), rng);
      expect(m).toMatchObject({ kind: 'fill', comboPrice: 1.1 });
    }
  });

  it('fills a marketable sell at the bid less at most one tick, never below its limit', () => {
    const rng = new Rng(2);
    for (let i = 0; i < 100; i++) {
      const m = matchOrder(lmt('SELL', 0.5), single(book(1.0, 1.1)), rng);
      if (m.kind !== 'fill') throw new Error('expected a fill');
      expect([1.0, 0.95]).toContain(m.comboPrice);
      const capped = matchOrder(lmt('SELL', 1.0), single(book(1.0, 1.1)), rng);
      expect(capped).toMatchObject({ comboPrice: 1.0 });
    }
  });

  it('rests a limit that is not marketable and later fills it at its limit', () => {
    const rng = new Rng(3);
    expect(matchOrder(lmt('BUY', 0.9), single(book(1.0, 1.1)), rng)).toEqual({
      kind: 'wait',
      resting: true,
    });
    const m = matchOrder(lmt('BUY', 0.9, 1, true), single(book(0.7, 0.8)), rng);
    expect(m).toMatchObject({ kind: 'fill', comboPrice: 0.9, legPrices: [0.9] });
  });

  it('fills market orders at the touch with 0–2 ticks of slippage', () => {
    const rng = new Rng(4);
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const m = matchOrder(
        { action: 'BUY', orderType: 'MKT', remaining: 1, resting: false },
        single(book(1.0, 1.1)),
        rng,
      );
      if (m.kind === 'fill') seen.add(m.comboPrice);
    }
    expect([...seen].sort()).toEqual([1.1, 1.15, 1.2]);
  });

  it('fills at most the displayed size per match', () => {
    const m = matchOrder(lmt('BUY', 2, 500), single(book(1.0, 1.1, 10, 37)), new Rng(5));
    expect(m).toMatchObject({ kind: 'fill', units: 37 });
  });

  it('fills a combo with leg prices that add up to the combo price, none negative', () => {
    const rng = new Rng(6);
    for (let i = 0; i < 50; i++) {
      const m = matchOrder(lmt('BUY', -1.5, 5), condor, rng);
      if (m.kind !== 'fill') throw new Error('expected a fill');
      const sum = m.legPrices.reduce((s, p, j) => s + (condor[j]!.action === 'BUY' ? p : -p), 0);
      expect(sum).toBeCloseTo(m.comboPrice, 9);
      expect(m.comboPrice).toBeLessThanOrEqual(-1.5);
      expect(Math.min(...m.legPrices)).toBeGreaterThanOrEqual(0);
    }
    // Wants a 2.50 credit while the touch offers 2.05: rests.
    expect(matchOrder(lmt('BUY', -2.5, 5), condor, rng)).toMatchObject({ kind: 'wait' });
  });

  it('waits when a leg has no market', () => {
    const noBid: LegBook = { bid: null, ask: 1, bidSize: null, askSize: 10 };
    expect(matchOrder(lmt('SELL', 0.1), single(noBid), new Rng(7))).toMatchObject({ kind: 'wait' });
  });
});
