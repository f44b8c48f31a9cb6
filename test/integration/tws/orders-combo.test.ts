/**
 * Combo (BAG) and multi-step orders through the fake TWS: an SPX iron condor placed as ONE BAG
 * order and filled with an execution and commission per leg plus the combo's own line, a large
 * order filled in parts, and the fake's strictness towards a placeOrder it cannot account for.
 */
import type { ComboLeg, Contract } from '@stoqey/ib';
import { OrderAction, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import { encodeMessage } from '../../fake-tws/wire';
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
import { barrier, closeAll, connectToSim, expectClean, rawClient } from './sim-harness';

afterEach(closeAll);

interface Leg {
  inst: Instrument;
  action: 'BUY' | 'SELL';
}

/** Short iron condor legs as given: sell put, buy lower put, sell call, buy higher call. */
async function condorLegs(c: SimSession): Promise<Leg[]> {
  return [
    { inst: await spxOption(c, 'P', 0.95), action: 'SELL' },
    { inst: await spxOption(c, 'P', 0.93), action: 'BUY' },
    { inst: await spxOption(c, 'C', 1.04), action: 'SELL' },
    { inst: await spxOption(c, 'C', 1.06), action: 'BUY' },
  ];
}

/** One BAG contract whose legs carry the conIds the fake handed out. */
function bag(c: SimSession, legs: readonly Leg[]): Contract {
  const comboLegs: ComboLeg[] = legs.map((l) => ({
    conId: c.bridge.contracts.remember(l.inst).conId,
    ratio: 1,
    action: l.action === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    exchange: 'SMART',
  }));
  return { symbol: 'SPX', secType: SecType.BAG, currency: 'USD', exchange: 'SMART', comboLegs };
}

const quantityOf = (c: SimSession, key: string): number =>
  c.sim.positions().find((p) => p.instrument.key === key)?.quantity ?? 0;

describe.each([193, 178] as const)('fake TWS combo orders at server version %i', (version) => {
  it('fills an iron condor placed as one BAG order: a fill and commission per leg, then the combo', async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const legs = await condorLegs(c);
    const qs = quotes(
      c,
      legs.map((l) => l.inst),
    );
    // Buying the combo as given: pay the asks of the bought legs, take the bids of the sold ones.
    const touch = legs.reduce(
      (sum, l, i) => sum + (l.action === 'BUY' ? qs[i]!.ask! : -qs[i]!.bid!),
      0,
    );
    expect(touch).toBeLessThan(0); // a credit
    const before = legs.map((l) => quantityOf(c, l.inst.key));
    // Marketable: willing to take up to 3.00 less credit than the touch (fills at the touch).
    const lmtPrice = Math.round((touch + 3) * 20) / 20;
    c.ib.placeOrder(51, bag(c, legs), limit('BUY', 1, lmtPrice));
    await barrier(c.ib);
    c.clock.advance(250);
    await expect.poll(() => shape(log).at(-1)).toBe('orderStatus:Filled');

    expect(shape(log)).toEqual([
      'openOrder:Submitted',
      'orderStatus:Submitted',
      ...legs.flatMap(() => ['execDetails:OPT', 'commissionReport']),
      'execDetails:BAG',
      'orderStatus:Filled',
    ]);
    const [open] = ofKind(log, 'openOrder');
    expect(open?.contract).toMatchObject({ secType: 'BAG', symbol: 'SPX', exchange: 'SMART' });
    expect(open?.contract.comboLegs?.map((l) => [l.conId, l.ratio, l.action])).toEqual(
      legs.map((l) => [l.inst.conId, 1, l.action]),
    );

    const execs = ofKind(log, 'execDetails');
    const reports = ofKind(log, 'commissionReport');
    const legExecs = execs.slice(0, 4);
    expect(
      legExecs.map((e) => [e.contract.conId, e.exec.side, e.exec.shares, e.exec.orderId]),
    ).toEqual(legs.map((l) => [l.inst.conId, l.action === 'BUY' ? 'BOT' : 'SLD', 1, 51]));
    expect(reports.map((r) => r.report.execId)).toEqual(legExecs.map((e) => e.exec.execId));
    expect(reports.map((r) => r.report.commission)).toEqual([1, 1, 1, 1]);
    expect(new Set(execs.map((e) => e.exec.execId)).size).toBe(5);

    const combo = execs[4]!;
    const net = legExecs.reduce(
      (sum, e) => sum + (e.exec.side === 'BOT' ? 1 : -1) * e.exec.price!,
      0,
    );
    expect(combo).toMatchObject({
      reqId: -1,
      contract: { secType: 'BAG', symbol: 'SPX' },
      exec: { orderId: 51, side: 'BOT', shares: 1, cumQty: 1 },
    });
    expect(combo.exec.price).toBeCloseTo(net, 9);
    expect(combo.exec.price).toBeLessThanOrEqual(lmtPrice);
    const filled = ofKind(log, 'orderStatus').at(-1);
    expect(filled).toMatchObject({ orderId: 51, filled: 1, remaining: 0 });
    expect(filled?.avgFillPrice).toBeCloseTo(net, 9);

    const after = legs.map((l) => quantityOf(c, l.inst.key));
    expect(after.map((q, i) => q - before[i]!)).toEqual([-1, 1, -1, 1]);
    expect(c.sim.openOrders()).toEqual([]);
    expectClean(c);
  });

  it('fills an order larger than the displayed size in parts, cumQty and filled growing', async () => {
    const c = await connectToSim(version);
    const log = orderLog(c.ib);
    const call = await spxOption(c, 'C', 1.02);
    const [q] = quotes(c, [call]);
    const size = 3 * q!.askSize!;
    c.ib.placeOrder(61, optionContract(call), limit('BUY', size, onGrid(q!.ask! * 1.5)));
    await barrier(c.ib);
    for (let i = 0; i < 40 && shape(log).at(-1) !== 'orderStatus:Filled'; i++) {
      c.clock.advance(250);
      await barrier(c.ib);
    }
    const execs = ofKind(log, 'execDetails');
    expect(execs.length).toBeGreaterThan(1);
    const cum = execs.map((e) => e.exec.cumQty!);
    expect(cum).toEqual([...cum].sort((a, b) => a - b));
    expect(cum.at(-1)).toBe(size);
    const statuses = ofKind(log, 'orderStatus').slice(1);
    expect(statuses.map((s) => s.filled)).toEqual(cum);
    expect(statuses.map((s) => s.filled + s.remaining)).toEqual(statuses.map(() => size));
    expect(statuses.at(-1)?.status).toBe('Filled');
    expect(statuses.slice(0, -1).every((s) => s.status === 'Submitted')).toBe(true);
    expectClean(c);
  });
});

describe('fake TWS strictness towards placeOrder', () => {
  it.each([
    ['a field too many', (f: string[]) => [...f, 'surplus'], /^message 3: 1 unexpected field/],
    ['a field missing', (f: string[]) => f.slice(0, -1), /^message 3: missing field/],
  ])('records a BAG placeOrder with %s in protocolErrors', async (_name, edit, error) => {
    const c = await connectToSim();
    const legs = await condorLegs(c);
    c.ib.placeOrder(71, bag(c, legs), limit('BUY', 1, -1));
    await barrier(c.ib);
    expect(c.tws.protocolErrors).toEqual([]);
    const sent = c.tws.received.find((f) => f[0] === '3')!;

    const socket = await rawClient(c.port);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(encodeMessage(edit([...sent])));
    await closed;
    expect(c.tws.protocolErrors.map((e) => e.message)).toEqual([expect.stringMatching(error)]);
  });
});
