/** The headless server over real loopback sockets: token gate, Host/Origin checks, framing. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/api/headless-server';
import { Core } from '../../src/main/core';
import { systemClock } from '../../src/main/util/clock';
import { openSocket } from './support/ws-client';
import { silentLogger } from '../../src/main/util/logger';
import { simCoreConfig } from '../fakes/core-config';
import { FakeBroker } from '../fakes/fake-broker';

let server: HeadlessServer;
let core: Core;
let base: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bulwark</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  const broker = new FakeBroker(systemClock);
  core = new Core(simCoreConfig({ seed: 1 }), {
    clock: systemClock,
    log: silentLogger,
    broker: { port: broker, sim: null },
  });
  await core.start();
  server = await startHeadlessServer({
    api: core.api,
    host: '127.0.0.1',
    port: 0,
    rendererDir: dir,
    log: silentLogger,
    clock: systemClock,
  });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  await core.stop();
});

/** Opens a socket and collects what the server sends. */
function connect(query = `?token=${server.token}`, headers: Record<string, string> = {}) {
  return openSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { headers });
}

function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: { host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('headless HTTP', () => {
  it('refuses the page without the token, or with a wrong one', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/?token=nope`)).status).toBe(401);
    expect((await fetch(`${base}/app.js`)).status).toBe(401);
  });

  it('serves the page with the token and hands out an HttpOnly cookie for its assets', async () => {
    const res = await fetch(`${base}/?token=${server.token}`);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const asset = await fetch(`${base}/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
  });

  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    expect(await rawGet(`/?token=${server.token}`, `evil.example:${server.port}`)).toBe(421);
    expect(await rawGet(`/?token=${server.token}`, `localhost:${server.port}`)).toBe(200);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(`${base}/?token=${server.token}`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('headless WebSocket', () => {
  it('refuses a socket without the token', async () => {
    const c = connect('');
    await expect(c.opened).rejects.toThrow(/401/);
  });

  it('refuses a socket opened from a foreign web page', async () => {
    const c = connect(undefined, { origin: 'http://evil.example' });
    await expect(c.opened).rejects.toThrow(/403/);
  });

  it('answers a call from a page of our own origin', async () => {
    const c = connect(undefined, { origin: base });
    await c.opened;
    c.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: {} }));
    const m = await c.next((x) => x.type === 'result');
    expect(m).toMatchObject({ ok: true, value: { name: 'Bulwark', runtime: 'headless' } });
    c.ws.close();
  });

  it('answers garbage with coded errors and keeps serving the same socket', async () => {
    const c = connect();
    await c.opened;
    c.ws.send('{not json');
    expect(await c.next((m) => m.type === 'error')).toMatchObject({
      error: { code: 'MALFORMED_MESSAGE' },
    });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c.next((m) => m.type === 'error')).toMatchObject({
      error: { code: 'MALFORMED_MESSAGE' },
    });
    c.ws.send(
      JSON.stringify({ type: 'call', id: 2, name: 'sim.control', input: { action: 'warp' } }),
    );
    expect(await c.next((m) => m.type === 'result')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    c.ws.send('x'.repeat(100_000));
    expect(await c.next((m) => m.type === 'error')).toMatchObject({
      error: { code: 'MESSAGE_TOO_LARGE' },
    });
    c.ws.send(JSON.stringify({ type: 'call', id: 3, name: 'connection.get', input: {} }));
    expect(await c.next((m) => m.type === 'result')).toMatchObject({
      id: 3,
      ok: true,
      value: { status: 'connected' },
    });
    c.ws.close();
  });

  it('cuts off a frame beyond the hard limit without harming other clients', async () => {
    const big = connect();
    await big.opened;
    const closed = new Promise<number>((r) => big.ws.once('close', (code) => r(code)));
    big.ws.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const other = connect();
    await other.opened;
    other.ws.send(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: {} }));
    expect(await other.next((m) => m.type === 'result')).toMatchObject({ ok: true });
    other.ws.close();
  });

  it('sends the current state on subscribe and then each change', async () => {
    const c = connect();
    await c.opened;
    c.ws.send(JSON.stringify({ type: 'subscribe', id: 9, stream: 'connection.state' }));
    expect(await c.next((m) => m.type === 'event')).toMatchObject({
      id: 9,
      data: { status: 'connected' },
    });
    c.ws.close();
  });
});
