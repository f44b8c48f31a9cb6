/**
 * What the simulator bridge's feature modules share: the context they run in, per-session
 * state cleaned up when the socket closes, TWS error messages, and strict version checks.
 */
import type { SimBroker } from '../../src/main/broker/sim';
import type { Instrument } from '@shared/domain/instrument';
import type { ContractRegistry } from './contracts';
import type { FieldCursor } from './fields';
import { ProtocolError } from './fields';
import type { FakeTws, TwsSession } from './server';

export interface BridgeContext {
  readonly tws: FakeTws;
  readonly sim: SimBroker;
  readonly contracts: ContractRegistry;
  /** The account positions and values are reported under. */
  readonly account: string;
  /** Records a failure of the fake itself (after a request was parsed) where tests see it. */
  fail(messageId: string, e: unknown): void;
  /** Runs fn when the bridge is detached (sim listeners and the like). */
  onDetach(fn: () => void): void;
}

/** `4|2|id|code|message|advancedOrderRejectJson`, to one client. */
export function sendError(s: TwsSession, id: number, code: number, message: string): void {
  s.send([4, 2, id, code, message, '']);
}

export const NO_SECURITY = 'No security definition has been found for the request';

/** The one instrument a request names; none or several → error 200 as TWS words it. */
export function single(
  s: TwsSession,
  reqId: number,
  found: readonly Instrument[],
  symbol: string,
): Instrument | null {
  if (found.length === 1) return found[0] ?? null;
  const message =
    found.length === 0
      ? NO_SECURITY
      : `The contract description specified for ${symbol} is ambiguous.`;
  sendError(s, reqId, 200, message);
  return null;
}

/** Reads the message's version field and insists on the one the client library sends. */
export function expectVersion(m: FieldCursor, expected: number): void {
  const v = m.int('version');
  if (v !== expected) {
    throw new ProtocolError(m.messageId, `version must be ${expected}, got ${v}`);
  }
}

/**
 * State kept per client connection, created on first use and torn down (through the cleanup
 * the state's owner registers) when the socket closes.
 */
export class PerSession<T> {
  private readonly states = new Map<TwsSession, T>();

  constructor(
    private readonly make: () => T,
    private readonly dispose: (state: T) => void,
  ) {}

  get(s: TwsSession): T {
    let state = this.states.get(s);
    if (state === undefined) {
      state = this.make();
      this.states.set(s, state);
      const drop = (): void => {
        const st = this.states.get(s);
        if (st === undefined) return;
        this.states.delete(s);
        this.dispose(st);
      };
      s.socket.once('close', drop);
      if (s.socket.destroyed) drop();
    }
    return state;
  }

  each(fn: (s: TwsSession, state: T) => void): void {
    for (const [s, state] of this.states) fn(s, state);
  }

  clear(): void {
    for (const state of this.states.values()) this.dispose(state);
    this.states.clear();
  }
}

/** "HH:mm" of an instant in New York, as accountTime carries it. */
export function newYorkHourMinute(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
}
