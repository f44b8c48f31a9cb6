/**
 * The fake TWS's fault injection, seen by the real @stoqey/ib client: a rejected order that
 * never reaches the simulator, duplicated orderStatus/openOrder messages, delayed messages kept
 * in order, and TWS's 50 messages a second pacing limit.
 */
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { EventName, IBApi } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTws } from '../../fake-tws/server';
import { encodeMessage, splitFields } from '../../fake-tws/wire';
import {
  limit,
  ofKind,
  onGrid,
  optionContract,
  orderLog,
  quotes,
  shape,
  spxOption,
} from './order-harness';
import { barrier, closeAll, collect, connectToSim, expectClean, once } from './sim-harness';

let tws: FakeTws | null = null;
let ib: IBApi | null = null;

afterEach(async () => {
  await closeAll();
  ib?.disconnect();
  ib = null;
  await tws?.close();
  tws = null;
});

/** A bare FakeTws and an IBApi client (client id 5) that has received nextValidId. */
async function bareClient(): Promise<{ tws: FakeTws; ib: IBApi; port: number }> {
  tws = new FakeTws();
  const port = await tws.listen();
  ib = new IBApi({ host: '127.0.0.1', port });
  const ready = once(ib, EventName.nextValidId);
  ib.connect(5);
  await ready;
  return { tws, ib, port };
}

/** Server messages read from a raw socket, as field lists. */
function serverMessages(data: Buffer[]): string[][] {
  let buf = Buffer.concat(data);
  const out: string[][] = [];
  while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32BE(0)) {
    const size = buf.readUInt32BE(0);
    out.push(splitFields(buf.subarray(4, 4 + size).toString('utf8')));
    buf = buf.subarray(4 + size);
  }
  return out;
}

describe('fake TWS order faults', () => {
  it('rejects the next order with 201 and its reason; the simulator never sees it', async () => {
    const c = await connectToSim();
    const log = orderLog(c.ib);
    const put = await spxOption(c, 'P', 0.9);
    quotes(c, [put]);
    c.tws.rejectNextOrder('Margin requirement exceeded');
    c.ib.placeOrder(81, optionContract(put), limit('BUY', 1, 0.05));
    await expect.poll(() => shape(log)).toEqual(['orderStatus:Inactive', 'error:201']);
    expect(ofKind(log, 'error')[0]).toMatchObject({
      reqId: 81,
      message: 'Order rejected - reason:Margin requirement exceeded',
    });
    c.clock.advance(1_000);
    await barrier(c.ib);
    expect(c.sim.openOrders()).toEqual([]);

    // Only the next order: the one after goes through.
    c.ib.placeOrder(82, optionContract(put), limit('BUY', 1, 0.05));
    await barrier(c.ib);
    c.clock.advance(0);
    await expect
      .poll(() => shape(log).slice(2))
      .toEqual(['openOrder:Submitted', 'orderStatus:Submitted']);
    expect(c.sim.openOrders()).toHaveLength(1);
    expectClean(c);
  });

  it('sends every openOrder and orderStatus twice while duplicateOrderStatus is on', async () => {
    const c = await connectToSim();
    const log = orderLog(c.ib);
    const put = await spxOption(c, 'P', 0.97);
    const [q] = quotes(c, [put]);
    c.tws.duplicateOrderStatus(true);
    c.ib.placeOrder(83, optionContract(put), limit('SELL', 1, onGrid(q!.bid! * 0.8)));
    await barrier(c.ib);
    c.clock.advance(250);
    await expect.poll(() => shape(log).filter((s) => s === 'orderStatus:Filled').length).toBe(2);
    expect(shape(log)).toEqual([
      'openOrder:Submitted',
      'openOrder:Submitted',
      'orderStatus:Submitted',
      'orderStatus:Submitted',
      'execDetails:OPT',
      'commissionReport',
      'orderStatus:Filled',
      'orderStatus:Filled',
    ]);
    expectClean(c);
  });
});

describe('fake TWS message faults', () => {
  it('holds every message for the delay, keeping their order', async () => {
    const c = await bareClient();
    const seen: string[] = [];
    c.ib.on(EventName.nextValidId, () => seen.push('nextValidId'));
    c.ib.on(EventName.currentTime, () => seen.push('currentTime'));
    c.tws.delayMessages(300);
    const started = performance.now();
    const time = once(c.ib, EventName.currentTime);
    c.ib.reqIds();
    c.ib.reqCurrentTime();
    await time;
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(seen).toEqual(['nextValidId', 'currentTime']);

    // Switching the delay off never lets a later message overtake one still held.
    c.ib.reqIds();
    await new Promise((r) => setTimeout(r, 20));
    c.tws.delayMessages(0);
    const quick = once(c.ib, EventName.currentTime);
    c.ib.reqCurrentTime();
    await quick;
    expect(seen).toEqual(['nextValidId', 'currentTime', 'nextValidId', 'currentTime']);
    expect(c.tws.protocolErrors).toEqual([]);
  });

  it('sees @stoqey/ib at its default rate stay within 50 messages a second: no error 100', async () => {
    const c = await bareClient();
    c.tws.pacingLimit(50);
    const times = collect<[number]>(c.ib, EventName.currentTime);
    const infos = collect<[string, number]>(c.ib, EventName.info);
    const errors = collect<[Error, number]>(c.ib, EventName.error);
    for (let i = 0; i < 500; i++) c.ib.reqCurrentTime();
    await expect.poll(() => times.length, { timeout: 18_000, interval: 200 }).toBe(500);
    expect(c.tws.peakMessagesPerSecond).toBeGreaterThan(30);
    expect(c.tws.peakMessagesPerSecond).toBeLessThanOrEqual(50);
    expect([...infos, ...errors].filter(([, code]) => code === 100)).toEqual([]);
    expect(c.tws.protocolErrors).toEqual([]);
  }, 20_000);

  it('answers a raw burst of 100 messages with error 100, once within the second', async () => {
    const c = await bareClient();
    c.tws.pacingLimit();
    const socket = connect(c.port, '127.0.0.1');
    const data: Buffer[] = [];
    socket.on('data', (d: Buffer) => data.push(d));
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const range = Buffer.from('v100..193');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(range.length);
    socket.write(Buffer.concat([Buffer.from('API\0'), head, range]));
    await expect.poll(() => data.length).toBeGreaterThan(0);
    const burst = [encodeMessage([71, 2, 9, ''])];
    for (let i = 0; i < 99; i++) burst.push(encodeMessage([49, 1]));
    socket.write(Buffer.concat(burst));
    await expect.poll(() => serverMessages(data).filter((m) => m[0] === '49').length).toBe(99);
    socket.destroy();

    const pacing = serverMessages(data).filter((m) => m[0] === '4' && m[3] === '100');
    expect(pacing).toEqual([
      [
        '4',
        '2',
        '-1',
        '100',
        'Max rate of messages per second has been exceeded:max=50 rec=51',
        '',
      ],
    ]);
    expect(c.tws.peakMessagesPerSecond).toBe(100);
    expect(c.tws.protocolErrors).toEqual([]);
  });
});
