/**
 * The open ticket (pure): the draft, the chains it was built from, the latest review and whether
 * Send may use it. The two-step rule lives here: a review is usable only for the exact draft it
 * reviewed (every trader edit counts, see `edits`), before its token expires, once.
 */
import type { ApiError } from '@shared/api/errors';
import type { ChainView } from '@shared/domain/chain';
import type { OrderTicket, Review } from '@shared/domain/order-ticket';
import { atmStrike } from '@shared/domain/strategies';
import {
  editDraft,
  needsFarExpiry,
  needsWidth,
  strikeSlots,
  type TicketDraft,
} from './ticket-draft';
import {
  defaultTag,
  deriveLegs,
  fmtTickPrice,
  parseNumber,
  ticketPrices,
  type DerivedLegs,
  type QuoteBook,
} from './ticket-legs';

export interface TicketState {
  draft: TicketDraft;
  /** Counts the trader's edits; a review remembers the count it was made at. */
  edits: number;
  chain: ChainView | null;
  farChain: ChainView | null;
  chainError: ApiError | null;
  review: Review | null;
  reviewedAt: number;
  /** A submit was tried with the review's token: it cannot be used again. */
  tokenSpent: boolean;
  busy: 'simulate' | 'send' | null;
  /** The coded error of the last Simulate or Send. */
  error: ApiError | null;
}

export function openTicketState(draft: TicketDraft): TicketState {
  return {
    draft,
    edits: 0,
    chain: null,
    farChain: null,
    chainError: null,
    review: null,
    reviewedAt: -1,
    tokenSpent: false,
    busy: null,
    error: null,
  };
}

/** A trader's edit: the draft changes and any review stops being usable. */
export function editTicket(t: TicketState, patch: Partial<TicketDraft>): TicketState {
  const draft = editDraft(t.draft, patch);
  const chainGone = draft.underlying !== t.draft.underlying;
  return {
    ...t,
    draft,
    edits: t.edits + 1,
    error: null,
    ...(chainGone ? { chain: null, farChain: null, chainError: null } : {}),
  };
}

export function withReview(t: TicketState, review: Review, atEdit: number): TicketState {
  return { ...t, review, reviewedAt: atEdit, tokenSpent: false, busy: null, error: null };
}

export function withError(t: TicketState, error: ApiError): TicketState {
  return { ...t, busy: null, error };
}

export type OrderTicketResult =
  { ok: true; ticket: OrderTicket } | { ok: false; problems: string[] };

/** The draft as the contract's OrderTicket, or every reason it is not one yet. */
export function toOrderTicket(
  d: TicketDraft,
  derived: DerivedLegs,
  opts: { sendAgain?: boolean } = {},
): OrderTicketResult {
  const problems = [...derived.problems];
  const quantity = parseNumber(d.quantityText);
  if (quantity === null || !Number.isInteger(quantity) || quantity < 1)
    problems.push('Quantity: a whole number of 1 or more.');
  const limit = parseNumber(d.limitText);
  if (limit === null) problems.push('Limit price: enter a price (Mid and Natural fill it in).');
  const worst = parseNumber(d.worstText);
  if (d.execution === 'walk' && worst === null)
    problems.push('Worst price: the walking limit needs the worst price you accept.');
  if (problems.length > 0 || quantity === null || limit === null) return { ok: false, problems };
  const strategy = (d.tag ?? defaultTag(d, derived.label)).trim().slice(0, 60);
  const rationale = d.rationale.trim();
  const ticket: OrderTicket = {
    action: derived.action,
    quantity,
    orderType: 'LMT',
    limitPrice: limit,
    tif: d.tif,
    legs: derived.legs.map((l) => ({ instrument: l.instrument, action: l.action, ratio: l.ratio })),
    execution:
      d.execution === 'walk' && worst !== null
        ? { kind: 'walk', worstPrice: worst }
        : { kind: 'limit' },
    ...(strategy ? { strategy } : {}),
    ...(rationale ? { rationale: rationale.slice(0, 2000) } : {}),
    ...(opts.sendAgain ? { sendAgain: true } : {}),
  };
  return { ok: true, ticket };
}

export interface SendState {
  enabled: boolean;
  /** Why Send is disabled, in plain words; null when enabled. */
  why: string | null;
  /** Seconds until the confirmation token expires, while it is usable. */
  secondsLeft: number | null;
}

/** Whether Send may use the latest review right now (`now` on the core's clock). */
export function sendState(t: TicketState, now: number): SendState {
  const no = (why: string): SendState => ({ enabled: false, why, secondsLeft: null });
  const r = t.review;
  if (t.busy === 'send') return no('Sending…');
  if (t.busy === 'simulate') return no('Simulating…');
  if (!r) return no('Simulate first: Send uses the review.');
  if (t.reviewedAt !== t.edits) return no('The ticket changed since the review: Simulate again.');
  if (r.decision === 'denied') return no('The gate denied this order.');
  if (!r.confirmToken || r.expiresAt === null) return no('The review has no confirmation token.');
  if (t.tokenSpent) return no('This review was used: Simulate again.');
  if (r.expiresAt <= now) return no('The review expired: Simulate again.');
  return { enabled: true, why: null, secondsLeft: Math.ceil((r.expiresAt - now) / 1000) };
}

