/**
 * The real core on the real simulator, driven by a FakeClock and spoken to only through the
 * contract (commands and streams), with every output validated against the contract's schemas.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamData } from '@shared/api/contract';
import type { PositionsView } from '@shared/domain/positions';
import type { SimStatus } from '@shared/domain/sim';
import { Core } from '../../src/main/core';
import { silentLogger } from '../../src/main/util/logger';
import { DEFAULT_STALE_AFTER } from '../../src/main/config';
import { simCoreConfig } from '../fakes/core-config';
import { FakeClock } from '../fakes/fake-clock';

const START = Date.parse('2026-11-20T11:00:00-05:00');
let core: Core | null = null;

async function startCore(clock = new FakeClock(START)) {
  core = new Core(simCoreConfig({ seed: 42, startTime: START }), { clock, log: silentLogger });
  await core.start();
  clock.advance(1_000);
  return { core, clock };
}

async function call(
  c: Core,
  name: Parameters<Core['api']['commands']['dispatch']>[0],
  input: unknown,
) {
  return c.api.commands.dispatch(name, input);
}

/** sim.control that must succeed, typed as the contract says. */
async function sim(c: Core, input: unknown): Promise<SimStatus> {
  const r = await call(c, 'sim.control', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SimStatus;
}

async function snapshot(c: Core): Promise<PositionsView> {
  const r = await call(c, 'positions.snapshot', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as PositionsView;
}

afterEach(async () => {
  await core?.stop();
  core = null;
});

describe('core on the simulator', () => {
  it('loads the demo book with prices and broker Greeks on every option', async () => {
    const { core } = await startCore();
    const view = await snapshot(core);
    expect(view.rows.length).toBeGreaterThanOrEqual(25);
    expect(view.rows.every((r) => r.price !== null && !r.priceStale)).toBe(true);
    const options = view.rows.filter(
      (r) => r.instrument.secType === 'OPT' || r.instrument.secType === 'FOP',
    );
    expect(options.length).toBeGreaterThan(15);
    // The sim leaves out about 1 in 200 model ticks; the last valid set is kept.
    expect(options.filter((r) => r.greeksSource === 'broker').length).toBe(options.length);
    expect(view.totals.greeksValid).toBe(view.rows.length);
  });

  it('streams position updates no more than ten times a second', async () => {
    const { core, clock } = await startCore();
    const updates: StreamData<'positions.changed'>[] = [];
    core.api.streams.subscribe('positions.changed', (u) => updates.push(u));
    expect(updates[0]?.full).toBe(true);
    clock.advance(10_000);
    expect(updates.length).toBeGreaterThan(20);
    expect(updates.length).toBeLessThanOrEqual(1 + 101);
    expect(updates.slice(1).every((u) => !u.full && u.upserts.length > 0)).toBe(true);
  });

  it('moves the book when the simulator is shocked through the contract', async () => {
    const { core, clock } = await startCore();
    const spxBefore = (await snapshot(core)).groups.find(
      (g) => g.underlying === 'SPX',
    )!.underlyingPrice!;
    const r = await call(core, 'sim.control', { action: 'shock-spec', spec: 'SPX -6%, VIX +15' });
    expect(r).toMatchObject({ ok: true, value: { lastShock: 'SPX -6%, VIX +15' } });
    clock.advance(500);
    const spxAfter = (await snapshot(core)).groups.find(
      (g) => g.underlying === 'SPX',
    )!.underlyingPrice!;
    expect(spxAfter / spxBefore - 1).toBeCloseTo(-0.06, 2);
  });

  it('answers an impossible shock with INVALID_SHOCK and leaves the market alone', async () => {
    const { core } = await startCore();
    const before = await sim(core, { action: 'pause' });
    const spec = await call(core, 'sim.control', { action: 'shock-spec', spec: 'SPX crash' });
    expect(spec).toMatchObject({ ok: false, error: { code: 'INVALID_SHOCK' } });
    const unknown = await call(core, 'sim.control', {
      action: 'shock',
      moves: [{ symbol: 'GME', change: 50, unit: 'percent' }],
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_SHOCK' } });
    expect(JSON.stringify(unknown)).toMatch(/GME/);
    const after = await sim(core, { action: 'resume' });
    expect(after.lastShock).toBe(before.lastShock);
  });

  it('pauses, changes speed and resumes the simulator', async () => {
    const { core, clock } = await startCore();
    await sim(core, { action: 'pause' });
    const paused = await sim(core, { action: 'speed', speed: 60 });
    expect(paused).toMatchObject({ running: false, speed: 60 });
    clock.advance(1_000);
    const still = await sim(core, { action: 'resume' });
    expect(still.simTime).toBe(paused.simTime);
    clock.advance(1_000);
    const moved = await sim(core, { action: 'pause' });
    // One wall second at 60× is one simulated minute.
    expect(moved.simTime - paused.simTime).toBeCloseTo(60_000, -3);
  });

  it('keeps prices fresh while paused: a frozen market is not a dead feed', async () => {
    const { core, clock } = await startCore();
    await sim(core, { action: 'pause' });
    clock.advance(DEFAULT_STALE_AFTER.quoteMs * 2);
    const view = await snapshot(core);
    expect(view.rows.some((r) => r.priceStale)).toBe(false);
  });

  it('stops cleanly: disconnected, and no timer left behind', async () => {
    const clock = new FakeClock(START);
    const { core: c } = await startCore(clock);
    await c.stop();
    const state = await call(c, 'connection.get', {});
    expect(state).toMatchObject({ ok: true, value: { status: 'disconnected' } });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('updates the positions view after an order fills on the simulator', async () => {
    const { core, clock } = await startCore();
    const before = await snapshot(core);
    const shortPut = before.rows.find(
      (r) => r.instrument.secType === 'OPT' && r.quantity < 0 && r.instrument.symbol === 'SPY',
    )!;
    const ask = core.broker.lastQuote(shortPut.instrument.key)!.ask!;
    // Through the gate, as the ticket does: review, then send with the review's token.
    const review = await call(core, 'orders.preview', {
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: ask,
      tif: 'DAY',
      legs: [{ instrument: { key: shortPut.instrument.key }, action: 'BUY', ratio: 1 }],
    });
    if (!review.ok) throw new Error(review.error.message);
    const { confirmToken, decision } = review.value as { confirmToken: string; decision: string };
    expect(decision).not.toBe('denied');
    const sent = await call(core, 'orders.submit', { confirmToken });
    expect(sent.ok).toBe(true);
    clock.advance(2_000);
    const after = (await snapshot(core)).rows.find((r) => r.id === shortPut.id);
    expect(after?.quantity ?? 0).toBe(shortPut.quantity + 1);
    // Cancelling the filled order answers with its record and sends nothing to the broker.
    const { orderId } = sent.ok ? (sent.value as { orderId: number }) : { orderId: -1 };
    let cancels = 0;
    const real = core.broker.cancelOrder.bind(core.broker);
    core.broker.cancelOrder = (id) => {
      cancels += 1;
      return real(id);
    };
    const cancelled = await call(core, 'orders.cancel', { orderId });
    expect(cancelled).toMatchObject({ ok: true, value: { orderId, status: 'filled' } });
    expect(cancels).toBe(0);
  });
});
