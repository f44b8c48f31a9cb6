/**
 * Helpers for building position books against the start market: pick expiries by DTE, strikes
 * by delta, and average prices near the current marks.
 */
import type { Instrument, OptionRight } from '@shared/domain/instrument';
import { daysToExpiry, yearsToExpiry } from '@shared/domain/time';
import type { SimInstruments } from './instruments';
import type { LedgerPosition } from './ledger';
import type { MarketModel } from './market-model';
import { valueOption } from './price-line';
import type { QuoteEngine } from './quote-engine';
import type { Rng } from './rng';
import { instrumentTick, roundToTick } from './ticks';
import { SYMBOL_INDEX, specOf } from './universe';

export interface BookContext {
  instruments: SimInstruments;
  market: MarketModel;
  quotes: QuoteEngine;
  rng: Rng;
}

/** Thirty sim minutes: an expiry closer than this is not worth opening a position in. */
const MIN_YEARS = 30 / (365 * 24 * 60);

function openExpiries(ctx: BookContext, symbol: string): string[] {
  const chain = ctx.instruments.chain(symbol);
  if (!chain) throw new Error(`no chain for ${symbol}`);
  return chain.expirations.filter(
    (e) => yearsToExpiry(e, ctx.market.time, chain.settlement(e)) > MIN_YEARS,
  );
}

function dteOf(ctx: BookContext, symbol: string, expiry: string): number {
  const settlement = ctx.instruments.chain(symbol)?.settlement(expiry) ?? 'PM';
  return daysToExpiry(expiry, ctx.market.time, settlement);
}

/** The open expiry whose DTE is closest to `dte` (ties: the earlier one). */
export function expiryNear(ctx: BookContext, symbol: string, dte: number): string {
  let best = '';
  let bestGap = Infinity;
  for (const e of openExpiries(ctx, symbol)) {
    const gap = Math.abs(dteOf(ctx, symbol, e) - dte);
    if (gap < bestGap) {
      best = e;
      bestGap = gap;
    }
  }
  return best;
}

/** The first open expiry with DTE in [lo, hi], else the first one from lo on, else the nearest. */
export function expiryWithin(ctx: BookContext, symbol: string, lo: number, hi: number): string {
  const open = openExpiries(ctx, symbol);
  const dte = (e: string): number => dteOf(ctx, symbol, e);
  return (
    open.find((e) => dte(e) >= lo && dte(e) <= hi) ?? open.find((e) => dte(e) >= lo) ?? open[0]!
  );
}

/** The chain strike whose model |delta| is closest to `target`. */
export function strikeByDelta(
  ctx: BookContext,
  symbol: string,
  expiry: string,
  right: OptionRight,
  target: number,
): number {
  const spec = specOf(symbol);
  const chain = ctx.instruments.chain(symbol);
  const source = SYMBOL_INDEX.get(symbol);
  if (!spec?.options || !chain || source === undefined) throw new Error(`no options on ${symbol}`);
  const settlement = chain.settlement(expiry);
  const terms = { spec: spec.options, right, expiry, settlement, divYield: spec.divYield };
  const onFuture = chain.secType === 'FOP';
  let best = chain.strikes[0]!;
  let bestGap = Infinity;
  for (const strike of chain.strikes) {
    const v = valueOption({ ...terms, strike, onFuture }, source, ctx.market);
    const gap = Math.abs(Math.abs(v.delta) - target);
    if (gap < bestGap) {
      best = strike;
      bestGap = gap;
    }
  }
  return best;
}

/** The chain strike nearest to x. */
export function nearestStrike(ctx: BookContext, symbol: string, x: number): number {
  const strikes = ctx.instruments.chain(symbol)?.strikes ?? [];
  let best = strikes[0] ?? x;
  for (const k of strikes) if (Math.abs(k - x) < Math.abs(best - x)) best = k;
  return best;
}

export function option(
  ctx: BookContext,
  symbol: string,
  expiry: string,
  right: OptionRight,
  strike: number,
): Instrument {
  const inst = ctx.instruments.option(symbol, expiry, right, strike);
  if (!inst) throw new Error(`no ${symbol} ${expiry} ${strike} ${right} in the chain`);
  return inst;
}

export function underlying(ctx: BookContext, symbol: string): Instrument {
  const inst = ctx.instruments.underlying(symbol);
  if (!inst) throw new Error(`unknown underlying ${symbol}`);
  return inst;
}

/** A position opened near the current mark: ± up to `noise` (fraction), on the tick. */
export function position(
  ctx: BookContext,
  instrument: Instrument,
  quantity: number,
  noise = 0.03,
): LedgerPosition {
  const mark = ctx.quotes.mark(instrument) ?? 0;
  const raw = mark * (1 + noise * (2 * ctx.rng.next() - 1));
  const tick = instrumentTick(instrument, raw);
  return { instrument, quantity, avgPrice: Math.max(tick, roundToTick(raw, tick)) };
}
