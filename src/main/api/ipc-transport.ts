/**
 * The contract over Electron IPC, written against the few IPC shapes it needs so it runs and is
 * tested under plain Node. One ApiSession per window's web contents, closed when the page
 * navigates, reloads or is destroyed. Messages from any frame but our own page are dropped.
 */
import { IPC_CHANNEL } from '@shared/api/ipc-channel';
import type { ServerMessage } from '@shared/api/wire';
import type { Logger } from '../util/logger';
import { ApiSession, type Api } from './session';

export interface WebContentsLike {
  readonly id: number;
  send(channel: string, message: ServerMessage): void;
  isDestroyed(): boolean;
  on(
    event: 'destroyed' | 'did-start-navigation' | 'render-process-gone',
    listener: (...args: never[]) => void,
  ): unknown;
}

export interface IpcEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: IpcEventLike, message: unknown) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

export class IpcTransport {
  private readonly sessions = new Map<number, ApiSession>();
  private readonly watched = new WeakSet<WebContentsLike>();

  constructor(
    private readonly api: Api,
    private readonly ipc: IpcMainLike,
    /** True for our own renderer's URL (see shell/trusted-url.ts). */
    private readonly isTrustedUrl: (url: string) => boolean,
    private readonly log: Logger,
  ) {
    ipc.on(IPC_CHANNEL, (event, message) => this.onMessage(event, message));
  }

  sessionCount(): number {
    return this.sessions.size;
  }

  close(): void {
    this.ipc.removeAllListeners(IPC_CHANNEL);
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }

  private onMessage(event: IpcEventLike, message: unknown): void {
    const url = event.senderFrame?.url ?? '';
    if (!this.isTrustedUrl(url)) {
      this.log.warn('ignored IPC from an untrusted frame', { url: url.slice(0, 200) });
      return;
    }
    this.sessionFor(event.sender).receive(message);
  }

  private sessionFor(wc: WebContentsLike): ApiSession {
    const existing = this.sessions.get(wc.id);
    if (existing) return existing;
    const session = new ApiSession(this.api, (msg) => {
      if (!wc.isDestroyed()) wc.send(IPC_CHANNEL, msg);
    });
    this.sessions.set(wc.id, session);
    if (!this.watched.has(wc)) this.watch(wc);
    return session;
  }

  /** Once per web contents (a reload keeps the same one): end its session with its page. */
  private watch(wc: WebContentsLike): void {
    this.watched.add(wc);
    const end = () => {
      this.sessions.get(wc.id)?.close();
      this.sessions.delete(wc.id);
    };
    wc.on('destroyed', end);
    wc.on('render-process-gone', end);
    // A reload or navigation starts a new page: the old page's subscriptions must go. This event
    // comes before will-navigate, so a navigation the shell blocks (untrusted target) still
    // arrives here: it leaves the page, and so its subscriptions, in place.
    type Nav = { url?: string; isMainFrame?: boolean; isSameDocument?: boolean };
    wc.on('did-start-navigation', (details: Nav) => {
      if (details?.isMainFrame === false || details?.isSameDocument) return;
      if (details?.url === undefined || this.isTrustedUrl(details.url)) end();
    });
  }
}
