/**
 * A fake TWS / IB Gateway that speaks the real socket protocol (text protocol, server version
 * 193, or 178 for older clients) on 127.0.0.1, so the real @stoqey/ib client can connect to it
 * in tests. Every client message is parsed strictly; anything it cannot account for lands in
 * `protocolErrors`, which tests assert empty. Faults (dropped or silent sockets, injected error
 * codes, rejected orders, duplicated or delayed messages, pacing: see faults.ts) are methods
 * tests call.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { newYorkWallTime } from '@shared/domain/time';
import { TwsFaults } from './faults';
import { FieldCursor, ProtocolError } from './fields';
import { ClientStreamReader, type Field } from './wire';

export type ServerVersion = 193 | 178;

export interface FakeTwsOptions {
  serverVersion?: ServerVersion;
  accounts?: string[];
  firstOrderId?: number;
  /** Wall clock in ms (tests may pin it). */
  now?: () => number;
}

export interface TwsSession {
  readonly id: number;
  readonly socket: Socket;
  version: number;
  clientId: number | null;
  send(fields: readonly Field[]): void;
}

export type Handler = (session: TwsSession, msg: FieldCursor) => void;

/** Info codes TWS sends right after a client starts the API. */
const FARM_STATUS: ReadonlyArray<[number, string]> = [
  [2104, 'Market data farm connection is OK:usfarm'],
  [2106, 'HMDS data farm connection is OK:ushmds'],
  [2158, 'Sec-def data farm connection is OK:secdefnj'],
];

export class FakeTws {
  readonly protocolErrors: ProtocolError[] = [];
  /** Every client message after the hello, in order, for tests that check what was sent. */
  readonly received: string[][] = [];
  /** Injected faults; the common ones are also methods of FakeTws. */
  readonly faults = new TwsFaults();
  private readonly server: Server;
  private readonly sessions = new Set<TwsSession>();
  private readonly handlers = new Map<string, Handler>();
  private nextSession = 1;
  private nextOrderId: number;
  private silent = false;
  readonly serverVersion: ServerVersion;
  readonly accounts: string[];
  readonly now: () => number;

  constructor(options: FakeTwsOptions = {}) {
    this.serverVersion = options.serverVersion ?? 193;
    this.accounts = options.accounts ?? ['DU1234567'];
    this.nextOrderId = options.firstOrderId ?? 1;
    this.now = options.now ?? Date.now;
    this.server = createServer((socket) => this.accept(socket));
    this.on('71', (s, m) => this.startApi(s, m));
    this.on('49', (s, m) => {
      m.int('version');
      m.end();
      s.send([49, 1, Math.floor(this.now() / 1000)]);
    });
    this.on('8', (s, m) => {
      m.int('version');
      m.int('numIds');
      m.end();
      s.send([9, 1, this.nextOrderId]);
    });
  }

  /** Registers the handler for a client message id (feature modules add theirs). */
  on(messageId: string, handler: Handler): void {
    this.handlers.set(messageId, handler);
  }

