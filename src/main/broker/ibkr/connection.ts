/**
 * The link to TWS / IB Gateway: one @stoqey/ib client with a fixed client id, "ready" only once
 * nextValidId has arrived (the library holds every request until then), reconnection with
 * backoff after a drop or the nightly restart, and a liveness check — reqCurrentTime with a
 * deadline — that catches a half-open socket the library's own watchdog misses. Also follows
 * TWS's own link to IB (1100 lost, 1101 restored with market data lost, 1102 restored, 2110).
 */
import { EventName, IBApi } from '@stoqey/ib';
import { Emitter } from '@shared/util/emitter';
import type { TimerHandle, Timers } from '@shared/util/timers';
import type { Logger } from '../../util/logger';

export interface IbConnectionOptions {
  host: string;
  port: number;
  clientId: number;
  /** A connect without nextValidId within this is a failure. */
  readyDeadlineMs?: number;
  liveness?: { intervalMs: number; deadlineMs: number };
  backoff?: { initialMs: number; maxMs: number };
  /** Outgoing messages per second; TWS disconnects above 50. */
  maxReqPerSec?: number;
}

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';

export interface LinkState {
  status: LinkStatus;
  /** Plain words; never contains "connected" unless it is. */
  reason: string;
  serverVersion: number | null;
  accounts: string[];
  since: number;
}

export interface LinkEvents {
  state: LinkState;
  /** A usable session: nextValidId received. Subscriptions must be (re)made now. */
  ready: IBApi;
  /** TWS regained its link to IB: with `dataLost`, market data must be requested again. */
  restored: { dataLost: boolean };
}

const DEFAULTS = {
  readyDeadlineMs: 5_000,
  // A half-open socket is caught within interval + deadline = 8 s.
  liveness: { intervalMs: 4_000, deadlineMs: 4_000 },
  backoff: { initialMs: 1_000, maxMs: 30_000 },
  maxReqPerSec: 40,
};

export class IbConnection {
  readonly events = new Emitter<LinkEvents>();
  private api: IBApi | null = null;
  private link: LinkState;
  private attempt = 0;
  private stopped = true;
  private ready = false;
  private orderIdFloor = 0;
  private timers: TimerHandle[] = [];
  private livenessPending: TimerHandle | null = null;
  /** When TWS last sent anything: any message proves the socket alive, not only currentTime. */
  private lastHeard = 0;
  private readonly opts: Required<IbConnectionOptions>;

  constructor(
    options: IbConnectionOptions,
    private readonly clock: Timers,
    private readonly log: Logger,
    private readonly createApi: (o: {
      host: string;
      port: number;
      maxReqPerSec: number;
    }) => IBApi = (o) => new IBApi(o),
  ) {
    this.opts = { ...DEFAULTS, ...options };
    this.link = this.stateOf('disconnected', 'not started');
  }

  state(): LinkState {
    return this.link;
  }

  /** The client while a session is ready, else null. */
  client(): IBApi | null {
    return this.ready ? this.api : null;
  }

  /** Order ids are handed out here, from nextValidId upwards: never asked of TWS twice. */
  nextOrderId(): number {
    if (!this.ready) throw new Error('no TWS session: cannot allocate an order id');
    return this.orderIdFloor++;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.teardown();
    this.setState('disconnected', 'stopped');
  }

