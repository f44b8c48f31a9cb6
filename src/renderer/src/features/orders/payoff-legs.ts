/**
 * The ticket's legs as payoff legs (pure): signed units (an order SELL reverses every leg), entry
 * at each leg's mid, IV from the chain. The first leg's entry absorbs the gap between the combo
 * mid and the limit, so the chart's P&L starts from the price the trader would get.
 */
import type { Action } from '@shared/domain/orders';
import { payoffCurve, tradeStats, type PayoffLeg, type TradeStats } from '@shared/domain/payoff';
import { comboMultiplier, comboPrice } from '@shared/domain/strategies';
import type { FixedLeg } from './ticket-draft';
import type { QuoteBook } from './ticket-legs';

/** Null when a leg has no mid (the chart then waits rather than drawing a made-up price). */
export function payoffLegs(
  legs: readonly FixedLeg[],
  action: Action,
  quantity: number,
  book: QuoteBook,
  limitPrice: number | null,
): PayoffLeg[] | null {
  if (legs.length === 0 || !(quantity > 0)) return null;
  const mids = legs.map((l) => book.get(l.instrument.key)?.mid ?? null);
  if (mids.some((m) => m === null)) return null;
  const entries = mids as number[];
  if (limitPrice !== null) {
    const mid = comboPrice(legs, (l) => entries[legs.indexOf(l)] ?? null);
    const l0 = legs[0]!;
    const weight =
      (l0.action === 'BUY' ? 1 : -1) *
      l0.ratio *
      (l0.instrument.multiplier / comboMultiplier(legs));
    if (mid !== null) entries[0] = entries[0]! + (limitPrice - mid) / weight;
  }
  return legs.map((l, i) => {
    const inst = l.instrument;
    const option =
      inst.right !== undefined && inst.strike !== undefined && inst.expiry !== undefined;
    return {
      right: option ? inst.right! : null,
      strike: option ? inst.strike! : null,
      expiry: option ? inst.expiry! : null,
      quantity: (l.action === action ? 1 : -1) * l.ratio * quantity,
      multiplier: inst.multiplier,
      entryPrice: entries[i]!,
      iv: option ? (book.get(inst.key)?.iv ?? null) : null,
      settlement: inst.settlement ?? 'PM',
    };
  });
}

export interface PayoffView {
  curve: Array<{ spot: number; expiry: number; today: number }>;
  stats: TradeStats;
}

/** The risk-free rate for the "today" curve: the renderer has no rate, and over the weeks a
 * ticket spans the rate moves that curve by cents, not by its shape. */
const RATE = 0;
const POINTS = 161;

/** Spot from 15% below the lowest strike (or spot) to 15% above the highest. */
export function payoffRange(
  legs: readonly PayoffLeg[],
  spot: number,
): { from: number; to: number } {
  const strikes = legs.flatMap((l) => (l.strike === null ? [] : [l.strike]));
  const lo = Math.min(spot, ...strikes);
  const hi = Math.max(spot, ...strikes);
  return { from: Math.max(0, lo * 0.85), to: hi * 1.15 };
}

export function payoffView(legs: PayoffLeg[], spot: number, now: number): PayoffView {
  const { from, to } = payoffRange(legs, spot);
  return {
    curve: payoffCurve(legs, { spot, now, rate: RATE, from, to, points: POINTS }),
    stats: tradeStats(legs, { spot, now, rate: RATE }),
  };
}
