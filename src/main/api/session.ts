/**
 * One connected front end (an Electron window or a browser tab over WebSocket): reads its
 * ClientMessages, runs calls, owns its subscriptions and ends them all when it goes away.
 */
import { isStreamName } from '@shared/api/contract';
import type { ApiError } from '@shared/api/errors';
import { ClientMessageSchema, type ServerMessage } from '@shared/api/wire';
import type { CommandRegistry } from './command-registry';
import type { StreamHub } from './stream-hub';

export interface Api {
  readonly commands: CommandRegistry;
  readonly streams: StreamHub;
}

/**
 * Subscriptions one front end may hold at once: the renderer holds one per stream (7 today), so
 * this leaves room to grow while a runaway client cannot multiply the core's fan-out.
 */
export const MAX_SUBSCRIPTIONS_PER_SESSION = 64;

export class ApiSession {
  private readonly subscriptions = new Map<number, () => void>();
  private closed = false;

  constructor(
    private readonly api: Api,
    private readonly send: (msg: ServerMessage) => void,
  ) {}

  receive(raw: unknown): void {
    if (this.closed) return;
    const parsed = ClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.rejectMalformed(raw, parsed.error.issues[0]?.message ?? 'unexpected shape');
      return;
    }
    const msg = parsed.data;
    switch (msg.type) {
      case 'call':
        void this.api.commands.dispatch(msg.name, msg.input).then((result) => {
          if (!this.closed) this.send({ type: 'result', id: msg.id, ...result });
        });
        return;
      case 'subscribe':
        this.subscribe(msg.id, msg.stream);
        return;
      case 'unsubscribe':
        this.subscriptions.get(msg.id)?.();
        this.subscriptions.delete(msg.id);
    }
  }

  /** Reports a transport-level problem (too large, not JSON) to this front end. */
  reportError(error: ApiError): void {
    if (!this.closed) this.send({ type: 'error', error });
  }

  close(): void {
    this.closed = true;
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
  }

  subscriptionCount(): number {
    return this.subscriptions.size;
  }

  private subscribe(id: number, stream: string): void {
    if (this.subscriptions.has(id)) {
      // Not 'ended': that would tell the client its live subscription under this id stopped.
      this.send({
        type: 'error',
        error: {
          code: 'DUPLICATE_SUBSCRIPTION',
          message: `Subscription id ${id} is already in use on this connection.`,
          details: { id, stream },
        },
      });
      return;
    }
    if (!isStreamName(stream)) {
      this.send({
        type: 'ended',
        id,
        error: { code: 'UNKNOWN_STREAM', message: `Unknown stream "${stream}".` },
      });
      return;
    }
    if (this.subscriptions.size >= MAX_SUBSCRIPTIONS_PER_SESSION) {
      this.send({
        type: 'ended',
        id,
        error: {
          code: 'TOO_MANY_SUBSCRIPTIONS',
          message: `At most ${MAX_SUBSCRIPTIONS_PER_SESSION} subscriptions per connection.`,
          details: { limit: MAX_SUBSCRIPTIONS_PER_SESSION },
        },
      });
      return;
    }
    const unsubscribe = this.api.streams.subscribe(stream, (data) => {
      if (!this.closed) this.send({ type: 'event', id, stream, data });
    });
    this.subscriptions.set(id, unsubscribe);
  }

  /** A call with a usable id still gets its answer, so the caller's promise settles. */
  private rejectMalformed(raw: unknown, problem: string): void {
    const error: ApiError = {
      code: 'MALFORMED_MESSAGE',
      message: `Malformed message: ${problem}.`,
    };
    const r = raw as { type?: unknown; id?: unknown } | null;
    if (r && typeof r === 'object' && r.type === 'call' && Number.isSafeInteger(r.id)) {
      this.send({ type: 'result', id: r.id as number, ok: false, error });
    } else {
      this.send({ type: 'error', error });
    }
  }
}
