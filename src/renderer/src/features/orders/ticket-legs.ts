/**
 * From the draft and the chains to legs, quotes and prices (pure). Quotes older than the quote
 * staleness limit count as missing: the ticket shows "—" and computes no price from them, the
 * same way the gate refuses them.
 */
import type { ChainQuote, ChainView } from '@shared/domain/chain';
import { formatExpiry, formatStrike } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { Action } from '@shared/domain/orders';
import {
  buildStrategy,
  findQuote,
  instrumentTick,
  naturalAndMid,
  roundToTick,
  STRATEGIES,
} from '@shared/domain/strategies';
import type { FixedLeg, TicketDraft } from './ticket-draft';

/** A leg's quote as the ticket uses it; every field null when unknown or stale. */
export interface TicketQuote {
  bid: number | null;
  ask: number | null;
  mid: number | null;
  delta: number | null;
  iv: number | null;
  time: number | null;
}

export type QuoteBook = ReadonlyMap<string, TicketQuote>;

export interface DerivedLegs {
  action: Action;
  legs: FixedLeg[];
  label: string;
  /** Why no order can be made yet; when non-empty, legs is empty. */
  problems: string[];
  notes: string[];
}

/** True when a quote is missing its time or older than `staleMs` at `now`. */
export function isStale(time: number | null, now: number, staleMs: number): boolean {
  return time === null || now - time > staleMs;
}

function fromChain(q: ChainQuote, fresh: boolean): TicketQuote {
  if (!fresh) return { bid: null, ask: null, mid: null, delta: null, iv: null, time: q.time };
  return { bid: q.bid, ask: q.ask, mid: q.mid, delta: q.delta, iv: q.iv, time: q.time };
}

/**
 * Every quote the ticket knows, by instrument key: the chains' options, the underlying (its
 * price from the chain) and, for legs no chain lists (a closed position far from the money),
 * the market.quotes stream.
 */
export function quoteBook(
  chains: ReadonlyArray<ChainView | null>,
  streamed: Readonly<Record<string, Quote>>,
  now: number,
  staleMs: number,
): Map<string, TicketQuote> {
  const out = new Map<string, TicketQuote>();
  for (const [key, q] of Object.entries(streamed)) {
    const fresh = !isStale(q.time, now, staleMs);
    const mid = q.bid !== null && q.ask !== null ? (q.bid + q.ask) / 2 : null;
    out.set(key, {
      bid: fresh ? q.bid : null,
      ask: fresh ? q.ask : null,
      mid: fresh ? mid : null,
      delta: null,
      iv: null,
      time: q.time,
    });
  }
  for (const c of chains) {
    if (!c) continue;
    const u = c.underlyingInstrument.key;
    if (!out.has(u) && c.underlyingPrice !== null) {
      const fresh = !isStale(c.asOf, now, staleMs);
      const px = fresh ? c.underlyingPrice : null;
      out.set(u, { bid: null, ask: null, mid: px, delta: 1, iv: null, time: c.asOf });
    }
    for (const r of c.rows) {
      for (const q of [r.call, r.put]) {
        if (q) out.set(q.instrument.key, fromChain(q, !isStale(q.time, now, staleMs)));
      }
    }
  }
  return out;
}

const fail = (action: Action, problems: string[], label = ''): DerivedLegs => ({
  action,
  legs: [],
  label,
  problems,
  notes: [],
});