  listen(port = 0, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    this.dropConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  connectedClients(): number {
    return this.clientSessions().length;
  }

  /** Every connection that has started the API. */
  clientSessions(): TwsSession[] {
    return [...this.sessions].filter((s) => s.clientId !== null);
  }

  /** An order id a client used: nextValidId (reqIds) answers above it from now on. */
  reserveOrderId(orderId: number): void {
    this.nextOrderId = Math.max(this.nextOrderId, orderId + 1);
  }

  /** Sends to every client that has started the API. */
  broadcast(fields: readonly Field[]): void {
    for (const s of this.sessions) if (s.clientId !== null) s.send(fields);
  }

  /** `4|2|id|code|message|advancedOrderRejectJson` to every client (id −1: a system message). */
  sendError(id: number, code: number, message: string): void {
    this.broadcast([4, 2, id, code, message, '']);
  }

  // ── faults ────────────────────────────────────────────────────────────────────────────────

  /** Closes every client socket, as TWS does on its nightly restart. */
  dropConnections(): void {
    for (const s of this.sessions) s.socket.destroy();
    this.sessions.clear();
  }

  /** Half-open: sockets stay up but nothing is answered or sent until `resume()`. */
  goSilent(): void {
    this.silent = true;
  }

  resume(): void {
    this.silent = false;
  }

  /** The next placeOrder gets orderStatus Inactive + error 201 with this reason. */
  rejectNextOrder(reason: string): void {
    this.faults.rejectNextOrder(reason);
  }

  /** Sends every orderStatus and openOrder twice while on. */
  duplicateOrderStatus(on: boolean): void {
    this.faults.duplicateOrderStatus(on);
  }

  /** Holds every server message for ms before sending it (order kept); 0 ends the delay. */
  delayMessages(ms: number): void {
    this.faults.delayMessages(ms);
  }

  /** Error 100 when a client sends more than perSecond messages in a rolling second. */
  pacingLimit(perSecond?: number | null): void {
    this.faults.pacingLimit(perSecond);
  }

  /** Client messages with these ids (e.g. '3' placeOrder, '9' contract details) go unanswered. */
  ignoreRequests(messageIds: readonly string[]): void {
    this.faults.ignoreRequests(messageIds);
  }

  /** The most messages one client sent within a rolling second so far. */
  get peakMessagesPerSecond(): number {
    return this.faults.peakMessagesPerSecond;
  }

  // ── protocol ──────────────────────────────────────────────────────────────────────────────

  private accept(socket: Socket): void {
    const reader = new ClientStreamReader();
    const session: TwsSession = {
      id: this.nextSession++,
      socket,
      version: 0,
      clientId: null,
      send: (fields) => {
        if (this.silent || socket.destroyed) return;
        this.faults.send(session, fields, (data) => {
          if (!socket.destroyed) socket.write(data);
        });
      },
    };
    this.sessions.add(session);
    const gone = (): void => {
      this.sessions.delete(session);
      this.faults.forget(session);
    };
    socket.on('close', gone);
    socket.on('error', gone);
    socket.on('data', (data) => {
      if (this.silent) return;
      try {
        for (const frame of reader.push(data)) {
          if (frame.kind === 'hello') this.hello(session, frame.minVersion, frame.maxVersion);
          else this.dispatch(session, frame.fields);
        }
      } catch (e) {
        this.protocolErrors.push(
          e instanceof ProtocolError
            ? e
            : new ProtocolError('?', e instanceof Error ? e.message : String(e)),
        );
        socket.destroy();
      }
    });
  }

  private hello(s: TwsSession, min: number, max: number): void {
    if (max < 100) throw new ProtocolError('hello', `client range v${min}..${max} predates v100`);
    s.version = Math.min(this.serverVersion, max);
    if (s.version < min) throw new ProtocolError('hello', `no common version with v${min}..${max}`);
    s.send([s.version, connectionTime(this.now())]);
  }

  private dispatch(s: TwsSession, fields: string[]): void {
    this.received.push(fields);
    const pacing = this.faults.received(s);
    if (pacing !== null) s.send([4, 2, -1, 100, pacing, '']);
    const id = fields[0] ?? '';
    if (this.faults.ignores(id)) return;
    const handler = this.handlers.get(id);
    if (!handler) throw new ProtocolError(id, 'the fake TWS does not know this message id');
    handler(s, new FieldCursor(fields.slice(1), id));
  }

  private startApi(s: TwsSession, m: FieldCursor): void {
    m.int('version');
    const clientId = m.int('clientId');
    if (s.version >= 72) m.str('optionalCapabilities');
    m.end();
    s.clientId = clientId;
    s.send([15, 1, this.accounts.join(',')]);
    s.send([9, 1, this.nextOrderId]);
    for (const [code, text] of FARM_STATUS) s.send([4, 2, -1, code, text, '']);
  }
}

/** `20261120 09:30:00 US/Eastern`, as TWS formats its connection time. */
export function connectionTime(ms: number): string {
  const w = newYorkWallTime(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}${two(w.month)}${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)} US/Eastern`;
}
