/**
 * The account's daily P&L over the socket: the adapter subscribes reqPnL for its account, the
 * fake TWS answers with PnL messages carrying the simulator's dailyPnl, and the adapter's
 * account summary carries the latest figure (null while TWS sends its "unset" value).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adapterOnSim, closeAdapters } from './adapter-harness';

afterEach(closeAdapters);

describe('IBKR adapter: daily P&L from reqPnL', () => {
  it('subscribes reqPnL for its account and carries dailyPnL into the account summary', async () => {
    const { sim, tws, broker, step } = await adapterOnSim();
    const req = tws.received.find((f) => f[0] === '92');
    expect(req?.slice(2)).toEqual(['DU1234567', '']);
    await expect.poll(() => broker.accountSummary()?.dailyPnl).toBe(0);
    sim.shockSpec('SPX -3%');
    await step(1_000);
    const simPnl = sim.accountSummary()!.dailyPnl!;
    expect(simPnl).not.toBe(0);
    await expect.poll(() => broker.accountSummary()?.dailyPnl).toBeCloseTo(simPnl, 6);
    expect(tws.protocolErrors).toEqual([]);
  });

  it('reports dailyPnl null while TWS sends the unset value, with the other values known', async () => {
    const { broker, tws } = await adapterOnSim({ pnlUnknown: true });
    expect(tws.received.some((f) => f[0] === '92')).toBe(true);
    // TWS answers in order: once a later lookup is back, the PnL answer has arrived too.
    await broker.lookupContract({ symbol: 'SPX', secType: 'IND' });
    const acct = broker.accountSummary()!;
    expect(acct.netLiquidation).toBeGreaterThan(0);
    expect(acct.dailyPnl).toBeNull();
  });

  it('cancels the P&L subscription when it stops', async () => {
    const { tws, broker } = await adapterOnSim();
    const reqId = tws.received.find((f) => f[0] === '92')![1];
    await broker.stop();
    await expect.poll(() => tws.received.some((f) => f[0] === '93' && f[1] === reqId)).toBe(true);
    expect(tws.protocolErrors).toEqual([]);
  });
});
