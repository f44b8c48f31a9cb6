import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@shared/api/wire';
import { ClientCore } from '@shared/api/client-core';
import { CommandRegistry } from '../../../src/main/api/command-registry';
import { ApiSession, MAX_SUBSCRIPTIONS_PER_SESSION } from '../../../src/main/api/session';
import { StreamHub } from '../../../src/main/api/stream-hub';
import { silentLogger } from '../../../src/main/util/logger';

function setup() {
  const commands = new CommandRegistry(silentLogger);
  const streams = new StreamHub(silentLogger);
  commands.register('account.snapshot', () => null);
  const sent: ServerMessage[] = [];
  const session = new ApiSession({ commands, streams }, (m) => sent.push(m));
  return { commands, streams, sent, session };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ApiSession', () => {
  it('answers a call with a result carrying the same id', async () => {
    const { session, sent } = setup();
    session.receive({ type: 'call', id: 7, name: 'account.snapshot', input: {} });
    await flush();
    expect(sent).toEqual([{ type: 'result', id: 7, ok: true, value: null }]);
  });

  it('answers a malformed call with MALFORMED_MESSAGE under its id, so the caller settles', () => {
    const { session, sent } = setup();
    session.receive({ type: 'call', id: 3, name: 42 });
    expect(sent).toMatchObject([
      { type: 'result', id: 3, ok: false, error: { code: 'MALFORMED_MESSAGE' } },
    ]);
  });

  it('reports garbage that is not a call as a stray MALFORMED_MESSAGE error', () => {
    const { session, sent } = setup();
    for (const junk of [null, 5, 'x', [], { type: 'explode' }]) session.receive(junk);
    expect(sent).toHaveLength(5);
    expect(sent.every((m) => m.type === 'error' && m.error.code === 'MALFORMED_MESSAGE')).toBe(
      true,
    );
  });

  it('ends a subscription to an unknown stream with UNKNOWN_STREAM', () => {
    const { session, sent } = setup();
    session.receive({ type: 'subscribe', id: 1, stream: 'gossip.all' });
    expect(sent).toMatchObject([{ type: 'ended', id: 1, error: { code: 'UNKNOWN_STREAM' } }]);
  });

  it('drops every subscription when closed', () => {
    const { session, streams } = setup();
    session.receive({ type: 'subscribe', id: 1, stream: 'connection.state' });
    session.receive({ type: 'subscribe', id: 2, stream: 'sim.status' });
    expect(streams.subscriberCount('connection.state')).toBe(1);
    session.close();
    expect(streams.subscriberCount('connection.state')).toBe(0);
    expect(streams.subscriberCount('sim.status')).toBe(0);
  });

  it('caps the number of subscriptions one front end may hold', () => {
    const { session, sent } = setup();
    for (let id = 1; id <= MAX_SUBSCRIPTIONS_PER_SESSION + 1; id++) {
      session.receive({ type: 'subscribe', id, stream: 'sim.status' });
    }
    expect(session.subscriptionCount()).toBe(MAX_SUBSCRIPTIONS_PER_SESSION);
    expect(sent.at(-1)).toMatchObject({
      type: 'ended',
      id: MAX_SUBSCRIPTIONS_PER_SESSION + 1,
      error: { code: 'TOO_MANY_SUBSCRIPTIONS', details: { limit: 64 } },
    });
  });

  it('refuses a second subscription with the same id and keeps the first one', () => {
    const { session, sent, streams } = setup();
    session.receive({ type: 'subscribe', id: 4, stream: 'sim.status' });
    session.receive({ type: 'subscribe', id: 4, stream: 'sim.status' });
    session.receive({ type: 'subscribe', id: 4, stream: 'connection.state' });
    expect(session.subscriptionCount()).toBe(1);
    expect(streams.subscriberCount('sim.status')).toBe(1);
    expect(streams.subscriberCount('connection.state')).toBe(0);
    expect(sent.filter((m) => m.type === 'error')).toMatchObject([
      { error: { code: 'DUPLICATE_SUBSCRIPTION', details: { id: 4, stream: 'sim.status' } } },
      { error: { code: 'DUPLICATE_SUBSCRIPTION', details: { id: 4, stream: 'connection.state' } } },
    ]);
    expect(sent.some((m) => m.type === 'ended')).toBe(false);
  });

  it('round-trips with the shared ClientCore: calls, events and unsubscribe', async () => {
    const commands = new CommandRegistry(silentLogger);
    const streams = new StreamHub(silentLogger);
    commands.register('account.snapshot', () => null);
    // Both ends exchange structured clones, as IPC does.
    const session: ApiSession = new ApiSession({ commands, streams }, (m) =>
      client.receive(structuredClone(m)),
    );
    const client: ClientCore = new ClientCore(
      (msg) => {
        session.receive(structuredClone(msg));
        return true;
      },
      () => {},
    );
    await expect(client.call('account.snapshot', {})).resolves.toEqual({ ok: true, value: null });
    const seen: number[] = [];
    const off = client.subscribe('sim.status', (s) => seen.push(s.steps));
    const status = { running: true, speed: 1, seed: 1, simTime: 0, steps: 5, lastShock: null };
    streams.publish('sim.status', status);
    off();
    streams.publish('sim.status', { ...status, steps: 6 });
    expect(seen).toEqual([5]);
  });
});
