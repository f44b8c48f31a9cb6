/**
 * The WebSocket transport on a real port: subscription ids and limits per socket, and liveness
 * pings driven by an injected FakeClock.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SUBSCRIPTIONS_PER_SESSION } from '../../src/main/api/session';
import { PING_INTERVAL_MS, WsTransport } from '../../src/main/api/ws-transport';
import { Core } from '../../src/main/core';
import { systemClock } from '../../src/main/util/clock';
import { silentLogger } from '../../src/main/util/logger';
import { simCoreConfig } from '../fakes/core-config';
import { FakeBroker } from '../fakes/fake-broker';
import { FakeClock } from '../fakes/fake-clock';
import { openSocket } from './support/ws-client';

const TOKEN = 'test-token-0123456789abcdefghijklmn';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(clock = new FakeClock()) {
  const core = new Core(simCoreConfig({ seed: 1 }), {
    clock: systemClock,
    log: silentLogger,
    broker: { port: new FakeBroker(systemClock), sim: null },
  });
  await core.start();
  const http: Server = createServer();
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  const transport = new WsTransport({
    api: core.api,
    token: TOKEN,
    hosts: new Set([`127.0.0.1:${port}`]),
    log: silentLogger,
    clock,
  });
  http.on('upgrade', (req, socket, head) => transport.handleUpgrade(req, socket, head));
  cleanups.push(async () => {
    await transport.close();
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
    await core.stop();
  });
  return { url: `ws://127.0.0.1:${port}/ws?token=${TOKEN}`, clock, transport };
}

const subscribe = (id: number, stream = 'connection.state') =>
  JSON.stringify({ type: 'subscribe', id, stream });

describe('WebSocket subscriptions', () => {
  it('refuses a second subscription with the same id on one socket', async () => {
    const { url } = await serve();
    const c = openSocket(url);
    await c.opened;
    c.ws.send(subscribe(1));
    await c.next((m) => m.type === 'event' && m.id === 1);
    c.ws.send(subscribe(1));
    expect(await c.next((m) => m.type === 'error')).toMatchObject({
      error: { code: 'DUPLICATE_SUBSCRIPTION', details: { id: 1 } },
    });
    // The first one is still live and the only one: a call still works, no second event came.
    c.ws.send(JSON.stringify({ type: 'call', id: 99, name: 'app.info', input: {} }));
    await c.next((m) => m.type === 'result');
    expect(c.inbox.filter((m) => m.type === 'event')).toEqual([]);
    c.ws.close();
  });

  it('caps subscriptions per socket with TOO_MANY_SUBSCRIPTIONS', async () => {
    const { url } = await serve();
    const c = openSocket(url);
    await c.opened;
    for (let id = 1; id <= 200; id++) c.ws.send(subscribe(id));
    const refused = await c.next((m) => m.type === 'ended');
    expect(refused).toMatchObject({
      id: MAX_SUBSCRIPTIONS_PER_SESSION + 1,
      error: { code: 'TOO_MANY_SUBSCRIPTIONS' },
    });
    await c.next((m) => m.type === 'ended' && m.id === 200);
    const events = c.inbox.filter((m) => m.type === 'event').length;
    expect(events + 1).toBeLessThanOrEqual(MAX_SUBSCRIPTIONS_PER_SESSION + 1);
    c.ws.close();
  });

  it('gives a new socket its own allowance', async () => {
    const { url } = await serve();
    const a = openSocket(url);
    await a.opened;
    for (let id = 1; id <= MAX_SUBSCRIPTIONS_PER_SESSION; id++) a.ws.send(subscribe(id));
    await a.next((m) => m.type === 'event' && m.id === MAX_SUBSCRIPTIONS_PER_SESSION);
    const b = openSocket(url);
    await b.opened;
    b.ws.send(subscribe(1));
    expect(await b.next((m) => m.type === 'event' && m.id === 1)).toMatchObject({ id: 1 });
    a.ws.close();
    b.ws.close();
  });
});

describe('WebSocket liveness on the injected clock', () => {
  it('drops a client that stops answering pings once the clock passes two intervals', async () => {
    const { url, clock, transport } = await serve();
    const silent = openSocket(url, { autoPong: false });
    const healthy = openSocket(url);
    await Promise.all([silent.opened, healthy.opened]);
    const pinged = new Promise<void>((r) => silent.ws.once('ping', () => r()));
    clock.advance(PING_INTERVAL_MS);
    await pinged;
    await new Promise((r) => setTimeout(r, 50)); // the healthy client's pong arrives
    clock.advance(PING_INTERVAL_MS);
    expect((await silent.closed).code).toBe(1006);
    for (let i = 0; i < 100 && transport.clientCount() !== 1; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(transport.clientCount()).toBe(1);
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
    healthy.ws.close();
  });

  it('sends no ping before the clock says so', async () => {
    const { url } = await serve();
    const c = openSocket(url);
    await c.opened;
    let pings = 0;
    c.ws.on('ping', () => pings++);
    await new Promise((r) => setTimeout(r, 100));
    expect(pings).toBe(0);
    c.ws.close();
  });
});
