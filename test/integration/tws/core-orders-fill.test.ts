/**
 * Confirmed orders on the wire: the real core over the IBKR adapter and the fake TWS (real TCP,
 * the simulator behind it). An iron condor goes out as one BAG order and fills into four
 * positions; a walking limit reprices the same order step by step toward its worst price,
 * never past it, then cancels. The book runs on a matrix with gamma room (the demo book is red
 * on gamma under the default one) and the collar is widened in Settings, because the
 * simulator's combo spreads are several points wide.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRecord, Review } from '@shared/domain/order-ticket';
import type { Core } from '../../../src/main/core';
import { condorTicket as condor } from '../../fakes/condor-ticket';
import { cancels, closeCoreOnTws, coreOnTws, placeOrders, preview } from './core-wire-harness';

const ROOMY = fileURLToPath(new URL('../../fixtures/roomy-risk-matrix.yaml', import.meta.url));

afterEach(closeCoreOnTws);

type Rig = Awaited<ReturnType<typeof coreOnTws>>;

async function setUp() {
  const rig = await coreOnTws({ riskMatrix: ROOMY });
  const updated = await rig.core.api.commands.dispatch('settings.update', {
    orders: {
      collar: { maxTicksThroughMid: 200 },
      walk: { stepSeconds: 1, maxSteps: 3, regularHoursOnly: false },
    },
  });
  expect(updated.ok).toBe(true);
  return rig;
}

async function submit(c: Core, review: Review): Promise<number> {
  expect(review.denials.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const r = await c.api.commands.dispatch('orders.submit', { confirmToken: review.confirmToken });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return (r.value as { orderId: number }).orderId;
}

async function orderOf(c: Core, orderId: number): Promise<OrderRecord | undefined> {
  const r = await c.api.commands.dispatch('orders.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as OrderRecord[]).find((o) => o.orderId === orderId);
}

/** Steps the market until the order is in one of the states (or gives up after ~15 s). */
async function until(
  c: Core,
  orderId: number,
  states: readonly string[],
  step: () => Promise<void>,
): Promise<OrderRecord> {
  for (let i = 0; i < 100; i++) {
    const o = await orderOf(c, orderId);
    if (o && states.includes(o.status)) return o;
    await step();
    await new Promise((r) => setTimeout(r, 120));
  }
  throw new Error(`order ${orderId} never reached ${states.join('/')}`);
}

/**
 * A condor bought as a walking limit: from 10 ticks under the mid up to 4 under, far below the
 * natural, so it cannot fill even if the market moves a little while it is reviewed.
 */
async function sendWalk(a: Rig['a'], core: Core, keys: string[]) {
  const probe = await preview(core, condor(keys, 0), a.step);
  const { mid, tick } = probe.prices;
  const onGrid = (x: number) => Math.round(x * 1e6) / 1e6;
  const start = onGrid(mid! - 10 * tick);
  const worst = onGrid(mid! - 4 * tick);
  const review = await preview(
    core,
    condor(keys, start, { execution: { kind: 'walk', worstPrice: worst } }),
    a.step,
    1,
  );
  const before = a.tws.received.length;
  return { start, worst, before, orderId: await submit(core, review) };
}

describe('confirmed orders on the wire (core + IBKR adapter + fake TWS)', () => {
  it('an iron condor goes out as one BAG order and fills into four positions', async () => {
    const { a, core, keys } = await setUp();
    const probe = await preview(core, condor(keys, 0), a.step);
    const natural = probe.prices.natural!;
    const review = await preview(core, condor(keys, natural), a.step);
    expect(review.decision).not.toBe('denied');
    const before = a.tws.received.length;
    const orderId = await submit(core, review);
    await a.step();

    const sent = placeOrders(a.tws, before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.orderId).toBe(orderId);
    expect(sent[0]!.contract.secType).toBe('BAG');
    expect(sent[0]!.comboLegs.map((l) => l.action)).toEqual(['BUY', 'SELL', 'SELL', 'BUY']);
    expect(sent[0]!.lmtPrice).toBeCloseTo(natural, 6);

    const filled = await until(core, orderId, ['filled'], a.step);
    expect(filled.filled).toBe(1);
    expect(filled.remaining).toBe(0);
    const held = new Map(a.broker.positions().map((p) => [p.instrument.key, p.quantity]));
    expect(keys.map((k) => held.get(k))).toEqual([1, -1, -1, 1]);
    // Filled once: nothing more was sent for it.
    expect(placeOrders(a.tws, before)).toHaveLength(1);
  });

  it('a walking limit reprices toward its worst price, never past it, then cancels', async () => {
    const { a, core, keys } = await setUp();
    const { start, worst, before, orderId } = await sendWalk(a, core, keys);

    // The walk runs on the core's own timers; the market is held still so it cannot fill.
    const still = () => Promise.resolve();
    const ended = await until(core, orderId, ['cancelled', 'filled'], still);
    expect(ended.status).toBe('cancelled');
    expect(ended.walk?.ended).toBeTruthy();
    const prices = placeOrders(a.tws, before)
      .filter((m) => m.orderId === orderId)
      .map((m) => m.lmtPrice!);
    // The first send and one modify per step, each on the same order id.
    expect(prices.length).toBe(1 + 3);
    expect(prices[0]).toBeCloseTo(start, 6);
    for (let i = 1; i < prices.length; i++) {
      expect(prices[i]!).toBeGreaterThanOrEqual(prices[i - 1]! - 1e-9);
      expect(prices[i]!).toBeLessThanOrEqual(worst + 1e-9);
    }
    expect(prices.at(-1)).toBeCloseTo(worst, 6);
    expect(cancels(a.tws, before, orderId)).toHaveLength(1);
  });

  it('a halt stops a walking limit where it is: no further modify reaches the wire', async () => {
    const { a, core, keys } = await setUp();
    const { before, orderId } = await sendWalk(a, core, keys);
    const halted = await core.api.commands.dispatch('trading.set', {
      state: 'halted',
      reason: 'test halt',
    });
    expect(halted.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 2_500)); // past two step times
    const sends = placeOrders(a.tws, before).filter((m) => m.orderId === orderId);
    expect(sends).toHaveLength(1); // the order itself, no step after the halt
    const o = await orderOf(core, orderId);
    expect(o?.walk?.ended).toMatch(/stopped: trading halted/);
  });
});
