/**
 * Headless access over real sockets: a wildcard bind answers on this machine's addresses only,
 * a page with an old token learns its session ended, a --token-file token survives a restart,
 * and the log file never holds the token.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_ENDED_CLOSE_CODE } from '@shared/api/wire';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/api/headless-server';
import { parseLaunchArgs } from '../../src/main/cli-args';
import { Core } from '../../src/main/core';
import { prepareHeadless } from '../../src/main/headless-setup';
import { systemClock } from '../../src/main/util/clock';
import { createLogger, silentLogger, type Logger } from '../../src/main/util/logger';
import { simCoreConfig } from '../fakes/core-config';
import { FakeBroker } from '../fakes/fake-broker';
import { openSocket } from './support/ws-client';

const running: Array<{ server: HeadlessServer; core: Core }> = [];

afterEach(async () => {
  for (const { server, core } of running.splice(0)) {
    await server.close();
    await core.stop();
  }
});

async function start(host: string, token?: string, log: Logger = silentLogger) {
  const core = new Core(simCoreConfig({ seed: 1 }), {
    clock: systemClock,
    log: silentLogger,
    broker: { port: new FakeBroker(systemClock), sim: null },
  });
  await core.start();
  const server = await startHeadlessServer({
    api: core.api,
    host,
    port: 0,
    rendererDir: null,
    log,
    clock: systemClock,
    ...(token === undefined ? {} : { token }),
  });
  running.push({ server, core });
  return server;
}

/** GET /healthz through `address` with this Host header; resolves with the status. */
function healthz(address: string, port: number, host: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: address, port, path: `/healthz?token=${token}`, headers: { host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const outsideIpv4 = Object.values(networkInterfaces())
  .flatMap((l) => l ?? [])
  .find((i) => i.family === 'IPv4' && !i.internal)?.address;

describe('headless bound to 0.0.0.0', () => {
  it('answers on every local address it binds and refuses a foreign Host', async () => {
    const server = await start('0.0.0.0');
    const { port, token } = server;
    expect(await healthz('127.0.0.1', port, `127.0.0.1:${port}`, token)).toBe(200);
    expect(await healthz('127.0.0.1', port, `localhost:${port}`, token)).toBe(200);
    if (outsideIpv4) {
      expect(await healthz(outsideIpv4, port, `${outsideIpv4}:${port}`, token)).toBe(200);
      expect(server.url).toBe(`http://${outsideIpv4}:${port}/?token=${token}`);
    }
    expect(await healthz('127.0.0.1', port, `evil.example:${port}`, token)).toBe(421);
    expect(await healthz('127.0.0.1', port, `0.0.0.0:${port}`, token)).toBe(421);
  });

  it('takes WebSockets on a machine address with that address as Origin', async () => {
    const server = await start('0.0.0.0');
    const address = outsideIpv4 ?? '127.0.0.1';
    const c = openSocket(`ws://${address}:${server.port}/ws?token=${server.token}`, {
      origin: `http://${address}:${server.port}`,
    });
    await c.opened;
    c.ws.close();
  });
});

describe('a page with an old token', () => {
  it('is told its session ended with a close code the page can read', async () => {
    const server = await start('127.0.0.1');
    const origin = `http://127.0.0.1:${server.port}`;
    const c = openSocket(`ws://127.0.0.1:${server.port}/ws?token=old-token-of-the-last-run`, {
      origin,
    });
    const closed = await c.closed;
    expect(closed).toEqual({
      code: SESSION_ENDED_CLOSE_CODE,
      reason: 'This Bulwark session has ended',
    });
  });

  it('gets no session: a call on it is never answered', async () => {
    const server = await start('127.0.0.1');
    const c = openSocket(`ws://127.0.0.1:${server.port}/ws?token=wrong`, {
      origin: `http://127.0.0.1:${server.port}`,
    });
    await c.closed;
    expect(c.inbox).toEqual([]);
  });

  it('still gets HTTP 401 from a program that sends no Origin', async () => {
    const server = await start('127.0.0.1');
    const c = openSocket(`ws://127.0.0.1:${server.port}/ws?token=wrong`);
    await expect(c.opened).rejects.toThrow(/401/);
  });
});

describe('--token-file', () => {
  it('serves the same token after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-headless-'));
    const argv = ['--token-file', join(dir, 'token'), '--data-dir', join(dir, 'data')];
    const launch = parseLaunchArgs(argv, 'headless');
    if (!launch.ok) throw new Error(launch.problems.join('\n'));
    const env = { platform: process.platform, home: dir, env: {} };
    const first = await prepareHeadless(launch.value, createLogger('info', null), env);
    const second = await prepareHeadless(launch.value, createLogger('info', null), env);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.token).toBe(first.token);
    const server = await start('127.0.0.1', second.token);
    expect(server.url).toContain(`?token=${first.token}`);
    const c = openSocket(`ws://127.0.0.1:${server.port}/ws?token=${first.token}`);
    await c.opened;
    c.ws.close();
  });
});

describe('headless logs', () => {
  it('go to <data dir>/logs as JSON lines that never contain the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-headless-'));
    const launch = parseLaunchArgs(['--data-dir', dir, '--host', '0.0.0.0'], 'headless');
    if (!launch.ok) throw new Error(launch.problems.join('\n'));
    const log = createLogger('debug', null);
    const { config } = await prepareHeadless(launch.value, log, {
      platform: process.platform,
      home: dir,
      env: {},
    });
    expect(config.dataDir).toBe(dir);
    const server = await start('0.0.0.0', undefined, log);
    // A refused socket is logged by nobody, but try to make the server log the URL anyway.
    const c = openSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    await c.opened;
    c.ws.send('{not json');
    c.ws.close();
    await c.closed;
    log.flush();
    const logsDir = join(dir, 'logs');
    const text = readdirSync(logsDir)
      .map((f) => readFileSync(join(logsDir, f), 'utf8'))
      .join('');
    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(text).toContain('LISTENING BEYOND LOOPBACK');
    expect(text).not.toContain('can trade');
    expect(text).not.toContain(server.token);
  });
});
