/**
 * The client half of the wire protocol, shared by the preload (Electron IPC) and the renderer's
 * WebSocket client: call ids, pending calls, subscriptions and their fan-out.
 */
import type { CommandName, CommandInput, CommandOutput, StreamData, StreamName } from './contract';
import type { ApiError, Result } from './errors';
import type { ClientMessage, ServerMessage } from './wire';

/** What `window.bulwark` is: the typed contract, returning results instead of throwing. */
export interface BulwarkBridge {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  subscribe<S extends StreamName>(
    stream: S,
    listener: (data: StreamData<S>) => void,
    onEnded?: (error: ApiError) => void,
  ): () => void;
}

interface Subscription {
  stream: string;
  listener: (data: never) => void;
  onEnded: ((error: ApiError) => void) | undefined;
}

export class ClientCore implements BulwarkBridge {
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly subscriptions = new Map<number, Subscription>();
  private readonly send: (msg: ClientMessage) => boolean;
  private readonly onStrayError: (error: ApiError) => void;

  /** `send` returns false when the transport cannot carry the message right now. */
  constructor(send: (msg: ClientMessage) => boolean, onStrayError: (error: ApiError) => void) {
    this.send = send;
    this.onStrayError = onStrayError;
  }

  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: Result<unknown>) => void);
      if (!this.send({ type: 'call', id, name, input })) {
        this.pending.delete(id);
        resolve({ ok: false, error: closedError() });
      }
    });
  }

  subscribe<S extends StreamName>(
    stream: S,
    listener: (data: StreamData<S>) => void,
    onEnded?: (error: ApiError) => void,
  ): () => void {
    const id = this.nextId++;
    this.subscriptions.set(id, { stream, listener, onEnded });
    this.send({ type: 'subscribe', id, stream });
    return () => {
      if (this.subscriptions.delete(id)) this.send({ type: 'unsubscribe', id });
    };
  }

  /** Feed every message from the transport here. */
  receive(msg: ServerMessage): void {
    switch (msg.type) {
      case 'result': {
        const resolve = this.pending.get(msg.id);
        if (!resolve) return;
        this.pending.delete(msg.id);
        resolve(msg.ok ? { ok: true, value: msg.value } : { ok: false, error: msg.error });
        return;
      }
      case 'event': {
        const sub = this.subscriptions.get(msg.id);
        if (sub) (sub.listener as (data: unknown) => void)(msg.data);
        return;
      }
      case 'ended': {
        const sub = this.subscriptions.get(msg.id);
        this.subscriptions.delete(msg.id);
        sub?.onEnded?.(msg.error);
        return;
      }
      case 'error':
        this.onStrayError(msg.error);
    }
  }

  /** The transport closed: fail pending calls. Subscriptions stay, to be re-sent on reconnect. */
  disconnected(): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error: closedError() });
    this.pending.clear();
  }

  /** The transport (re)opened: ask again for every live subscription. */
  resubscribeAll(): void {
    for (const [id, sub] of this.subscriptions)
      this.send({ type: 'subscribe', id, stream: sub.stream });
  }
}

function closedError(): ApiError {
  return { code: 'TRANSPORT_CLOSED', message: 'The connection to the Bulwark core is closed.' };
}
