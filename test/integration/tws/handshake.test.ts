/**
 * The real @stoqey/ib client against the fake TWS over loopback TCP: handshake, startApi,
 * managed accounts, nextValidId, farm status, current time and order ids — with the fake's
 * strict parser finding nothing it cannot account for.
 */
import { EventName, IBApi } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTws } from '../../fake-tws/server';
import { ClientStreamReader, encodeMessage } from '../../fake-tws/wire';

let tws: FakeTws | null = null;
let ib: IBApi | null = null;

afterEach(async () => {
  ib?.disconnect();
  ib = null;
  await tws?.close();
  tws = null;
});

function once<T extends unknown[]>(api: IBApi, event: EventName): Promise<T> {
  return new Promise((resolve) => api.once(event, (...args: unknown[]) => resolve(args as T)));
}

async function connect(options: ConstructorParameters<typeof FakeTws>[0] = {}) {
  tws = new FakeTws({ now: () => Date.parse('2026-11-20T09:30:00-05:00'), ...options });
  const port = await tws.listen();
  ib = new IBApi({ host: '127.0.0.1', port });
  const infos: Array<[string, number]> = [];
  ib.on(EventName.info, (message: string, code: number) => infos.push([message, code]));
  const accounts = once<[string]>(ib, EventName.managedAccounts);
  const nextId = once<[number]>(ib, EventName.nextValidId);
  ib.connect(17);
  return { tws, ib, infos, accounts: (await accounts)[0], nextId: (await nextId)[0] };
}

describe('fake TWS handshake with the real @stoqey/ib client', () => {
  it('negotiates version 193, starts the API and sends accounts and the first order id', async () => {
    const c = await connect({ accounts: ['DU1234567', 'DU7654321'], firstOrderId: 1001 });
    expect(c.ib.serverVersion).toBe(193);
    expect(c.accounts).toBe('DU1234567,DU7654321');
    expect(c.nextId).toBe(1001);
    expect(c.tws.connectedClients()).toBe(1);
    await expect.poll(() => c.infos.map(([, code]) => code)).toEqual([2104, 2106, 2158]);
    expect(c.tws.received[0]).toEqual(['71', '2', '17', '']);
    expect(c.tws.protocolErrors).toEqual([]);
  });

  it('answers reqCurrentTime and reqIds', async () => {
    const c = await connect({ firstOrderId: 42 });
    const time = once<[number]>(c.ib, EventName.currentTime);
    c.ib.reqCurrentTime();
    expect((await time)[0]).toBe(Date.parse('2026-11-20T09:30:00-05:00') / 1000);
    const ids = once<[number]>(c.ib, EventName.nextValidId);
    c.ib.reqIds(1);
    expect((await ids)[0]).toBe(42);
    expect(c.tws.protocolErrors).toEqual([]);
  });

  it('speaks version 178 when configured', async () => {
    const c = await connect({ serverVersion: 178 });
    expect(c.ib.serverVersion).toBe(178);
    expect(c.tws.protocolErrors).toEqual([]);
  });

  it('reports a message it does not know, instead of guessing', async () => {
    const c = await connect();
    const closed = once(c.ib, EventName.disconnected);
    c.ib.reqGlobalCancel();
    await closed;
    expect(c.tws.protocolErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^message 58: the fake TWS does not know this message id/),
    ]);
  });
});

describe('fake TWS framing', () => {
  it('frames fields NUL-terminated behind a big-endian length', () => {
    const b = encodeMessage([15, 1, 'DU1', true, null]);
    expect(b.readUInt32BE(0)).toBe(b.length - 4);
    expect(b.subarray(4).toString()).toBe('15\u00001\u0000DU1\u00001\u0000\u0000');
  });

  it('reads the hello and messages split across arbitrary chunks', () => {
    const hello = Buffer.concat([
      Buffer.from('API\0'),
      Buffer.from([0, 0, 0, 9]),
      Buffer.from('v100..193'),
    ]);
    const msg = encodeMessage([49, 1]);
    const all = Buffer.concat([hello, msg, msg]);
    const reader = new ClientStreamReader();
    const frames = [];
    for (let i = 0; i < all.length; i += 3) frames.push(...reader.push(all.subarray(i, i + 3)));
    expect(frames).toEqual([
      { kind: 'hello', minVersion: 100, maxVersion: 193 },
      { kind: 'message', fields: ['49', '1'] },
      { kind: 'message', fields: ['49', '1'] },
    ]);
  });

  it('refuses a stream that does not start with API\\0', () => {
    expect(() => new ClientStreamReader().push(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(/API/);
  });
});
