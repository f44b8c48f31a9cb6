/**
 * The renderer's store: one slice per domain, fed only by the core's streams and snapshot calls
 * (see feed.ts). Components select primitives or use useShallow — never the whole store.
 */
import { useStore } from 'zustand';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '@shared/api/contract';
import type { ApiError } from '@shared/api/errors';
import type { AccountSummary, ConnectionState } from '@shared/domain/account';
import type { SimStatus } from '@shared/domain/sim';
import { INITIAL_LINK, type LinkState } from '../api/link';
import { applyBatch, type StreamBatch } from './batch';
import { initialClock, type ClockState } from './clock';
import { ordersSlice, type OrdersSlice } from './orders';
import { EMPTY_POSITIONS, type PositionsState } from './positions';
import { EMPTY_QUOTES, type QuotesState } from './quotes';
import { EMPTY_RISK, type RiskState } from './risk';

export interface LinkSlice {
  link: LinkState;
  setLink: (link: LinkState) => void;
}
export interface AppInfoSlice {
  app: AppInfo | null;
  setAppInfo: (app: AppInfo) => void;
}
export interface ConnectionSlice {
  connection: ConnectionState | null;
}
export interface AccountSlice {
  account: AccountSummary | null;
}
export interface PositionsSlice {
  positions: PositionsState;
}
export interface QuotesSlice {
  quotes: QuotesState;
}
export interface RiskSlice {
  risk: RiskState;
}
export interface SimSlice {
  sim: SimStatus | null;
  setSim: (sim: SimStatus) => void;
}
export interface ClockSlice {
  clock: ClockState;
  tick: (now: number) => void;
}

export interface Notice {
  id: number;
  error: ApiError;
  at: number;
}
export interface NoticeSlice {
  notices: readonly Notice[];
  pushNotice: (error: ApiError, at: number) => void;
  dismissNotice: (id: number) => void;
}

/** The outcome of the last command in an area of the screen, shown inline there. */
export type Feedback =
  { kind: 'ok'; text: string; at: number } | { kind: 'error'; error: ApiError; at: number };
export type FeedbackArea = 'sim';
export interface FeedbackSlice {
  feedback: Readonly<Record<FeedbackArea, Feedback | null>>;
  setFeedback: (area: FeedbackArea, feedback: Feedback | null) => void;
}

export interface FeedActions {
  /** Applies one coalesced batch of stream events in a single set. */
  applyBatch: (batch: StreamBatch, now: number) => void;
}

export type AppState = LinkSlice &
  AppInfoSlice &
  ConnectionSlice &
  AccountSlice &
  PositionsSlice &
  QuotesSlice &
  RiskSlice &
  SimSlice &
  ClockSlice &
  NoticeSlice &
  FeedbackSlice &
  OrdersSlice &
  FeedActions;

type Slice<T> = StateCreator<AppState, [], [], T>;

const MAX_NOTICES = 4;
let nextNoticeId = 1;

const linkSlice: Slice<LinkSlice> = (set) => ({
  link: INITIAL_LINK,
  setLink: (link) => set({ link }),
});
const appInfoSlice: Slice<AppInfoSlice> = (set) => ({
  app: null,
  setAppInfo: (app) => set({ app }),
});
const connectionSlice: Slice<ConnectionSlice> = () => ({ connection: null });
const accountSlice: Slice<AccountSlice> = () => ({ account: null });
const positionsSlice: Slice<PositionsSlice> = () => ({ positions: EMPTY_POSITIONS });
const quotesSlice: Slice<QuotesSlice> = () => ({ quotes: EMPTY_QUOTES });
const riskSlice: Slice<RiskSlice> = () => ({ risk: EMPTY_RISK });
/** sim.control answers with the new status: applied at once so buttons reflect it. */
const simSlice: Slice<SimSlice> = (set) => ({ sim: null, setSim: (sim) => set({ sim }) });
const clockSlice =
  (now: number): Slice<ClockSlice> =>
  (set) => ({
    clock: initialClock(now),
    tick: (t) => set((s) => ({ clock: { ...s.clock, now: t } })),
  });
const noticeSlice: Slice<NoticeSlice> = (set) => ({
  notices: [],
  pushNotice: (error, at) =>
    set((s) => ({
      notices: [...s.notices, { id: nextNoticeId++, error, at }].slice(-MAX_NOTICES),
    })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
const feedbackSlice: Slice<FeedbackSlice> = (set) => ({
  feedback: { sim: null },
  setFeedback: (area, f) => set((s) => ({ feedback: { ...s.feedback, [area]: f } })),
});
const feedActions: Slice<FeedActions> = (set) => ({
  applyBatch: (batch, now) => set((s) => applyBatch(s, batch, now)),
});

export type AppStore = StoreApi<AppState>;

export function createAppStore(now = Date.now()): AppStore {
  return createStore<AppState>()((...a) => ({
    ...linkSlice(...a),
    ...appInfoSlice(...a),
    ...connectionSlice(...a),
    ...accountSlice(...a),
    ...positionsSlice(...a),
    ...quotesSlice(...a),
    ...riskSlice(...a),
    ...simSlice(...a),
    ...clockSlice(now)(...a),
    ...noticeSlice(...a),
    ...feedbackSlice(...a),
    ...ordersSlice(...a),
    ...feedActions(...a),
  }));
}

/** The window's store. */
export const appStore = createAppStore();

export function useBulwark<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