  private connect(): void {
    if (this.stopped) return;
    const { host, port, clientId, maxReqPerSec, readyDeadlineMs } = this.opts;
    this.setState('connecting', `opening ${host}:${port} as client ${clientId}`);
    const api = this.createApi({ host, port, maxReqPerSec });
    this.api = api;
    this.ready = false;
    api.on(EventName.managedAccounts, (list: string) => {
      this.link = { ...this.link, accounts: list.split(',').filter((a) => a !== '') };
    });
    api.on(EventName.nextValidId, (id: number) => this.onNextValidId(api, id));
    api.on(EventName.currentTime, () => this.onAlive());
    api.on(EventName.received, () => {
      this.lastHeard = this.clock.now();
    });
    api.on(EventName.disconnected, () => this.onDrop(api, 'TWS closed the socket'));
    api.on(EventName.info, (message: string, code: number) => this.onInfo(code, message));
    api.on(EventName.error, (err: Error, code: number) => {
      if (!this.ready && (code === 502 || /ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(err.message))) {
        this.onDrop(api, `TWS unreachable at ${host}:${port} (${err.message})`);
      }
    });
    this.later(() => {
      if (this.api === api && !this.ready) {
        this.onDrop(api, `no nextValidId from TWS within ${readyDeadlineMs / 1000} s`);
      }
    }, readyDeadlineMs);
    api.connect(clientId);
  }

  private onNextValidId(api: IBApi, id: number): void {
    if (this.api !== api) return;
    this.orderIdFloor = Math.max(this.orderIdFloor, id);
    if (this.ready) return;
    this.ready = true;
    this.attempt = 0;
    this.link = { ...this.link, serverVersion: api.serverVersion };
    this.setState('connected', `TWS session as client ${this.opts.clientId}`);
    this.scheduleLiveness(api);
    this.events.emit('ready', api);
  }

  private scheduleLiveness(api: IBApi): void {
    const { intervalMs, deadlineMs } = this.opts.liveness;
    this.later(() => {
      if (this.api !== api || !this.ready) return;
      const sentAt = this.clock.now();
      api.reqCurrentTime();
      this.livenessPending = this.later(() => {
        // The check may wait behind a burst in the library's pacing queue; traffic still
        // arriving meanwhile means the socket is alive.
        if (this.lastHeard > sentAt) return;
        this.onDrop(
          api,
          `TWS stopped answering: no reply to a liveness check within ${deadlineMs / 1000} s`,
        );
      }, deadlineMs);
      this.scheduleLiveness(api);
    }, intervalMs);
  }

  private onAlive(): void {
    if (this.livenessPending) this.clock.clearTimeout(this.livenessPending);
    this.livenessPending = null;
  }

  private onInfo(code: number, message: string): void {
    switch (code) {
      case 1100:
      case 2110:
        this.setState('connecting', `TWS lost its link to IB (${code}): ${message}`);
        break;
      case 1101:
      case 1102:
        this.setState('connected', `TWS link to IB restored (${code})`);
        this.events.emit('restored', { dataLost: code === 1101 });
        break;
      default:
        this.log.debug('TWS info', { code, message });
    }
  }

  private onDrop(api: IBApi, reason: string): void {
    if (this.api !== api) return;
    this.teardown();
    if (this.stopped) return;
    const { initialMs, maxMs } = this.opts.backoff;
    const wait = Math.min(maxMs, initialMs * 2 ** this.attempt);
    this.attempt++;
    this.setState('disconnected', `${reason}; retrying in ${Math.round(wait / 100) / 10} s`);
    this.log.warn('TWS link down', { reason, retryMs: wait });
    this.clearTimers();
    this.later(() => this.connect(), wait);
  }

  private teardown(): void {
    const api = this.api;
    this.api = null;
    this.ready = false;
    this.onAlive();
    if (!api) return;
    api.removeAllListeners();
    api.on(EventName.error, () => {}); // late socket errors after we let go
    api.disconnect();
  }

  private later(fn: () => void, ms: number): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      this.timers = this.timers.filter((t) => t !== handle);
      fn();
    }, ms);
    handle.unref?.();
    this.timers.push(handle);
    return handle;
  }

  private clearTimers(): void {
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers = [];
    this.livenessPending = null;
  }

  private setState(status: LinkStatus, reason: string): void {
    this.link = this.stateOf(status, reason);
    this.events.emit('state', this.link);
  }

  private stateOf(status: LinkStatus, reason: string): LinkState {
    return {
      status,
      reason,
      serverVersion: this.link?.serverVersion ?? null,
      accounts: this.link?.accounts ?? [],
      since: this.clock.now(),
    };
  }
}
