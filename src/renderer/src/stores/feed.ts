/**
 * Wires the core's streams into the store: every event goes through the StreamBuffer and is
 * applied at most ~10 times a second — except order events and the trading state, which are
 * rare and applied at once (the orders panel loads the list itself: use-orders-load.ts). Also
 * asks for app.info whenever the link (re)opens, and ticks the clock once a second so ages count
 * up even when nothing arrives.
 */
import type { BulwarkBridge } from '@shared/api/client-core';
import type { ApiError } from '@shared/api/errors';
import { Throttle } from '@shared/util/throttle';
import type { TimerHandle, Timers } from '@shared/util/timers';
import type { Api } from '../api/api';
import { toApiError } from '../api/errors';
import { StreamBuffer } from './batch';
import type { AppStore } from './store';

export const CLOCK_TICK_MS = 1_000;
/** Store updates at most ten times a second. */
export const FLUSH_INTERVAL_MS = 100;

/** Browser timer ids are numbers; Timers hands out opaque handles that map to them. */
const timerIds = new WeakMap<TimerHandle, number>();
const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle: TimerHandle = {};
    timerIds.set(handle, globalThis.setTimeout(fn, ms));
    return handle;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(timerIds.get(handle)),
};

export function startFeeds(bridge: BulwarkBridge, api: Api, store: AppStore): () => void {
  const buffer = new StreamBuffer();
  const storeUpdates = new Throttle(browserTimers, FLUSH_INTERVAL_MS, () => {
    const batch = buffer.take();
    if (batch) store.getState().applyBatch(batch, Date.now());
  });
  const ended = (stream: string) => (error: ApiError) => {
    store.getState().pushNotice({ ...error, message: `${stream}: ${error.message}` }, Date.now());
  };
  const offs = [
    bridge.subscribe(
      'connection.state',
      (c) => {
        buffer.connection(c);
        storeUpdates.schedule();
      },
      ended('connection.state'),
    ),
    bridge.subscribe(
      'account.changed',
      (a) => {
        buffer.account(a);
        storeUpdates.schedule();
      },
      ended('account.changed'),
    ),
    bridge.subscribe(
      'positions.changed',
      (u) => {
        buffer.positions(u, Date.now());
        storeUpdates.schedule();
      },
      ended('positions.changed'),
    ),
    bridge.subscribe(
      'market.quotes',
      (u) => {
        buffer.quotes(u, Date.now());
        storeUpdates.schedule();
      },
      ended('market.quotes'),
    ),
    bridge.subscribe(
      'risk.frame',
      (f) => {
        buffer.risk(f, Date.now());
        storeUpdates.schedule();
      },
      ended('risk.frame'),
    ),
    bridge.subscribe(
      'sim.status',
      (s) => {
        buffer.sim(s);
        storeUpdates.schedule();
      },
      ended('sim.status'),
    ),
    bridge.subscribe(
      'orders.events',
      (ev) => store.getState().applyOrderEvent(ev),
      ended('orders.events'),
    ),
    bridge.subscribe(
      'trading.state',
      (t) => store.getState().setTrading(t),
      ended('trading.state'),
    ),
  ];

  const loadAppInfo = () => {
    api.call('app.info', {}).then(
      (info) => store.getState().setAppInfo(info),
      (e: unknown) => {
        const error = toApiError(e);
        // A closed link is shown by the link indicator; app.info is asked again on reopen.
        if (error.code !== 'TRANSPORT_CLOSED') store.getState().pushNotice(error, Date.now());
      },
    );
  };
  if (store.getState().link.status === 'open') loadAppInfo();
  const offLink = store.subscribe((s, prev) => {
    if (s.link.status === 'open' && prev.link.status !== 'open') loadAppInfo();
  });

  const ticker = setInterval(() => store.getState().tick(Date.now()), CLOCK_TICK_MS);

  return () => {
    for (const off of offs) off();
    offLink();
    clearInterval(ticker);
    storeUpdates.cancel();
  };
}
