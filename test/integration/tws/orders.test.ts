/**
 * Single-leg orders through the fake TWS onto the simulator, read by the real @stoqey/ib
 * client: a sold SPX put from openOrder to Filled with its execution and commission, a resting
 * limit cancelled, what-if margin, duplicate ids, and the working orders and today's fills a
 * reconnecting client reads back.
 */
import { EventName, IBApi } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRequest } from '@shared/domain/orders';
import type { OrderEvent } from './order-harness';
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
import type { SimSession } from './sim-harness';
import { barrier, closeAll, connectToSim, expectClean, once } from './sim-harness';

afterEach(closeAll);

/** Once the fake has the order, lets the simulator announce it and match once. */
async function step(c: SimSession): Promise<void> {
  await barrier(c.ib);
  c.clock.advance(250);
}

/** Sells one ~3% out-of-the-money December SPX put below the bid (marketable). */
async function sellPut(c: SimSession, id: number, log: OrderEvent[]) {
  const put = await spxOption(c, 'P', 0.97);
  const [q] = quotes(c, [put]);
  c.ib.placeOrder(id, optionContract(put), limit('SELL', 1, onGrid(q!.bid! * 0.8)));
  await step(c);
  await expect.poll(() => shape(log).at(-1)).toBe('orderStatus:Filled');
  return put;
}

