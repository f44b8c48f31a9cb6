/**
 * Everything the ticket shows that follows from the draft, the chains and the clock: legs,
 * quotes (stale ones blanked), prices, the order as it would be previewed, and the payoff.
 */
import { useEffect, useMemo } from 'react';
import type { ChainView } from '@shared/domain/chain';
import type { CommandContext } from '../../commands/types';
import { serverNow } from '../../stores/clock';
import { DEFAULT_STALE_AFTER } from '../../stores/selectors';
import { useBulwark } from '../../stores/store';
import { payoffLegs, payoffView, type PayoffView } from './payoff-legs';
import { chainRequests, pollTicketChains } from './ticket-actions';
import {
  chainDelta,
  deriveLegs,
  parseNumber,
  quoteBook,
  ticketPrices,
  type DerivedLegs,
  type QuoteBook,
  type TicketPrices,
} from './ticket-legs';
import { toOrderTicket, type OrderTicketResult, type TicketState } from './ticket-state';

export const CHAIN_POLL_MS = 1_000;

export interface TicketView {
  derived: DerivedLegs;
  book: QuoteBook;
  prices: TicketPrices;
  order: OrderTicketResult;
  /** The chain the table shows: the far one when rolling (the new strike is picked there). */
  tableChain: ChainView | null;
  spot: number | null;
  /** Share-equivalents from the chain's deltas; null when a leg has none. */
  delta: number | null;
  payoff: PayoffView | null;
  now: number;
}

export function useTicketView(t: TicketState): TicketView {
  const streamed = useBulwark((s) => s.quotes.byKey);
  const now = useBulwark((s) => serverNow(s.clock));
  const staleMs = useBulwark((s) => s.app?.staleAfterMs.quote ?? DEFAULT_STALE_AFTER.quote);
  const { draft, chain, farChain } = t;
  return useMemo(() => {
    const derived = deriveLegs(draft, chain, farChain);
    const book = quoteBook([chain, farChain], streamed, now, staleMs);
    const prices = ticketPrices(derived.legs, derived.action, book);
    const quantity = parseNumber(draft.quantityText) ?? 0;
    const limit = parseNumber(draft.limitText);
    const tableChain = draft.kind === 'roll' ? farChain : chain;
    const spot = (chain ?? farChain)?.underlyingPrice ?? null;
    const legs = payoffLegs(derived.legs, derived.action, quantity, book, limit);
    return {
      derived,
      book,
      prices,
      order: toOrderTicket(draft, derived),
      tableChain,
      spot,
      delta: chainDelta(derived.legs, derived.action, quantity, book),
      payoff: legs && spot !== null ? payoffView(legs, spot, now) : null,
      now,
    };
  }, [draft, chain, farChain, streamed, now, staleMs]);
}

/** Asks for the ticket's chains now and every second while it is open (one request at a time). */
export function useChainPolling(ctx: CommandContext, t: TicketState): void {
  const key = JSON.stringify(chainRequests(t.draft));
  useEffect(() => {
    let busy = false;
    const run = () => {
      if (busy) return;
      busy = true;
      void pollTicketChains(ctx).finally(() => {
        busy = false;
      });
    };
    run();
    const id = setInterval(run, CHAIN_POLL_MS);
    return () => clearInterval(id);
  }, [ctx, key]);
}
