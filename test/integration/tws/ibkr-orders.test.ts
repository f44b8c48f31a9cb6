/**
 * Bulwark's IBKR order path against the fake TWS and the simulator, over real sockets: what-if,
 * an iron condor as one BAG order through to Filled with commissions, cancel, a 201 rejection
 * with its reason, duplicate statuses passed on once, no working order re-sent after a
 * reconnect, and requests paced under TWS's limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommissionReport, Execution, OrderStatusEvent } from '@shared/domain/orders';
import {
  adapterOnSim,
  closeAdapters,
  restingSpxPut,
  simQuotes,
  spxOptionVia,
} from './adapter-harness';

afterEach(closeAdapters);

const EXPIRY = '2026-12-18';
const onGrid = (x: number) => Math.max(0.05, Math.round(x * 20) / 20);

type Ev =
  | { kind: 'status'; e: OrderStatusEvent }
  | { kind: 'exec'; e: Execution }
  | { kind: 'commission'; e: CommissionReport };

function record(a: Awaited<ReturnType<typeof adapterOnSim>>): Ev[] {
  const log: Ev[] = [];
  a.broker.events.on('orderStatus', (e) => log.push({ kind: 'status', e }));
  a.broker.events.on('execution', (e) => log.push({ kind: 'exec', e }));
  a.broker.events.on('commission', (e) => log.push({ kind: 'commission', e }));
  return log;
}

const restingPut = (a: Awaited<ReturnType<typeof adapterOnSim>>) => restingSpxPut(a, EXPIRY);

describe('IBKR orders on the fake TWS', () => {
  it('returns what-if margin equal to the simulator’s, placing nothing', async () => {
    const a = await adapterOnSim();
    const order = await restingPut(a);
    const impact = await a.broker.whatIf(order);
    const theirs = await a.sim.whatIf(order);
    expect(impact.maintMarginChange).toBeCloseTo(theirs.maintMarginChange, 6);
    expect(impact.initMarginAfter).toBeCloseTo(theirs.initMarginAfter, 6);
    expect(a.sim.openOrders()).toEqual([]);
    expect(a.tws.protocolErrors).toEqual([]);
  });

  it('fills an iron condor sent as ONE BAG order: partial fills, per-leg executions with commissions, then Filled', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    const legs = [
      { instrument: await spxOptionVia(a, EXPIRY, 'P', 0.95), action: 'SELL' as const, ratio: 1 },
      { instrument: await spxOptionVia(a, EXPIRY, 'P', 0.93), action: 'BUY' as const, ratio: 1 },
      { instrument: await spxOptionVia(a, EXPIRY, 'C', 1.04), action: 'SELL' as const, ratio: 1 },
      { instrument: await spxOptionVia(a, EXPIRY, 'C', 1.06), action: 'BUY' as const, ratio: 1 },
    ];
    const qs = simQuotes(
      a,
      legs.map((l) => l.instrument),
    );
    const touch = legs.reduce(
      (s, l, i) => s + (l.action === 'BUY' ? qs[i]!.ask! : -qs[i]!.bid!),
      0,
    );
    const before = legs.map(
      (l) => a.sim.positions().find((p) => p.instrument.key === l.instrument.key)?.quantity ?? 0,
    );
    // More condors than the thinnest leg shows at the touch: it fills over several steps.
    const shown = Math.min(
      ...legs.map((l, i) => (l.action === 'BUY' ? qs[i]!.askSize! : qs[i]!.bidSize!)),
    );
    const qty = 10 * shown;
    const { orderId } = await a.broker.placeOrder({
      action: 'BUY',
      quantity: qty,
      orderType: 'LMT',
      limitPrice: Math.round((touch + 3) * 20) / 20,
      tif: 'DAY',
      legs,
    });
    await expect
      .poll(async () => (await a.step(), log.at(-1)?.kind === 'status' && log.at(-1)!.e))
      .toMatchObject({ status: 'Filled' });
    const execs = log
      .filter((x): x is Extract<Ev, { kind: 'exec' }> => x.kind === 'exec')
      .map((x) => x.e);
    const commissions = log
      .filter((x): x is Extract<Ev, { kind: 'commission' }> => x.kind === 'commission')
      .map((x) => x.e);
    // Every fill hits all four legs together (never an unhedged leg), in the legs' order.
    expect(execs.length % 4).toBe(0);
    expect(execs.length / 4).toBeGreaterThan(1);
    for (let k = 0; k < execs.length; k += 4) {
      expect(execs.slice(k, k + 4).map((e) => [e.instrument.key, e.side, e.orderId])).toEqual(
        legs.map((l) => [l.instrument.key, l.action === 'BUY' ? 'BOT' : 'SLD', orderId]),
      );
    }
    expect(commissions.map((c) => c.execId)).toEqual(execs.map((e) => e.execId));
    const filled = log
      .filter((x): x is Extract<Ev, { kind: 'status' }> => x.kind === 'status')
      .map((x) => x.e.filled);
    expect(filled.some((f) => f > 0 && f < qty)).toBe(true);
    expect(filled.at(-1)).toBe(qty);
    // Each execution is followed by its commission before the order is reported Filled.
    const kinds = log.map((x) => x.kind);
    expect(kinds.lastIndexOf('commission')).toBeLessThan(kinds.lastIndexOf('status'));
    const after = legs.map(
      (l) => a.sim.positions().find((p) => p.instrument.key === l.instrument.key)?.quantity ?? 0,
    );
    expect(after.map((q, i) => q - before[i]!)).toEqual([-qty, qty, -qty, qty]);
    expect(a.broker.openOrders()).toEqual([]);
    expect(a.tws.protocolErrors).toEqual([]);
  });

  it('cancels a resting order: Cancelled, and no longer working', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    const { orderId } = await a.broker.placeOrder(await restingPut(a));
    await expect.poll(() => a.broker.openOrders().map((o) => o.orderId)).toEqual([orderId]);
    await a.broker.cancelOrder(orderId);
    expect(log.filter((x) => x.kind === 'status').at(-1)).toMatchObject({
      e: { orderId, status: 'Cancelled' },
    });
    expect(a.broker.openOrders()).toEqual([]);
    expect(a.sim.openOrders()).toEqual([]);
  });

  it('surfaces a 201 rejection with its reason, and nothing reaches the market', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    const errors: string[] = [];
    a.broker.events.on('error', (e) => errors.push(`${e.code}: ${e.message}`));
    a.tws.rejectNextOrder('insufficient margin for this order');
    const { orderId } = await a.broker.placeOrder(await restingPut(a));
    await expect
      .poll(() => log.filter((x) => x.kind === 'status').at(-1))
      .toMatchObject({ e: { orderId, status: 'Inactive' } });
    const last = log
      .filter((x): x is Extract<Ev, { kind: 'status' }> => x.kind === 'status')
      .at(-1)!.e;
    expect(last.reason).toContain('insufficient margin for this order');
    expect(errors.some((e) => e.startsWith('IB_ORDER_REJECTED'))).toBe(true);
    expect(a.sim.openOrders()).toEqual([]);
    expect(a.broker.openOrders()).toEqual([]);
  });

  it('passes each status on once when TWS sends it twice', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    a.tws.duplicateOrderStatus(true);
    const { orderId } = await a.broker.placeOrder(await restingPut(a));
    await expect.poll(() => a.broker.openOrders().map((o) => o.orderId)).toEqual([orderId]);
    await a.broker.cancelOrder(orderId);
    const statuses = log
      .filter((x): x is Extract<Ev, { kind: 'status' }> => x.kind === 'status')
      .map((x) => x.e.status);
    expect(statuses).toEqual([...new Set(statuses)]);
  });

  it('after a dropped socket reads the working order back and never sends it again', async () => {
    const a = await adapterOnSim();
    const { orderId } = await a.broker.placeOrder(await restingPut(a));
    await expect.poll(() => a.sim.openOrders().length).toBe(1);
    a.tws.dropConnections();
    await expect.poll(() => a.broker.connectionState().status).not.toBe('connected');
    await expect
      .poll(() => a.broker.connectionState().status, { timeout: 5_000 })
      .toBe('connected');
    await expect
      .poll(() => a.tws.received.filter((f) => f[0] === '5').length)
      .toBeGreaterThanOrEqual(2);
    expect(a.broker.openOrders().map((o) => o.orderId)).toEqual([orderId]);
    expect(a.tws.received.filter((f) => f[0] === '3')).toHaveLength(1);
    expect(a.sim.openOrders()).toHaveLength(1);
  });

  it('paces a burst of 500 requests under TWS’s 50 messages a second', async () => {
    const a = await adapterOnSim();
    a.tws.pacingLimit(50);
    const infos: number[] = [];
    const burst = Array.from({ length: 500 }, () =>
      a.broker.lookupContract({ symbol: 'SPX', secType: 'IND' }),
    );
    const results = await Promise.all(burst);
    expect(results.every((r) => r.length === 1)).toBe(true);
    expect(a.tws.peakMessagesPerSecond).toBeLessThanOrEqual(50);
    expect(infos).toEqual([]);
  }, 45_000);

  it('reports an order lost in a disconnect as Inactive with the reason, and does not re-send it', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    const order = await restingPut(a);
    // TWS swallows the order (half-open socket), then the socket drops.
    a.tws.goSilent();
    const { orderId } = await a.broker.placeOrder(order);
    a.tws.dropConnections();
    a.tws.resume();
    await expect
      .poll(() => a.broker.connectionState().status, { timeout: 5_000 })
      .toBe('connected');
    await expect
      .poll(() => log.filter((x) => x.kind === 'status').at(-1))
      .toMatchObject({ e: { orderId, status: 'Inactive' } });
    const last = log
      .filter((x): x is Extract<Ev, { kind: 'status' }> => x.kind === 'status')
      .at(-1)!.e;
    expect(last.reason).toMatch(/Check TWS before sending it again/);
    expect(a.broker.openOrders()).toEqual([]);
    expect(a.sim.openOrders()).toEqual([]);
  });

  it('follows a large order through partial fills: filled grows, executions carry cumQty', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    const call = await spxOptionVia(a, EXPIRY, 'C', 1.02);
    const [q] = simQuotes(a, [call]);
    // Well over the displayed size: the simulator fills at most that much per step.
    const size = 10 * q!.askSize!;
    await a.broker.placeOrder({
      action: 'BUY',
      quantity: size,
      orderType: 'LMT',
      limitPrice: onGrid(q!.ask! * 1.5),
      tif: 'DAY',
      legs: [{ instrument: call, action: 'BUY', ratio: 1 }],
    });
    await expect
      .poll(async () => (await a.step(), log.filter((x) => x.kind === 'status').at(-1)?.e), {
        timeout: 10_000,
      })
      .toMatchObject({ status: 'Filled', filled: size });
    const fills = log
      .filter((x): x is Extract<Ev, { kind: 'status' }> => x.kind === 'status')
      .map((x) => x.e.filled);
    expect(new Set(fills.filter((f) => f > 0 && f < size)).size).toBeGreaterThan(0);
    const cum = log
      .filter((x): x is Extract<Ev, { kind: 'exec' }> => x.kind === 'exec')
      .map((x) => x.e.cumQty);
    expect(cum).toEqual([...cum].sort((x, y) => x - y));
    expect(cum.at(-1)).toBe(size);
  });
});

describe('IBKR order changes on the fake TWS', () => {
  it('modifies a resting order in place: a marketable limit fills it, under the same id, sent once more', async () => {
    const a = await adapterOnSim();
    const log = record(a);
    const order = await restingPut(a);
    const [q] = simQuotes(a, [order.legs[0]!.instrument]);
    const { orderId } = await a.broker.placeOrder(order);
    await expect.poll(() => a.sim.openOrders().length).toBe(1);
    await a.broker.modifyOrder(orderId, { limitPrice: onGrid(q!.bid! * 0.5) });
    await expect
      .poll(async () => (await a.step(), log.filter((x) => x.kind === 'status').at(-1)))
      .toMatchObject({ e: { orderId, status: 'Filled' } });
    const sent = a.tws.received.filter((f) => f[0] === '3');
    expect(sent).toHaveLength(2);
    expect(a.tws.protocolErrors).toEqual([]);
    expect(a.sim.openOrders()).toEqual([]);
  });

  it('refuses a change to an order that is not working, or below what is filled', async () => {
    const a = await adapterOnSim();
    await expect(a.broker.modifyOrder(12345, { limitPrice: 1 })).rejects.toThrow(/not working/);
    const { orderId } = await a.broker.placeOrder(await restingPut(a));
    await expect(a.broker.modifyOrder(orderId, { quantity: 0 })).rejects.toThrow(/not above/);
  });
});