/** True when the latest review is for this exact draft (its findings still describe it). */
export function reviewCurrent(t: TicketState): boolean {
  return t.review !== null && t.reviewedAt === t.edits;
}

/**
 * New chains: fills what the trader has not chosen yet — expiry, far expiry, strikes near the
 * usual deltas, a width of five strike steps, the limit at the mid and the worst price at the
 * natural. None of this counts as an edit: a review needs a limit, so it cannot predate them.
 */
export function withChains(
  t: TicketState,
  update: { near?: ChainView; far?: ChainView; error?: ApiError | null },
  book: (t: TicketState) => QuoteBook,
): TicketState {
  let next: TicketState = {
    ...t,
    chain: update.near ?? t.chain,
    farChain: update.far ?? t.farChain,
    chainError: update.error !== undefined ? update.error : t.chainError,
  };
  next = { ...next, draft: chainDefaults(next.draft, next.chain) };
  const derived = deriveLegs(next.draft, next.chain, next.farChain);
  if (derived.legs.length === 0) return next;
  const d = next.draft;
  const px = ticketPrices(derived.legs, derived.action, book(next));
  const patch: Partial<TicketDraft> = {};
  if (d.limitText === '' && px.mid !== null) patch.limitText = fmtTickPrice(px.mid, px.tick);
  if (d.execution === 'walk' && d.worstText === '' && px.natural !== null)
    patch.worstText = fmtTickPrice(px.natural, px.tick);
  return Object.keys(patch).length > 0 ? { ...next, draft: { ...d, ...patch } } : next;
}

function chainDefaults(d: TicketDraft, chain: ChainView | null): TicketDraft {
  if (!chain || chain.underlying.toUpperCase() !== d.underlying.trim().toUpperCase()) return d;
  let out = d;
  if (out.expiry === null && out.kind !== 'roll') out = { ...out, expiry: chain.expiry };
  if (needsFarExpiry(out.kind) && out.farExpiry === null) {
    const after =
      out.kind === 'roll' ? (out.fixed?.instrument.expiry ?? chain.expiry) : chain.expiry;
    const next = chain.expirations.find((e) => e > after);
    if (next) out = { ...out, farExpiry: next };
  }
  const slots = strikeSlots(out.kind).length;
  if (slots > 0 && out.strikes.filter((k) => k !== null).length === 0 && out.kind !== 'roll') {
    const strikes = defaultStrikes(out, chain);
    if (strikes) out = { ...out, strikes };
  }
  if (needsWidth(out.kind) && out.widthText === '') out = defaultWidth(out, chain);
  return out;
}

/** Five strike steps, or fewer when the wings would fall off the listed strikes. */
function defaultWidth(d: TicketDraft, chain: ChainView): TicketDraft {
  const step = strikeStep(chain);
  if (step === null) return d;
  for (const steps of [5, 4, 3, 2, 1]) {
    const tried = { ...d, widthText: String(Number((step * steps).toFixed(4))) };
    if (deriveLegs(tried, chain, null).problems.length === 0) return tried;
  }
  return { ...d, widthText: String(step) };
}

/** The usual spacing of the chain's strikes (the most common gap). */
export function strikeStep(chain: ChainView): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < chain.rows.length; i++) {
    const gap = Number((chain.rows[i]!.strike - chain.rows[i - 1]!.strike).toFixed(4));
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [gap, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = gap;
  return best;
}

/** The strike whose option's |delta| is nearest `target`; null without deltas. */
export function strikeNearDelta(chain: ChainView, right: 'C' | 'P', target: number): number | null {
  let best: { strike: number; off: number } | null = null;
  for (const r of chain.rows) {
    const delta = (right === 'C' ? r.call : r.put)?.delta;
    if (delta === null || delta === undefined) continue;
    const off = Math.abs(Math.abs(delta) - target);
    if (!best || off < best.off) best = { strike: r.strike, off };
  }
  return best?.strike ?? null;
}

/** Short strikes near 16–20 delta for premium-selling kinds, at the money for the rest. */
function defaultStrikes(d: TicketDraft, chain: ChainView): number[] | null {
  const atm = atmStrike(chain);
  const near = (right: 'C' | 'P', target: number) => strikeNearDelta(chain, right, target) ?? atm;
  const one = (k: number | null) => (k === null ? null : [k]);
  switch (d.kind) {
    case 'iron-condor':
    case 'strangle': {
      const put = near('P', 0.16);
      const call = near('C', 0.16);
      return put !== null && call !== null && put < call ? [put, call] : null;
    }
    case 'single':
      return one(near(d.right, 0.2));
    case 'vertical-credit':
      return one(near(d.right, 0.25));
    case 'cash-secured-put':
      return one(near('P', 0.2));
    case 'covered-call':
      return one(near('C', 0.25));
    default:
      return one(atm);
  }
}
