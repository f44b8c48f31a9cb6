/**
 * What the ticket does with the core: poll the chains, Simulate (orders.preview) and Send
 * (orders.submit with the review's token only). Each one reports into the store and never throws.
 */
import type { ChainRequest } from '@shared/domain/chain';
import { isOption } from '@shared/domain/instrument';
import type { PositionRow } from '@shared/domain/positions';
import { toApiError } from '../../api/errors';
import type { CommandContext } from '../../commands/types';
import { fmtPrice } from '../../format/numbers';
import { serverNow } from '../../stores/clock';
import { DEFAULT_STALE_AFTER } from '../../stores/selectors';
import type { AppState } from '../../stores/store';
import { needsFarExpiry, newDraft, type TicketDraft } from './ticket-draft';
import { deriveLegs, quoteBook, type QuoteBook } from './ticket-legs';
import { sendState, toOrderTicket, type TicketState } from './ticket-state';

/** Strikes each side of the money the chain table shows. */
export const STRIKES_AROUND = 12;

/** The ticket's quotes right now, stale ones blanked (see quoteBook). */
export function bookFor(s: AppState, t: TicketState): QuoteBook {
  const staleMs = s.app?.staleAfterMs.quote ?? DEFAULT_STALE_AFTER.quote;
  return quoteBook([t.chain, t.farChain], s.quotes.byKey, serverNow(s.clock), staleMs);
}

/** The chains a draft needs: the near one (the table's, unless rolling) and the far one. */
export function chainRequests(d: TicketDraft): { near: ChainRequest; far: ChainRequest | null } {
  const underlying = d.underlying.trim().toUpperCase();
  const base = { underlying, strikesAround: STRIKES_AROUND };
  const nearExpiry = d.kind === 'roll' ? d.fixed?.instrument.expiry : (d.expiry ?? undefined);
  const near = nearExpiry ? { ...base, expiry: nearExpiry } : base;
  const far = needsFarExpiry(d.kind) && d.farExpiry ? { ...base, expiry: d.farExpiry } : null;
  return { near, far };
}

const sameRequest = (a: ChainRequest | null, b: ChainRequest | null) =>
  JSON.stringify(a) === JSON.stringify(b);

/** One round of chain requests; an answer for a request the draft no longer makes is dropped. */
export async function pollTicketChains(ctx: CommandContext): Promise<void> {
  const t = ctx.store.getState().ticket;
  if (!t || t.draft.underlying.trim() === '') return;
  const asked = chainRequests(t.draft);
  const still = (pick: 'near' | 'far', req: ChainRequest | null) => {
    const now = ctx.store.getState().ticket;
    return now !== null && sameRequest(chainRequests(now.draft)[pick], req);
  };
  const apply = (update: Parameters<AppState['setTicketChains']>[0]) =>
    ctx.store.getState().setTicketChains(update, (tt) => bookFor(ctx.store.getState(), tt));
  const get = async (pick: 'near' | 'far', req: ChainRequest | null) => {
    if (!req) return;
    try {
      const view = await ctx.api.call('market.chain', req);
      if (still(pick, req)) apply(pick === 'near' ? { near: view, error: null } : { far: view });
    } catch (e) {
      if (still(pick, req)) apply({ error: toApiError(e) });
    }
  };
  await Promise.all([get('near', asked.near), get('far', asked.far)]);
}

/** Runs the gate on the ticket as it stands; the review is tied to this exact edit. */
export async function simulateTicket(
  ctx: CommandContext,
  opts: { sendAgain?: boolean } = {},
): Promise<void> {
  const s = ctx.store.getState();
  const t = s.ticket;
  if (!t || t.busy) return;
  const result = toOrderTicket(t.draft, deriveLegs(t.draft, t.chain, t.farChain), opts);
  if (!result.ok) {
    s.setTicketError({ code: 'INVALID_INPUT', message: result.problems.join(' ') });
    return;
  }
  const atEdit = t.edits;
  s.setTicketBusy('simulate');
  try {
    const review = await ctx.api.call('orders.preview', result.ticket);
    ctx.store.getState().setTicketReview(review, atEdit);
  } catch (e) {
    ctx.store.getState().setTicketError(toApiError(e));
  }
}

/** The second step: sends the reviewed order by its token, once. */
export async function sendTicket(ctx: CommandContext): Promise<void> {
  const s = ctx.store.getState();
  const t = s.ticket;
  const token = t?.review?.confirmToken;
  if (!t || !token || !sendState(t, serverNow(s.clock)).enabled) return;
  const r = t.review!;
  s.spendTicketToken();
  s.setTicketBusy('send');
  try {
    const { orderId } = await ctx.api.call('orders.submit', { confirmToken: token });
    const o = r.order;
    const at = o.limitPrice === undefined ? 'market' : `at ${fmtPrice(o.limitPrice)}`;
    const text = `Order #${orderId} sent: ${o.action} ${o.quantity} ${r.strategy ?? ''} ${at}`;
    const now = ctx.store.getState();
    now.setOrderSent({ orderId, text: text.replace(/\s+/g, ' '), at: Date.now() });
    now.closeTicket();
    await refreshOrders(ctx);
  } catch (e) {
    ctx.store.getState().setTicketError(toApiError(e));
  }
}

/** orders.list into the store; a failure is a notice (the stream keeps the panel current). */
export async function refreshOrders(ctx: CommandContext): Promise<void> {
  try {
    ctx.store.getState().setOrders(await ctx.api.call('orders.list', {}));
  } catch (e) {
    const error = toApiError(e);
    if (error.code !== 'TRANSPORT_CLOSED') ctx.store.getState().pushNotice(error, Date.now());
  }
}

export function openNewTicket(ctx: CommandContext, underlying = 'SPX'): void {
  ctx.store.getState().openTicket(newDraft(underlying));
}

const closing = (row: PositionRow) => (row.quantity < 0 ? 'BUY' : 'SELL');

/** The opposite single leg for the whole position, priced at mid once the quote is in. */
export function closeDraft(row: PositionRow): TicketDraft {
  return {
    ...newDraft(row.underlying),
    kind: 'close',
    side: null,
    expiry: row.instrument.expiry ?? null,
    quantityText: String(Math.abs(row.quantity)),
    fixed: { instrument: row.instrument, action: closing(row), ratio: 1 },
  };
}

/** Close this option and open the same strike at the next expiry (the trader may move it). */
export function rollDraft(row: PositionRow): TicketDraft | null {
  const inst = row.instrument;
  if (!isOption(inst) || inst.right === undefined || inst.strike === undefined || !inst.expiry)
    return null;
  return {
    ...newDraft(row.underlying),
    kind: 'roll',
    side: null,
    right: inst.right,
    expiry: inst.expiry,
    strikes: [inst.strike],
    quantityText: String(Math.abs(row.quantity)),
    fixed: { instrument: inst, action: closing(row), ratio: 1 },
  };
}
