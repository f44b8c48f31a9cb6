import { describe, expect, it } from 'vitest';
import { payoffLegs, payoffView } from '../../src/renderer/src/features/orders/payoff-legs';
import type { FixedLeg } from '../../src/renderer/src/features/orders/ticket-draft';
import type { TicketQuote } from '../../src/renderer/src/features/orders/ticket-legs';
import { NOW, option } from './orders-fixtures';

const q = (mid: number | null, iv: number | null = 0.2): TicketQuote => ({
  bid: null,
  ask: null,
  mid,
  delta: null,
  iv,
  time: NOW,
});

// A 5700/5675 put credit spread in the builders' convention: BUY the short strike, SELL the wing,
// and SELL the combo.
const spread: FixedLeg[] = [
  { instrument: option('P', 5700), action: 'BUY', ratio: 1 },
  { instrument: option('P', 5675), action: 'SELL', ratio: 1 },
];
const book = new Map([
  [option('P', 5700).key, q(10)],
  [option('P', 5675).key, q(7)],
]);

describe('payoff legs from ticket legs', () => {
  it('signs each leg by the order side: selling the combo sells its BUY legs', () => {
    const legs = payoffLegs(spread, 'SELL', 2, book, null)!;
    expect(legs.map((l) => [l.strike, l.quantity, l.entryPrice, l.multiplier])).toEqual([
      [5700, -2, 10, 100],
      [5675, 2, 7, 100],
    ]);
    expect(legs[0]).toMatchObject({ right: 'P', expiry: '2026-12-18', iv: 0.2 });
  });

  it('starts the P&L from the limit: the first leg absorbs the gap to the mid', () => {
    const legs = payoffLegs(spread, 'SELL', 1, book, 2.5)!;
    // Combo mid is 3.00; at 2.50 the short put counts as sold for 9.50.
    expect(legs[0]!.entryPrice).toBeCloseTo(9.5, 10);
    expect(legs[1]!.entryPrice).toBe(7);
  });

  it('waits for a mid on every leg rather than drawing a made-up price', () => {
    const missing = new Map(book);
    missing.set(option('P', 5675).key, q(null));
    expect(payoffLegs(spread, 'SELL', 1, missing, null)).toBeNull();
    expect(payoffLegs(spread, 'SELL', 0, book, null)).toBeNull();
  });

  it('gives the credit spread its textbook shape: max profit the credit, max loss width − credit', () => {
    const legs = payoffLegs(spread, 'SELL', 1, book, 2.5)!;
    const view = payoffView(legs, 5800, NOW);
    expect(view.stats.maxProfit).toBeCloseTo(250, 6);
    expect(view.stats.maxLoss).toBeCloseTo(-2250, 6);
    expect(view.stats.breakevens).toHaveLength(1);
    expect(view.stats.breakevens[0]).toBeCloseTo(5697.5, 6);
    expect(view.stats.probabilityOfProfit).toBeGreaterThan(0.5);
    expect(view.curve.length).toBeGreaterThan(100);
    const first = view.curve[0]!;
    const last = view.curve.at(-1)!;
    expect(first.spot).toBeLessThan(5675);
    expect(last.spot).toBeGreaterThan(5800);
    expect(first.expiry).toBeCloseTo(-2250, 6);
    expect(last.expiry).toBeCloseTo(250, 6);
  });
});
