/**
 * The contract over the headless server's WebSocket: a ClientCore on a socket that reconnects
 * with backoff. Subscriptions survive a reconnect (re-sent on open); pending calls fail with
 * TRANSPORT_CLOSED when the socket closes. A close with SESSION_ENDED_CLOSE_CODE (the core no
 * longer knows this page's token: it restarted) ends retrying and tells the user instead.
 */
import { ClientCore, type BulwarkBridge } from '@shared/api/client-core';
import type { ApiError } from '@shared/api/errors';
import { SESSION_ENDED_CLOSE_CODE, type ClientMessage } from '@shared/api/wire';
import { backoffDelay } from './backoff';
import { INITIAL_LINK, type LinkState } from './link';
import { parseServerFrame } from './frames';
import { sessionEnd } from './session-end';

/** What the bridge needs of a WebSocket (the browser's, or a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WsBridgeOptions {
  url: string;
  createSocket: SocketFactory;
  onLink(state: LinkState): void;
  /** A stray error from the core (malformed frame, too large): shown, never thrown. */
  onNotice(error: ApiError): void;
  /** The core refused this page's token for good; default: the SessionEndedBanner's store. */
  onSessionEnded?: () => void;
  timers?: Timers;
}

const OPEN = 1;

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class WebSocketBridge implements BulwarkBridge {
  private readonly core: ClientCore;
  private readonly timers: Timers;
  private socket: SocketLike | null = null;
  private retryTimer: unknown = null;
  private link: LinkState = INITIAL_LINK;
  private stopped = false;

  constructor(private readonly opts: WsBridgeOptions) {
    this.timers = opts.timers ?? defaultTimers;
    this.core = new ClientCore(
      (msg) => this.send(msg),
      (error) => opts.onNotice(error),
    );
  }

  readonly call: BulwarkBridge['call'] = (name, input) => this.core.call(name, input);

  readonly subscribe: BulwarkBridge['subscribe'] = (stream, listener, onEnded) =>
    this.core.subscribe(stream, listener, onEnded);

  start(): void {
    this.stopped = false;
    this.link = { ...this.link, status: this.link.everOpen ? 'closed' : 'connecting' };
    this.opts.onLink(this.link);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'renderer closing');
    this.core.disconnected();
  }

  linkState(): LinkState {
    return this.link;
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.stopped) return;
    let ws: SocketLike;
    try {
      ws = this.opts.createSocket(this.opts.url);
    } catch {
      this.lost();
      return;
    }
    this.socket = ws;
    ws.onopen = () => {
      if (this.socket !== ws) return;
      this.setLink({ status: 'open', everOpen: true, retries: 0 });
      this.core.resubscribeAll();
    };
    ws.onmessage = (ev) => {
      if (this.socket !== ws) return;
      const msg = parseServerFrame(ev.data);
      if (msg) this.core.receive(msg);
      else
        this.opts.onNotice({
          code: 'MALFORMED_MESSAGE',
          message: 'The core sent a message this window cannot read.',
        });
    };
    ws.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    ws.onclose = (ev) => {
      if (this.socket !== ws) return;
      this.socket = null;
      // Retrying with a token the core refused would fail forever: stop and say so.
      if (ev.code === SESSION_ENDED_CLOSE_CODE) this.stopped = true;
      this.lost();
      if (this.stopped && ev.code === SESSION_ENDED_CLOSE_CODE) {
        (this.opts.onSessionEnded ?? sessionEnd.markEnded)();
      }
    };
  }

  private lost(): void {
    this.core.disconnected();
    const retries = this.link.status === 'open' ? 0 : this.link.retries + 1;
    this.setLink({ status: 'closed', everOpen: this.link.everOpen, retries });
    if (this.stopped) return;
    this.retryTimer = this.timers.setTimeout(() => this.connect(), backoffDelay(retries));
  }

  private send(msg: ClientMessage): boolean {
    const ws = this.socket;
    if (!ws || ws.readyState !== OPEN) return false;
    try {
      ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  private setLink(state: LinkState): void {
    const prev = this.link;
    this.link = state;
    if (
      prev.status !== state.status ||
      prev.everOpen !== state.everOpen ||
      prev.retries !== state.retries
    ) {
      this.opts.onLink(state);
    }
  }
}