describe.each([193, 178] as const)('fake TWS orders at server version %i', (version) => {
  it('sells an SPX put: openOrder, Submitted, execution and its commission, Filled', async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const held = (key: string) => c.sim.positions().find((p) => p.instrument.key === key);
    const put = await sellPut(c, 11, log);

    expect(shape(log)).toEqual([
      'openOrder:Submitted',
      'orderStatus:Submitted',
      'execDetails:OPT',
      'commissionReport',
      'orderStatus:Filled',
    ]);
    const [open] = ofKind(log, 'openOrder');
    expect(open).toMatchObject({
      orderId: 11,
      contract: { conId: put.conId, symbol: 'SPX', secType: 'OPT', strike: put.strike },
      order: { action: 'SELL', totalQuantity: 1, orderType: 'LMT', tif: 'DAY', clientId: 7 },
    });
    const [exec] = ofKind(log, 'execDetails');
    const [report] = ofKind(log, 'commissionReport');
    expect(exec).toMatchObject({
      reqId: -1,
      contract: { conId: put.conId, right: 'P', exchange: 'CBOE' },
      exec: {
        orderId: 11,
        side: 'SLD',
        shares: 1,
        cumQty: 1,
        clientId: 7,
        acctNumber: 'DU1234567',
      },
    });
    expect(exec!.exec.price).toBeGreaterThanOrEqual(open!.order.lmtPrice!);
    expect(report?.report).toMatchObject({
      execId: exec!.exec.execId,
      commission: 1,
      currency: 'USD',
    });
    const statuses = ofKind(log, 'orderStatus');
    expect(statuses.map((s) => [s.filled, s.remaining])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(statuses[1]).toMatchObject({
      avgFillPrice: exec!.exec.price,
      permId: open!.order.permId,
    });
    expect(held(put.key)?.quantity).toBe(-1);
    expectClean(c);
  });

  it('lets a passive limit rest, then cancels it: Cancelled and error 202', async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const put = await spxOption(c, 'P', 0.9);
    quotes(c, [put]);
    c.ib.placeOrder(12, optionContract(put), limit('BUY', 2, 0.05));
    await step(c);
    for (let i = 0; i < 8; i++) c.clock.advance(250);
    await barrier(c.ib);
    expect(shape(log)).toEqual(['openOrder:Submitted', 'orderStatus:Submitted']);
    expect(c.sim.openOrders()).toHaveLength(1);

    c.ib.cancelOrder(12);
    await expect.poll(() => shape(log).at(-1)).toBe('error:202');
    expect(shape(log).slice(2)).toEqual(['orderStatus:Cancelled', 'error:202']);
    expect(ofKind(log, 'error')[0]).toMatchObject({
      reqId: 12,
      message: 'Order Canceled - reason:',
    });
    expect(c.sim.openOrders()).toEqual([]);

    c.ib.cancelOrder(12);
    c.ib.cancelOrder(99);
    await barrier(c.ib);
    expect(
      ofKind(log, 'error')
        .slice(1)
        .map((e) => [e.reqId, e.code]),
    ).toEqual([
      [12, 10148],
      [99, 10147],
    ]);
    expectClean(c);
  });

  it("answers what-if with the simulator's margin figures in one openOrder and places nothing", async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const put = await spxOption(c, 'P', 0.95);
    const [q] = quotes(c, [put]);
    const price = onGrid(q!.bid!);
    const request: OrderRequest = {
      action: 'SELL',
      quantity: 3,
      orderType: 'LMT',
      limitPrice: price,
      tif: 'DAY',
      legs: [{ instrument: put, ratio: 1, action: 'BUY' }],
    };
    const expected = await c.sim.whatIf(request);
    c.ib.placeOrder(13, optionContract(put), { ...limit('SELL', 3, price), whatIf: true });
    await expect.poll(() => log.length).toBe(1);
    await barrier(c.ib);
    c.clock.advance(1_000);
    await barrier(c.ib);

    expect(shape(log)).toEqual(['openOrder:PreSubmitted']);
    const [open] = ofKind(log, 'openOrder');
    expect(open?.order.whatIf).toBe(true);
    expect(open?.state).toMatchObject({
      initMarginBefore: expected.initMarginBefore,
      maintMarginBefore: expected.maintMarginBefore,
      equityWithLoanBefore: expected.equityWithLoanBefore,
      initMarginChange: expected.initMarginChange,
      maintMarginChange: expected.maintMarginChange,
      equityWithLoanChange: expected.equityWithLoanAfter - expected.equityWithLoanBefore,
      initMarginAfter: expected.initMarginAfter,
      maintMarginAfter: expected.maintMarginAfter,
      equityWithLoanAfter: expected.equityWithLoanAfter,
      commission: expected.commission,
      minCommission: expected.commission,
      maxCommission: expected.commission,
      commissionCurrency: 'USD',
      warningText: expected.warning ?? '',
    });
    expect(c.sim.openOrders()).toEqual([]);
    expectClean(c);
  });

  it('treats the same id again as a modification while working, and as a duplicate (103) once done', async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const put = await spxOption(c, 'P', 0.9);
    quotes(c, [put]);
    c.ib.placeOrder(40, optionContract(put), limit('BUY', 1, 0.05));
    await step(c);
    await expect.poll(() => shape(log)).toContain('orderStatus:Submitted');
    c.ib.placeOrder(40, optionContract(put), limit('BUY', 1, 0.1));
    await step(c);
    await expect.poll(() => c.sim.openOrders()[0]?.request.limitPrice).toBe(0.1);
    expect(c.sim.openOrders()).toHaveLength(1);
    c.ib.cancelOrder(40);
    await step(c);
    await expect.poll(() => c.sim.openOrders()).toEqual([]);
    c.ib.placeOrder(40, optionContract(put), limit('BUY', 1, 0.1));
    await step(c);
    await expect
      .poll(() => ofKind(log, 'error').map((e) => [e.reqId, e.code]))
      .toContainEqual([40, 103]);
    const next = once<[number]>(c.ib, EventName.nextValidId);
    c.ib.reqIds();
    expect((await next)[0]).toBe(41);
    expectClean(c);
  });

  it('holds a transmit=0 order as Inactive until sent again; reqGlobalCancel cancels all', async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const put = await spxOption(c, 'P', 0.9);
    quotes(c, [put]);
    c.ib.placeOrder(91, optionContract(put), { ...limit('BUY', 1, 0.05), transmit: false });
    c.ib.placeOrder(92, optionContract(put), limit('BUY', 1, 0.1));
    await step(c);
    await expect.poll(() => log.length).toBe(4);
    expect(log.map((e) => `${shape([e])[0]}#${'orderId' in e ? e.orderId : ''}`)).toEqual([
      'openOrder:Inactive#91',
      'orderStatus:Inactive#91',
      'openOrder:Submitted#92',
      'orderStatus:Submitted#92',
    ]);
    expect(c.sim.openOrders()).toHaveLength(1);

    c.ib.placeOrder(91, optionContract(put), limit('BUY', 1, 0.05));
    await step(c);
    await expect
      .poll(() => shape(log).slice(4))
      .toEqual(['openOrder:Submitted', 'orderStatus:Submitted']);
    expect(c.sim.openOrders()).toHaveLength(2);

    c.ib.reqGlobalCancel();
    await expect.poll(() => ofKind(log, 'error').length).toBe(2);
    expect(shape(log).slice(6)).toEqual([
      'orderStatus:Cancelled',
      'error:202',
      'orderStatus:Cancelled',
      'error:202',
    ]);
    expect(ofKind(log, 'error').map((e) => e.reqId)).toEqual([91, 92]);
    expect(c.sim.openOrders()).toEqual([]);
    expectClean(c);
  });

  it('gives a reconnecting client its working order back through reqOpenOrders', async () => {
    const c = await connectToSim(version);
    const put = await spxOption(c, 'P', 0.9);
    quotes(c, [put]);
    c.ib.placeOrder(21, optionContract(put), limit('BUY', 2, 0.05));
    await step(c);
    await expect.poll(() => c.sim.openOrders().length).toBe(1);
    c.ib.disconnect();

    const again = new IBApi({ host: '127.0.0.1', port: c.port });
    const ready = once(again, EventName.nextValidId);
    again.connect(7);
    await ready;
    try {
      const log = orderLog(again);
      const end = once(again, EventName.openOrderEnd);
      again.reqOpenOrders();
      await end;
      expect(shape(log)).toEqual(['openOrder:Submitted', 'orderStatus:Submitted']);
      expect(ofKind(log, 'openOrder')[0]).toMatchObject({
        orderId: 21,
        contract: { conId: put.conId },
        order: { action: 'BUY', totalQuantity: 2, lmtPrice: 0.05 },
      });
      expect(ofKind(log, 'orderStatus')[0]).toMatchObject({ orderId: 21, remaining: 2 });
    } finally {
      again.disconnect();
    }
    expectClean(c);
  });

  it("lists today's fills with their commissions for reqExecutions", async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    await sellPut(c, 31, log);
    const live = ofKind(log, 'execDetails')[0]!;
    log.length = 0;
    const end = once<[number]>(c.ib, EventName.execDetailsEnd);
    c.ib.reqExecutions(42, {});
    expect((await end)[0]).toBe(42);
    expect(shape(log)).toEqual(['execDetails:OPT', 'commissionReport']);
    expect(ofKind(log, 'execDetails')[0]).toMatchObject({ reqId: 42, exec: live.exec });
    expect(ofKind(log, 'commissionReport')[0]?.report.execId).toBe(live.exec.execId);

    log.length = 0;
    const none = once<[number]>(c.ib, EventName.execDetailsEnd);
    c.ib.reqExecutions(43, { symbol: 'AAPL' });
    expect((await none)[0]).toBe(43);
    expect(log).toEqual([]);
    expectClean(c);
  });
});
