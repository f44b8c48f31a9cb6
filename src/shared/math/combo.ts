/**
 * Combo prices in IB's BAG convention: per combo unit, Σ (BUY leg +1, SELL leg −1) × ratio ×
 * leg price. A stock or future leg is counted in its own units (100 shares against one
 * 100-multiplier option is ratio 100), so its price is scaled by its multiplier over the
 * options' multiplier: a buy-write of 100 shares at 50 and one call at 1.20 is quoted 48.80,
 * per share, as brokers quote it. For option-only combos the scale is 1.
 */
import type { ChainQuote, ChainView } from '../domain/chain';
import type { Instrument } from '../domain/instrument';
import { isOption } from '../domain/instrument';
import type { Action } from '../domain/orders';

export interface ComboLeg {
  instrument: Instrument;
  action: Action;
  ratio: number;
}

/** A leg's quote: ChainQuote fits, as does any {bid, ask}. */
export interface LegQuote {
  bid: number | null;
  ask: number | null;
  mid?: number | null;
}

/** Quotes by instrument key, or a lookup per leg. */
export type QuoteSource<L extends ComboLeg = ComboLeg> =
  ReadonlyMap<string, LegQuote> | ((leg: L) => LegQuote | null | undefined);

/** The multiplier combo prices are quoted against: the options' (else the first leg's). */
export function comboMultiplier(legs: readonly ComboLeg[]): number {
  const opt = legs.find((l) => isOption(l.instrument));
  return (opt ?? legs[0])?.instrument.multiplier ?? 1;
}

/** What one unit of a leg's price adds to the combo price: ±ratio × its multiplier's scale. */
export function legWeight(leg: ComboLeg, base: number): number {
  return (leg.action === 'BUY' ? 1 : -1) * leg.ratio * (leg.instrument.multiplier / base);
}

/** Σ ±ratio × scale × price; null when any leg's price is missing. */
export function comboPrice<L extends ComboLeg>(
  legs: readonly L[],
  pick: (leg: L) => number | null,
): number | null {
  const base = comboMultiplier(legs);
  let sum = 0;
  for (const leg of legs) {
    const px = pick(leg);
    if (px === null || !Number.isFinite(px)) return null;
    sum += legWeight(leg, base) * px;
  }
  return clean(sum);
}

/**
 * The natural price (cross the spread) and the mid, per combo unit, for the order's action.
 * BUY pays Σ buy legs' ask − Σ sell legs' bid; SELL receives Σ buy legs' bid − Σ sell legs' ask.
 * A leg without a bid or ask leaves natural null; without any mid, mid null.
 */
export function naturalAndMid<L extends ComboLeg>(
  legs: readonly L[],
  action: Action,
  quotes: QuoteSource<L>,
): { natural: number | null; mid: number | null } {
  if (legs.length === 0) return { natural: null, mid: null };
  const quoteOf = (leg: L): LegQuote | null =>
    (typeof quotes === 'function' ? quotes(leg) : quotes.get(leg.instrument.key)) ?? null;
  const natural = comboPrice(legs, (leg) => {
    const q = quoteOf(leg);
    // Buying the combo buys the BUY legs (at the ask); selling it sells them (at the bid).
    const lifts = (leg.action === 'BUY') === (action === 'BUY');
    return (lifts ? q?.ask : q?.bid) ?? null;
  });
  const mid = comboPrice(legs, (leg) => legMid(quoteOf(leg)));
  return { natural, mid };
}

/** Mid from bid and ask when both are there, else the quote's own mid. */
function legMid(q: LegQuote | null): number | null {
  if (!q) return null;
  if (q.bid !== null && q.ask !== null) return (q.bid + q.ask) / 2;
  return q.mid ?? null;
}

/** Every quote in the given chains, by instrument key, for naturalAndMid. */
export function chainQuotes(...chains: Array<ChainView | undefined>): Map<string, ChainQuote> {
  const out = new Map<string, ChainQuote>();
  for (const c of chains) {
    for (const r of c?.rows ?? []) {
      if (r.call) out.set(r.call.instrument.key, r.call);
      if (r.put) out.set(r.put.instrument.key, r.put);
    }
  }
  return out;
}

/** Rounds away float noise (0.30000000000000004) without touching real digits. */
function clean(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}
