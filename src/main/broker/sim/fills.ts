/**
 * Matching for one working order against the legs' quotes (IB combo convention: the order's
 * BUY applies leg actions as given, SELL inverts them; prices are per combo unit, negative =
 * credit when bought).
 *
 * - The touch: buying the combo costs Σ(buy legs' ask × ratio) − Σ(sell legs' bid × ratio);
 *   selling it earns Σ(buy legs' bid × ratio) − Σ(sell legs' ask × ratio).
 * - An aggressive limit (marketable when it arrives) fills at the touch plus 0–1 tick of
 *   slippage, never beyond its limit; a better-than-touch limit still fills at the touch.
 * - A limit that was not marketable rests; once the market crosses it, it fills at its limit.
 * - Market orders fill at the touch with 0–2 ticks of slippage.
 * - Size: at most the displayed size at the touch per step (for combos the smallest
 *   size/ratio over the legs), so big orders fill over several steps.
 */
import type { Action } from '@shared/domain/orders';
import type { Rng } from './rng';
import { clean } from './ticks';

export interface LegBook {
  bid: number | null;
  ask: number | null;
  bidSize: number | null;
  askSize: number | null;
}

export interface MatchLeg {
  /** The leg's action as given in the order. */
  action: Action;
  ratio: number;
  book: LegBook;
  /** Tick of this leg at its current price (slippage is counted in the first leg's ticks). */
  tick: number;
}

export interface MatchOrder {
  action: Action;
  orderType: 'LMT' | 'MKT';
  limitPrice?: number | undefined;
  remaining: number;
  /** True once the order has been seen not marketable: it then fills only at its limit. */
  resting: boolean;
}

export interface Touch {
  /** Combo price in the order's terms (what a BUY pays, what a SELL receives). */
  price: number;
  units: number;
  legPrices: number[];
}

export type MatchOutcome =
  | { kind: 'fill'; units: number; comboPrice: number; legPrices: number[] }
  | { kind: 'wait'; resting: boolean };

const EPS = 1e-9;

/** The executable combo price and size for the order's side, or null when a leg has no market. */
export function comboTouch(orderAction: Action, legs: readonly MatchLeg[]): Touch | null {
  let price = 0;
  let units = Infinity;
  const legPrices: number[] = [];
  for (const leg of legs) {
    // Effective action on this leg after the order's side is applied.
    const buyLeg = (leg.action === 'BUY') === (orderAction === 'BUY');
    const p = buyLeg ? leg.book.ask : leg.book.bid;
    const size = buyLeg ? leg.book.askSize : leg.book.bidSize;
    if (p === null || size === null) return null;
    legPrices.push(p);
    price += (leg.action === 'BUY' ? 1 : -1) * p * leg.ratio;
    units = Math.min(units, Math.floor(size / leg.ratio));
  }
  return { price: clean(price), units, legPrices };
}

export function matchOrder(order: MatchOrder, legs: readonly MatchLeg[], rng: Rng): MatchOutcome {
  const touch = comboTouch(order.action, legs);
  if (!touch || touch.units <= 0) return { kind: 'wait', resting: order.resting };
  const buy = order.action === 'BUY';
  const tick = legs[0]?.tick ?? 0.01;
  let price: number;
  if (order.orderType === 'MKT') {
    const slip = rng.int(0, 2) * tick;
    price = buy ? touch.price + slip : touch.price - slip;
  } else {
    const limit = order.limitPrice ?? NaN;
    const marketable = buy ? limit >= touch.price - EPS : limit <= touch.price + EPS;
    if (!marketable) return { kind: 'wait', resting: true };
    if (order.resting) price = limit;
    else {
      const slip = rng.int(0, 1) * tick;
      price = buy ? Math.min(touch.price + slip, limit) : Math.max(touch.price - slip, limit);
    }
  }
  const legPrices = allocate(touch, legs, clean(price - touch.price));
  const comboPrice = clean(
    legs.reduce((sum, l, i) => sum + (l.action === 'BUY' ? 1 : -1) * legPrices[i]! * l.ratio, 0),
  );
  return { kind: 'fill', units: Math.min(order.remaining, touch.units), comboPrice, legPrices };
}

/**
 * Puts the difference between the fill and the touch (in combo terms, as given) on one leg:
 * a raise goes onto a BUY leg, a cut onto a SELL leg, so no leg price turns negative. If the
 * only candidate would go below zero it stops at zero, which only favours the order.
 */
function allocate(touch: Touch, legs: readonly MatchLeg[], diff: number): number[] {
  const prices = [...touch.legPrices];
  if (diff === 0) return prices;
  const want: Action = diff > 0 ? 'BUY' : 'SELL';
  let i = legs.findIndex((l) => l.action === want);
  if (i < 0) i = 0;
  const leg = legs[i]!;
  const sign = leg.action === 'BUY' ? 1 : -1;
  prices[i] = clean(Math.max(0, prices[i]! + (sign * diff) / leg.ratio));
  return prices;
}
