/**
 * The contract over Electron IPC, written against the few IPC shapes it needs so it runs and is
 * tested under plain Node. One ApiSession per window's web contents, closed when the page
 * navigates, reloads or is destroyed. Messages from any frame but our own page are dropped.
 */
import { IPC_CHANNEL, type ServerMessage } from '@shared/api/wire';
import type { Logger } from '../util/logger';
import { ApiSession, type Api } from './session';

export interface WebContentsLike {
  readonly id: number;
  send(channel: string, message: ServerMessage): void;
  isDestroyed(): boolean;
  on(event: 'destroyed' | 'did-start-navigation' | 'render-process-gone', listener: (...args: never[]) => void): unknown;
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
    const end = () => {
      session.close();
      if (this.sessions.get(wc.id) === session) this.sessions.delete(wc.id);
    };
    wc.on('destroyed', end);
    wc.on('render-process-gone', end);
    // A reload or navigation starts a new page: the old page's subscriptions must go.
    wc.on('did-start-navigation', ((details: { isMainFrame?: boolean; isSameDocument?: boolean }) => {
      if (details?.isMainFrame !== false && !details?.isSameDocument) end();
    }) as (...args: never[]) => void);
    return session;
  }
}
