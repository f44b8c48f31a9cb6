/**
 * The whole order path on the wire: the real core over the IBKR adapter, talking to the fake
 * TWS by real TCP. A denied order puts no placeOrder message (id 3), not even a what-if, on
 * the socket; an allowed order goes out once, however often its token is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '@shared/domain/order-ticket';
import { Core } from '../../../src/main/core';
import { systemClock } from '../../../src/main/util/clock';
import { silentLogger } from '../../../src/main/util/logger';
import { simCoreConfig } from '../../fakes/core-config';
import { FieldCursor } from '../../fake-tws/fields';
import { readPlaceOrder, type PlaceOrderMessage } from '../../fake-tws/order-decode';
import type { FakeTws } from '../../fake-tws/server';
import { adapterOnSim, closeAdapters, spxOptionVia } from './adapter-harness';
import { EXPIRY } from './order-harness';

let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  await closeAdapters();
});

/** Real orders on the wire: placeOrder messages (id 3) that are not what-if margin checks. */
function placeOrders(tws: FakeTws, from: number): PlaceOrderMessage[] {
  return tws.received
    .slice(from)
    .filter((f) => f[0] === '3')
    .map((f) => readPlaceOrder(new FieldCursor(f.slice(1), '3'), tws.serverVersion))
    .filter((m) => !m.whatIf);
}

async function coreOnTws() {
  const a = await adapterOnSim();
  core = new Core(simCoreConfig(), {
    clock: systemClock,
    log: silentLogger,
    broker: { port: a.broker, sim: null },
  });
  await core.start();
  // Quotes flow while the market steps; the gate wants them two-sided and fresh.
  const legs = await Promise.all([
    spxOptionVia(a, EXPIRY, 'P', 0.9),
    spxOptionVia(a, EXPIRY, 'P', 0.93),
    spxOptionVia(a, EXPIRY, 'C', 1.07),
    spxOptionVia(a, EXPIRY, 'C', 1.1),
  ]);
  return { a, core, legs };
}

function condor(keys: string[], limitPrice: number) {
  const [lp, sp, sc, lc] = keys;
  // IB's combo convention: buying these legs is the short condor, for a credit (a negative price).
  return {
    action: 'BUY',
    quantity: 1,
    orderType: 'LMT',
    limitPrice,
    tif: 'DAY',
    strategy: 'iron condor',
    legs: [
      { instrument: { key: lp }, action: 'BUY', ratio: 1 },
      { instrument: { key: sp }, action: 'SELL', ratio: 1 },
      { instrument: { key: sc }, action: 'SELL', ratio: 1 },
      { instrument: { key: lc }, action: 'BUY', ratio: 1 },
    ],
  };
}

async function preview(c: Core, ticket: unknown, step: () => Promise<void>): Promise<Review> {
  const pending = c.api.commands.dispatch('orders.preview', ticket);
  // Let the adapter's market steps arrive while the review waits for quotes.
  for (let i = 0; i < 8; i++) await step();
  const r = await pending;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Review;
}

describe('order path on the wire (core + IBKR adapter + fake TWS)', () => {
  it('denied iron condors never reach the socket; an allowed close goes out once per token', async () => {
    const { a, core, legs } = await coreOnTws();
    const keys = legs.map((l) => l.key);
    const before = a.tws.received.length;

    // Paying 50 points for a condor that brings a credit of a few: far through the collar.
    const denied = await preview(core, condor(keys, 50), a.step);
    expect(denied.decision).toBe('denied');
    expect(denied.confirmToken).toBeNull();
    expect(placeOrders(a.tws, before)).toHaveLength(0);

    // The demo book is already red on gamma, so new short premium is refused too; closing one
    // held short option only reduces and is allowed.
    const mid = denied.prices.mid!;
    const opening = await preview(core, condor(keys, mid), a.step);
    expect(opening.decision).toBe('denied');
    expect(opening.denials.map((d) => d.code)).toContain('RISK_LIMIT');
    expect(placeOrders(a.tws, before)).toHaveLength(0);

    const short = a.broker
      .positions()
      .find(
        (p) => p.instrument.symbol === 'SPX' && p.instrument.secType === 'OPT' && p.quantity < 0,
      )!;
    const close = {
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 0,
      tif: 'DAY',
      legs: [{ instrument: { key: short.instrument.key }, action: 'BUY', ratio: 1 }],
    };
    const probe = await preview(core, close, a.step);
    const ok = await preview(core, { ...close, limitPrice: probe.prices.mid! }, a.step);
    expect(ok.reducesRisk).toBe(true);
    expect(ok.denials.map((d) => d.message)).toEqual([]);
    const first = await core.api.commands.dispatch('orders.submit', {
      confirmToken: ok.confirmToken,
    });
    const again = await core.api.commands.dispatch('orders.submit', {
      confirmToken: ok.confirmToken,
    });
    expect(first.ok).toBe(true);
    expect(again).toMatchObject({ ok: false, error: { code: 'TOKEN_USED' } });
    await a.step();
    const sent = placeOrders(a.tws, before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.contract.symbol).toBe('SPX');
    expect(sent[0]!.action).toBe('BUY');
    expect(sent[0]!.orderRef).toBe(ok.clientRef);
  });
});
