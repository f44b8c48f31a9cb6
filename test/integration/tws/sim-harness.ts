/**
 * The real @stoqey/ib client (raw IBApi events) connected over loopback to a fake TWS that
 * serves a simulator on a FakeClock: the test steps the market, the socket I/O is real.
 */
import { connect, type Socket } from 'node:net';
import { EventName, IBApi } from '@stoqey/ib';
import { expect } from 'vitest';
import { SimBroker } from '../../../src/main/broker/sim';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeTws, type ServerVersion } from '../../fake-tws/server';
import { attachSimulator, type SimBridge, type SimBridgeOptions } from '../../fake-tws/sim-bridge';
import { encodeMessage } from '../../fake-tws/wire';

/** Tuesday 2026-11-17 10:00 New York. */
export const START = Date.parse('2026-11-17T10:00:00-05:00');

export interface ClientError {
  message: string;
  code: number;
  reqId: number | undefined;
}

export interface SimSession {
  clock: FakeClock;
  sim: SimBroker;
  tws: FakeTws;
  bridge: SimBridge;
  ib: IBApi;
  /** The fake's port, for raw sockets. */
  port: number;
  errors: ClientError[];
}

const open: SimSession[] = [];

export async function connectToSim(
  serverVersion: ServerVersion = 193,
  bridgeOptions: SimBridgeOptions = {},
): Promise<SimSession> {
  const clock = new FakeClock(START);
  const sim = new SimBroker({ seed: 42, clock, startTime: START });
  await sim.start();
  const tws = new FakeTws({ serverVersion, now: () => clock.now() });
  const bridge = attachSimulator(tws, sim, bridgeOptions);
  const port = await tws.listen();
  const ib = new IBApi({ host: '127.0.0.1', port });
  const errors: ClientError[] = [];
  ib.on(EventName.error, (error: Error, code: number, reqId: number) =>
    errors.push({ message: error.message, code, reqId }),
  );
  const ready = new Promise<void>((resolve) => ib.once(EventName.nextValidId, () => resolve()));
  ib.connect(7);
  await ready;
  const session = { clock, sim, tws, bridge, ib, port, errors };
  open.push(session);
  return session;
}

export async function closeAll(): Promise<void> {
  for (const s of open.splice(0)) {
    s.ib.disconnect();
    s.bridge.detach();
    await s.sim.stop();
    await s.tws.close();
  }
}

/** Every emission of an event, as argument tuples. */
export function collect<T extends unknown[]>(ib: IBApi, event: EventName): T[] {
  const seen: T[] = [];
  ib.addListener(event, (...args: unknown[]) => seen.push(args as T));
  return seen;
}

export function once<T extends unknown[]>(ib: IBApi, event: EventName): Promise<T> {
  return new Promise((resolve) => ib.once(event, (...args: unknown[]) => resolve(args as T)));
}

/**
 * A round trip through the fake: once the current time comes back, the fake has handled every
 * earlier request and everything it sent before has been decoded.
 */
export async function barrier(ib: IBApi): Promise<void> {
  const time = once(ib, EventName.currentTime);
  ib.reqCurrentTime();
  await time;
}

/** The client decoded everything (no 505, no underrun) and the fake parsed everything. */
export function expectClean(s: SimSession): void {
  const decoder = s.errors.filter((e) => e.code === 505 || /underrun|unprocessed/i.test(e.message));
  expect(decoder).toEqual([]);
  expect(s.tws.protocolErrors).toEqual([]);
}

/** A bare socket that has done the handshake and startApi, for sending raw messages. */
export async function rawClient(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const greeting = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  const range = Buffer.from('v100..193');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(range.length);
  socket.write(Buffer.concat([Buffer.from('API\0'), head, range]));
  await greeting;
  socket.write(encodeMessage([71, 2, 3, '']));
  return socket;
}