export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, '').replace('\u2212', '-');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The legs the draft asks for, looked up in the near and far chains. */
export function deriveLegs(
  d: TicketDraft,
  chain: ChainView | null,
  far: ChainView | null,
): DerivedLegs {
  const side = d.side ?? 'BUY';
  if (d.kind === 'close') {
    if (!d.fixed) return fail(side, ['Nothing to close.']);
    // The order's side closes; the leg is bought (a SELL leg would flip the side again).
    return {
      action: d.fixed.action,
      legs: [{ ...d.fixed, action: 'BUY' }],
      label: `Close ${d.fixed.instrument.description}`,
      problems: [],
      notes: [],
    };
  }
  if (d.kind === 'roll') return rollLegs(d, far);
  if (!chain) return fail(side, [`Waiting for the ${d.underlying} chain.`]);
  if (d.kind === 'stock' || d.kind === 'future') {
    const u = chain.underlyingInstrument;
    const want = d.kind === 'stock' ? 'STK' : 'FUT';
    if (u.secType !== want) {
      const what = d.kind === 'stock' ? 'shares' : 'a future';
      return fail(side, [`${chain.underlying} options price off ${u.description}, not ${what}.`]);
    }
    const verb = side === 'BUY' ? 'Buy' : 'Sell';
    return {
      action: side,
      legs: [{ instrument: u, action: 'BUY', ratio: 1 }],
      label: `${verb} ${u.description}${d.kind === 'stock' ? ' shares' : ''}`,
      problems: [],
      notes: [],
    };
  }
  const width = parseNumber(d.widthText);
  const built = buildStrategy(
    chain,
    {
      kind: d.kind,
      right: d.right,
      ...(d.side ? { side: d.side } : {}),
      strikes: d.strikes.map((k) => k ?? NaN),
      ...(width !== null ? { width } : {}),
      ...(d.farExpiry ? { farExpiry: d.farExpiry } : {}),
    },
    far ?? undefined,
  );
  return {
    action: built.action,
    legs: built.legs,
    label: built.label,
    problems: built.problems,
    notes: built.notes,
  };
}

/** Close the position's option and open the chosen strike at the later expiry, in one order. */
function rollLegs(d: TicketDraft, far: ChainView | null): DerivedLegs {
  const near = d.fixed;
  if (!near || near.instrument.right === undefined) return fail('SELL', ['Nothing to roll.']);
  // The position is closed by the near leg's action; the order's side follows it.
  const action: Action = near.action === 'BUY' ? 'SELL' : 'BUY';
  if (!d.farExpiry) return fail(action, ['Choose the expiry to roll to.']);
  if (!far || far.expiry !== d.farExpiry)
    return fail(action, [`Waiting for the ${formatExpiry(d.farExpiry)} chain.`]);
  const strike = d.strikes[0] ?? near.instrument.strike ?? null;
  if (strike === null) return fail(action, ['Choose the new strike.']);
  const q = findQuote(far, strike, near.instrument.right);
  if (!q)
    return fail(action, [
      `There is no ${formatStrike(strike)} in the ${formatExpiry(far.expiry)}.`,
    ]);
  // Combo convention: the far (new) leg bought, the near sold; SELL the combo when short.
  return {
    action,
    legs: [
      { instrument: q.instrument, action: 'BUY', ratio: 1 },
      { instrument: near.instrument, action: 'SELL', ratio: 1 },
    ],
    label: `Roll ${near.instrument.description} to ${q.instrument.description}`,
    problems: [],
    notes: [],
  };
}

export interface TicketPrices {
  natural: number | null;
  mid: number | null;
  tick: number;
}

/** Natural and mid per combo unit for the order's action, and the tick to round a limit to. */
export function ticketPrices(
  legs: readonly FixedLeg[],
  action: Action,
  book: QuoteBook,
): TicketPrices {
  const { natural, mid } = naturalAndMid(legs, action, (l) => book.get(l.instrument.key) ?? null);
  const first = legs.find((l) => l.instrument.secType === 'OPT' || l.instrument.secType === 'FOP');
  const inst = (first ?? legs[0])?.instrument;
  const tick = inst ? instrumentTick(inst, Math.abs(mid ?? natural ?? 0)) : 0.01;
  return { natural, mid, tick };
}

export function fmtTickPrice(price: number, tick: number): string {
  return roundToTick(price, tick).toFixed(tick >= 1 ? 0 : 2);
}

/** The label used as the strategy tag when the trader types none (the gate takes 60 chars). */
export function defaultTag(d: TicketDraft, label: string): string {
  const info = STRATEGIES.find((s) => s.kind === d.kind);
  const text = label || info?.label || d.kind;
  return text.slice(0, 60);
}

/** Sum of each leg's delta × signed quantity × multiplier: share-equivalents (null if unknown). */
export function chainDelta(
  legs: readonly FixedLeg[],
  action: Action,
  quantity: number,
  book: QuoteBook,
): number | null {
  let sum = 0;
  for (const l of legs) {
    const q = book.get(l.instrument.key);
    const delta = l.instrument.secType === 'STK' || l.instrument.secType === 'FUT' ? 1 : q?.delta;
    if (delta === null || delta === undefined) return null;
    const sign = l.action === action ? 1 : -1;
    sum += sign * l.ratio * quantity * delta * l.instrument.multiplier;
  }
  return sum;
}
