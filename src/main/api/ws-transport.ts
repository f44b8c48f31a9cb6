/**
 * The contract over a loopback WebSocket (headless mode). Each socket is one ApiSession. Frames
 * that are too large, binary or not JSON get a coded error and the socket stays usable; a
 * client that stops reading is disconnected rather than buffered without bound. Timers run on
 * the injected Clock, so a FakeClock drives the liveness pings.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ServerMessage } from '@shared/api/wire';
import { MAX_CLIENT_MESSAGE_BYTES, SESSION_ENDED_CLOSE_CODE } from '@shared/api/wire';
import type { Clock, TimerHandle } from '../util/clock';
import type { Logger } from '../util/logger';
import { hostAllowed, originAllowed, presentedToken, tokensEqual } from './access';
import { ApiSession, type Api } from './session';

/** Frames beyond this are cut off by ws itself (close 1009); below it we answer with an error. */
const HARD_FRAME_LIMIT = 1024 * 1024;
/** Outgoing bytes a client may leave unread before we drop it (it reconnects and resyncs). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** A socket that has not answered a ping by the next one is dropped. */
export const PING_INTERVAL_MS = 30_000;

export interface WsTransportOptions {
  api: Api;
  token: string;
  hosts: Set<string>;
  log: Logger;
  clock: Clock;
}

export class WsTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: TimerHandle;

  constructor(private readonly opts: WsTransportOptions) {
    this.pinger = opts.clock.setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref?.();
  }

  /** Wire to http.Server's 'upgrade' event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = this.refusal(req);
    if (refusal === 'ended') {
      // A browser hides the status of a refused upgrade from the page, so a page of ours with
      // an old token (the core restarted) is told by a close code it can read: open the new URL.
      this.wss.handleUpgrade(req, socket, head, (ws) =>
        ws.close(SESSION_ENDED_CLOSE_CODE, 'This Bulwark session has ended'),
      );
      return;
    }
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  clientCount(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    this.opts.clock.clearInterval(this.pinger);
    for (const ws of this.wss.clients) ws.close(1001, 'Bulwark is shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** An HTTP status line, 'ended' for a page of ours with a wrong token, or null to accept. */
  private refusal(req: IncomingMessage): string | null {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') return '404 Not Found';
    if (!hostAllowed(req.headers, this.opts.hosts)) return '421 Misdirected Request';
    if (!originAllowed(req.headers.origin, this.opts.hosts)) return '403 Forbidden';
    if (!tokensEqual(this.opts.token, presentedToken(url, req.headers))) {
      return req.headers.origin === undefined ? '401 Unauthorized' : 'ended';
    }
    return null;
  }

  private accept(ws: WebSocket): void {
    this.alive.add(ws);
    const session = new ApiSession(this.opts.api, (msg) => this.send(ws, msg));
    ws.on('pong', () => this.alive.add(ws));
    ws.on('message', (data, isBinary) => this.onMessage(session, data, isBinary));
    ws.on('close', () => session.close());
    ws.on('error', (e) => this.opts.log.warn('websocket error', { error: e.message }));
  }

  private onMessage(session: ApiSession, data: RawData, isBinary: boolean): void {
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(data);
    if (isBinary) {
      session.reportError({
        code: 'MALFORMED_MESSAGE',
        message: 'Binary frames are not accepted.',
      });
      return;
    }
    if (bytes.length > MAX_CLIENT_MESSAGE_BYTES) {
      session.reportError({
        code: 'MESSAGE_TOO_LARGE',
        message: `Message of ${bytes.length} bytes exceeds ${MAX_CLIENT_MESSAGE_BYTES}.`,
        details: { bytes: bytes.length, limit: MAX_CLIENT_MESSAGE_BYTES },
      });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      session.reportError({ code: 'MALFORMED_MESSAGE', message: 'Message is not valid JSON.' });
      return;
    }
    session.receive(parsed);
  }

  private send(ws: WebSocket, msg: ServerMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.opts.log.warn('dropping a websocket client that stopped reading', {
        buffered: ws.bufferedAmount,
      });
      ws.close(1013, 'Client too slow');
      return;
    }
    ws.send(JSON.stringify(msg));
  }

  private pingAll(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}
