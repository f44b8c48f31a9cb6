/**
 * The order slices: every order of the session (from orders.list and the orders.events stream),
 * TWS notices about them, the trading state, and the open order ticket. Order records are
 * complete, so the newer one (by updatedAt) replaces the older whichever path it came by.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiError } from '@shared/api/errors';
import type { ChainView } from '@shared/domain/chain';
import type {
  OrderEvent,
  OrderLifecycle,
  OrderRecord,
  Review,
  TradingState,
} from '@shared/domain/order-ticket';
import type { TicketDraft } from '../features/orders/ticket-draft';
import type { QuoteBook } from '../features/orders/ticket-legs';
import {
  editTicket,
  openTicketState,
  withChains,
  withError,
  withReview,
  type TicketState,
} from '../features/orders/ticket-state';

export interface OrdersState {
  byId: Readonly<Record<number, OrderRecord>>;
  loaded: boolean;
}

export const EMPTY_ORDERS: OrdersState = { byId: {}, loaded: false };

export const FINISHED: ReadonlySet<OrderLifecycle> = new Set([
  'filled',
  'cancelled',
  'rejected',
  'inactive',
]);

/** Merges complete records: a record replaces the stored one unless that one is newer. */
export function applyOrderRecords(
  state: OrdersState,
  records: readonly OrderRecord[],
  loaded = state.loaded,
): OrdersState {
  let byId: Record<number, OrderRecord> | null = null;
  for (const r of records) {
    const have = (byId ?? state.byId)[r.orderId];
    if (have && have.updatedAt > r.updatedAt) continue;
    byId ??= { ...state.byId };
    byId[r.orderId] = r;
  }
  if (!byId && loaded === state.loaded) return state;
  return { byId: byId ?? state.byId, loaded };
}

/** Fills change nothing here: the order record that follows them carries filled and avg price. */
export function applyOrderEvent(state: OrdersState, ev: OrderEvent): OrdersState {
  return ev.type === 'order' ? applyOrderRecords(state, [ev.order]) : state;
}

const newestFirst = (a: OrderRecord, b: OrderRecord) =>
  b.sentAt - a.sentAt || b.orderId - a.orderId;

export function workingOrders(state: OrdersState): OrderRecord[] {
  return Object.values(state.byId)
    .filter((o) => !FINISHED.has(o.status))
    .sort(newestFirst);
}

export function doneOrders(state: OrdersState): OrderRecord[] {
  return Object.values(state.byId)
    .filter((o) => FINISHED.has(o.status))
    .sort(newestFirst);
}

export interface OrderNotice {
  id: number;
  orderId: number | null;
  code: string;
  message: string;
  time: number;
}

const MAX_ORDER_NOTICES = 6;
let nextOrderNoticeId = 1;

export interface OrdersSlice {
  orders: OrdersState;
  orderNotices: readonly OrderNotice[];
  trading: TradingState | null;
  /** The last sent order, said once at the top of the Working orders panel. */
  orderSent: { orderId: number; text: string; at: number } | null;
  ticket: TicketState | null;
  setOrders: (list: readonly OrderRecord[]) => void;
  applyOrderEvent: (ev: OrderEvent) => void;
  dismissOrderNotice: (id: number) => void;
  setTrading: (t: TradingState) => void;
  setOrderSent: (sent: { orderId: number; text: string; at: number } | null) => void;
  openTicket: (draft: TicketDraft) => void;
  closeTicket: () => void;
  editTicket: (patch: Partial<TicketDraft>) => void;
  setTicketChains: (
    update: { near?: ChainView; far?: ChainView; error?: ApiError | null },
    book: (t: TicketState) => QuoteBook,
  ) => void;
  setTicketBusy: (busy: TicketState['busy']) => void;
  setTicketReview: (review: Review, atEdit: number) => void;
  setTicketError: (error: ApiError) => void;
  spendTicketToken: () => void;
}

type WithTicket = { ticket: TicketState | null };
const onTicket =
  (f: (t: TicketState) => TicketState) =>
  (s: WithTicket): Partial<WithTicket> =>
    s.ticket ? { ticket: f(s.ticket) } : {};

export const ordersSlice: StateCreator<OrdersSlice> = (set) => ({
  orders: EMPTY_ORDERS,
  orderNotices: [],
  trading: null,
  orderSent: null,
  ticket: null,
  setOrders: (list) => set((s) => ({ orders: applyOrderRecords(s.orders, list, true) })),
  applyOrderEvent: (ev) =>
    set((s) => {
      if (ev.type !== 'notice') return { orders: applyOrderEvent(s.orders, ev) };
      const notice = { id: nextOrderNoticeId++, ...ev };
      return { orderNotices: [...s.orderNotices, notice].slice(-MAX_ORDER_NOTICES) };
    }),
  dismissOrderNotice: (id) =>
    set((s) => ({ orderNotices: s.orderNotices.filter((n) => n.id !== id) })),
  setTrading: (trading) => set({ trading }),
  setOrderSent: (orderSent) => set({ orderSent }),
  openTicket: (draft) => set({ ticket: openTicketState(draft) }),
  closeTicket: () => set({ ticket: null }),
  editTicket: (patch) => set(onTicket((t) => editTicket(t, patch))),
  setTicketChains: (update, book) => set(onTicket((t) => withChains(t, update, book))),
  setTicketBusy: (busy) => set(onTicket((t) => ({ ...t, busy, ...(busy ? { error: null } : {}) }))),
  setTicketReview: (review, atEdit) => set(onTicket((t) => withReview(t, review, atEdit))),
  setTicketError: (error) => set(onTicket((t) => withError(t, error))),
  spendTicketToken: () => set(onTicket((t) => ({ ...t, tokenSpent: true }))),
});
