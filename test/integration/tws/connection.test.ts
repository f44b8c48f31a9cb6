/**
 * The IBKR link against the fake TWS over real sockets: ready only after nextValidId, the same
 * client id on every reconnect, a half-open socket caught by the liveness check, TWS's 1100/1101
 * notices, and backoff while nothing listens.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IbConnection, type LinkState } from '../../../src/main/broker/ibkr/connection';
import { systemClock } from '../../../src/main/util/clock';
import { silentLogger } from '../../../src/main/util/logger';
import { FakeTws } from '../../fake-tws/server';

let tws: FakeTws | null = null;
let link: IbConnection | null = null;

afterEach(async () => {
  link?.stop();
  link = null;
  await tws?.close();
  tws = null;
});

const FAST = {
  readyDeadlineMs: 2_000,
  liveness: { intervalMs: 300, deadlineMs: 700 },
  backoff: { initialMs: 100, maxMs: 400 },
};

function watch(l: IbConnection): LinkState[] {
  const seen: LinkState[] = [];
  l.events.on('state', (s) => seen.push(s));
  return seen;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function start(options: Partial<typeof FAST> = {}) {
  tws = new FakeTws({ firstOrderId: 500 });
  const port = await tws.listen();
  link = new IbConnection(
    { host: '127.0.0.1', port, clientId: 17, ...FAST, ...options },
    systemClock,
    silentLogger,
  );
  const states = watch(link);
  link.start();
  await expect.poll(() => link!.state().status).toBe('connected');
  return { tws, link, states, port };
}

describe('IBKR link', () => {
  it('is ready once nextValidId arrives: version, accounts and local order ids', async () => {
    const { link, states } = await start();
    expect(states.map((s) => s.status)).toEqual(['connecting', 'connected']);
    expect(link.state()).toMatchObject({ serverVersion: 193, accounts: ['DU1234567'] });
    expect([link.nextOrderId(), link.nextOrderId(), link.nextOrderId()]).toEqual([500, 501, 502]);
  });

  it('reconnects with the same client id after TWS drops the socket', async () => {
    const { tws, link, states } = await start();
    let ready = 0;
    link.events.on('ready', () => ready++);
    tws.dropConnections();
    await expect.poll(() => states.some((s) => s.status === 'disconnected')).toBe(true);
    expect(states.find((s) => s.status === 'disconnected')!.reason).toMatch(
      /TWS closed the socket; retrying/,
    );
    await expect.poll(() => ready).toBe(1);
    const starts = tws.received.filter((f) => f[0] === '71').map((f) => f[2]);
    expect(starts).toEqual(['17', '17']);
    expect(tws.protocolErrors).toEqual([]);
  });

  it('catches a half-open socket with the liveness check and recovers when TWS answers again', async () => {
    const { tws, link } = await start();
    tws.goSilent();
    await expect.poll(() => link.state().status, { timeout: 5_000 }).not.toBe('connected');
    expect(link.state().reason).toMatch(/no reply to a liveness check/);
    expect(link.state().reason).not.toMatch(/connected/);
    tws.resume();
    await expect.poll(() => link.state().status, { timeout: 5_000 }).toBe('connected');
  });

  it('follows TWS losing and regaining its link to IB (1100, 1101)', async () => {
    const { tws, link } = await start();
    const restored: boolean[] = [];
    link.events.on('restored', (r) => restored.push(r.dataLost));
    tws.sendError(-1, 1100, 'Connectivity between IB and Trader Workstation has been lost.');
    await expect.poll(() => link.state().status).toBe('connecting');
    expect(link.state().reason).toMatch(/TWS lost its link to IB \(1100\)/);
    tws.sendError(-1, 1101, 'Connectivity between IB and TWS has been restored- data lost.');
    await expect.poll(() => restored).toEqual([true]);
    expect(link.state().status).toBe('connected');
  });

  it('keeps retrying with backoff while nothing listens, then connects when TWS comes up', async () => {
    const port = await freePort();
    link = new IbConnection(
      { host: '127.0.0.1', port, clientId: 17, ...FAST },
      systemClock,
      silentLogger,
    );
    const states = watch(link);
    link.start();
    await expect
      .poll(() => states.filter((s) => s.status === 'disconnected').length)
      .toBeGreaterThanOrEqual(2);
    expect(states.find((s) => s.status === 'disconnected')!.reason).toMatch(/unreachable|closed/);
    expect(() => link!.nextOrderId()).toThrow(/no TWS session/);
    tws = new FakeTws();
    await tws.listen(port);
    await expect.poll(() => link!.state().status, { timeout: 5_000 }).toBe('connected');
  });

  it('with its default settings catches a half-open socket within 10 s', async () => {
    tws = new FakeTws();
    const port = await tws.listen();
    link = new IbConnection({ host: '127.0.0.1', port, clientId: 17 }, systemClock, silentLogger);
    link.start();
    await expect.poll(() => link!.state().status).toBe('connected');
    const silentAt = Date.now();
    tws.goSilent();
    await expect
      .poll(() => link!.state().status, { timeout: 10_000, interval: 100 })
      .not.toBe('connected');
    expect(Date.now() - silentAt).toBeLessThan(10_000);
    expect(link.state().reason).toMatch(/liveness check/);
  }, 15_000);
});
