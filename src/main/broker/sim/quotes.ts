/**
 * Turns model prices into a top of book. Options: half-spread = 1.5 % of the price, wider for
 * longer-dated lines (× 1 + T/2, T ≤ 1 year), at least half a tick, at most ~0.06 % of the
 * underlying (×(1 + T)) so deep in-the-money lines stay tradeable; bid rounded down and ask up
 * to the tick, bid ≥ 0. Shares: a 1–3 cent spread by price; futures: one 0.25 tick. Indexes
 * (SPX, VIX, VIX3M) publish a last value only, as they do at a broker. Sizes are pseudo-random
 * per line and step, derived from the seed so runs repeat.
 */
import type { Quote } from '@shared/domain/market';
import { hashUniform } from './rng';
import type { OptionValue } from './price-line';
import {
  FUTURE_TICK,
  STOCK_TICK,
  ceilToTick,
  clean,
  floorToTick,
  optionTick,
  roundToTick,
} from './ticks';
import type { OptionTickRule } from './universe';

export interface SizeSeed {
  seed: number;
  keyHash: number;
  version: number;
}

function size(s: SizeSeed, salt: number, lo: number, hi: number): number {
  return lo + Math.floor(hashUniform(s.seed, s.keyHash, s.version, salt) * (hi - lo + 1));
}

function quote(
  key: string,
  bid: number,
  ask: number,
  last: number,
  sizes: [number, number],
  time: number,
): Quote {
  return {
    key,
    bid,
    ask,
    last,
    mark: clean((bid + ask) / 2),
    bidSize: sizes[0],
    askSize: sizes[1],
    delayed: false,
    time,
  };
}

export function optionQuote(
  key: string,
  rule: OptionTickRule,
  v: OptionValue,
  s: SizeSeed,
  time: number,
): Quote {
  if (v.t <= 0) {
    const value = roundToTick(v.price, 0.01);
    return quote(key, value, value, value, [0, 0], time);
  }
  const years = Math.min(v.t, 1);
  const tickHere = optionTick(rule, v.price);
  const cap = Math.max(tickHere, 0.0006 * v.underlying * (1 + years));
  const half = Math.min(cap, Math.max(tickHere / 2, 0.015 * v.price * (1 + years / 2)));
  const lo = v.price - half;
  const hi = v.price + half;
  const bid = lo <= 0 ? 0 : floorToTick(lo, optionTick(rule, lo));
  const ask = Math.max(ceilToTick(hi, optionTick(rule, hi)), bid + optionTick(rule, bid));
  const sizes: [number, number] = [size(s, 1, 10, 200), size(s, 2, 10, 200)];
  return quote(key, bid, clean(ask), roundToTick(v.price, optionTick(rule, v.price)), sizes, time);
}

export function stockQuote(key: string, price: number, s: SizeSeed, time: number): Quote {
  const ticks = Math.max(1, Math.round((price * 0.00005) / STOCK_TICK));
  const bid = clean(floorToTick(price, STOCK_TICK) - Math.floor((ticks - 1) / 2) * STOCK_TICK);
  const ask = clean(bid + ticks * STOCK_TICK);
  const sizes: [number, number] = [100 * size(s, 1, 1, 20), 100 * size(s, 2, 1, 20)];
  return quote(key, bid, ask, roundToTick(price, STOCK_TICK), sizes, time);
}

export function futureQuote(key: string, price: number, s: SizeSeed, time: number): Quote {
  const bid = floorToTick(price, FUTURE_TICK);
  const sizes: [number, number] = [size(s, 1, 5, 80), size(s, 2, 5, 80)];
  return quote(key, bid, clean(bid + FUTURE_TICK), roundToTick(price, FUTURE_TICK), sizes, time);
}

export function indexQuote(key: string, price: number, time: number): Quote {
  const last = roundToTick(price, 0.01);
  return {
    key,
    bid: null,
    ask: null,
    last,
    mark: last,
    bidSize: null,
    askSize: null,
    delayed: false,
    time,
  };
}
