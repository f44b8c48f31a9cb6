/**
 * Facts derived from an order that several checks share: each leg's signed position change,
 * whether the order only reduces what is held, its fingerprint for the duplicate check, and
 * combo prices in the order's direction (IB convention: SELL reverses every leg).
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { OrderRequest } from '@shared/domain/orders';
import type { ReduceAnalysis } from './types';

const sign = (a: 'BUY' | 'SELL') => (a === 'BUY' ? 1 : -1);

/** Signed units of each leg if the whole order fills. */
export function legChanges(order: OrderRequest): number[] {
  return order.legs.map((l) => sign(order.action) * sign(l.action) * l.ratio * order.quantity);
}

export function reduceAnalysis(
  changes: readonly number[],
  held: readonly number[],
): ReduceAnalysis {
  const opening = changes.map((c, i) => {
    const h = held[i] ?? 0;
    if (h === 0 || Math.sign(c) === Math.sign(h)) return Math.abs(c);
    return Math.max(0, Math.abs(c) - Math.abs(h));
  });
  return { reduces: opening.every((o) => o === 0), opening };
}

export function orderFingerprint(order: OrderRequest): string {
  const legs = order.legs.map((l) => `${l.instrument.key}:${l.action}:${l.ratio}`).sort();
  return [order.account ?? '', order.action, order.quantity, ...legs].join('|');
}

/**
 * Mid, natural (pay the ask / hit the bid now) and far (the other side) per combo unit, from
 * the buyer's or seller's view as the order is: a BUY pays these, a SELL receives them.
 */
export function comboPrices(
  order: OrderRequest,
  quotes: ReadonlyArray<Quote | null>,
): { mid: number | null; natural: number | null; far: number | null } {
  let mid = 0;
  let natural = 0;
  let far = 0;
  for (const [i, leg] of order.legs.entries()) {
    const q = quotes[i];
    if (!q || q.bid === null || q.ask === null) return { mid: null, natural: null, far: null };
    const s = sign(order.action) * sign(leg.action);
    // Buying a unit of this leg costs its ask now; selling it brings its bid.
    mid += sign(leg.action) * leg.ratio * ((q.bid + q.ask) / 2);
    natural += sign(leg.action) * leg.ratio * (s > 0 ? q.ask : q.bid);
    far += sign(leg.action) * leg.ratio * (s > 0 ? q.bid : q.ask);
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { mid: round(mid), natural: round(natural), far: round(far) };
}

const INDEX_OPTION_ROOTS = new Set(['SPX', 'SPXW', 'XSP', 'NDX', 'NDXP', 'RUT', 'RUTW', 'VIX']);
const PENNY_ROOTS = new Set(['SPY', 'QQQ', 'IWM']);

/** The minimum price increment at a price (CBOE/CME rules for the roots Bulwark trades). */
export function tickFor(inst: Instrument, price: number): number {
  const p = Math.abs(price);
  if (inst.secType === 'STK') return 0.01;
  if (inst.secType === 'FUT') return 0.25;
  if (inst.secType === 'FOP') return p < 5 ? 0.05 : 0.25;
  if (INDEX_OPTION_ROOTS.has(inst.symbol)) return p < 3 ? 0.05 : 0.1;
  if (PENNY_ROOTS.has(inst.symbol)) return 0.01;
  return p < 3 ? 0.01 : 0.05;
}

/** A combo's tick: the legs' largest at the combo price (index combos trade in 0.05s). */
export function comboTick(order: OrderRequest, price: number | null): number {
  if (order.legs.length === 1) return tickFor(order.legs[0]!.instrument, price ?? 0);
  return Math.max(...order.legs.map((l) => Math.min(tickFor(l.instrument, price ?? 0), 0.05)));
}
