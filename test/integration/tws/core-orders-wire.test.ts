/**
 * The whole order path on the wire: the real core over the IBKR adapter, talking to the fake
 * TWS by real TCP. A denied order puts no placeOrder message (id 3), not even a what-if, on
 * the socket; an allowed order goes out once, however often its token is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { condorTicket as condor } from '../../fakes/condor-ticket';
import { closeCoreOnTws, coreOnTws, placeOrders, preview } from './core-wire-harness';

afterEach(closeCoreOnTws);

describe('order path on the wire (core + IBKR adapter + fake TWS)', () => {
  it('denied iron condors never reach the socket; an allowed close goes out once per token', async () => {
    const { a, core, keys } = await coreOnTws();
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
