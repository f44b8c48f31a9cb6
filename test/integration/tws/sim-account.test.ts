/**
 * The simulator's book and account through the fake TWS, read by the real @stoqey/ib client:
 * positions with per-contract average costs, the account summary and the account updates.
 */
import type { Contract } from '@stoqey/ib';
import { EventName, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import { ibDate } from '../../fake-tws/contracts';
import { closeAll, collect, connectToSim, expectClean, once } from './sim-harness';

afterEach(closeAll);

type PositionArgs = [string, Contract, number, number];

describe.each([193, 178] as const)('fake TWS account at server version %i', (version) => {
  it("reports the simulator's positions, average cost per contract, then positionEnd", async () => {
    const c = await connectToSim(version);
    const positions = collect<PositionArgs>(c.ib, EventName.position);
    const end = once(c.ib, EventName.positionEnd);
    c.ib.reqPositions();
    await end;

    const book = c.sim.positions();
    expect(book.length).toBeGreaterThan(20);
    expect(positions).toHaveLength(book.length);
    const byConId = new Map(positions.map((p) => [p[1].conId, p]));
    for (const p of book) {
      const got = byConId.get(p.instrument.conId);
      expect(got, p.instrument.key).toBeDefined();
      const [account, contract, pos, avgCost] = got!;
      expect(account).toBe('DU1234567');
      expect(pos).toBe(p.quantity);
      expect(avgCost).toBeCloseTo(p.avgPrice * p.instrument.multiplier, 9);
      expect(contract.symbol).toBe(p.instrument.symbol);
      expect(contract.secType).toBe(p.instrument.secType);
      expect(contract.currency).toBe('USD');
      if (p.instrument.expiry) {
        expect(contract.lastTradeDateOrContractMonth).toBe(ibDate(p.instrument.expiry));
        expect(contract.multiplier).toBe(p.instrument.multiplier);
      }
      if (p.instrument.strike !== undefined) {
        expect(contract.strike).toBe(p.instrument.strike);
        expect(contract.right).toBe(p.instrument.right);
      }
    }
    const spxOption = positions.find((p) => p[1].symbol === 'SPX' && p[1].secType === SecType.OPT);
    expect(spxOption?.[1].tradingClass).toMatch(/^SPXW?$/);
    expect(spxOption?.[1].localSymbol).toMatch(/^SPXW? {1,2}\d{6}[CP]\d{8}$/);
    expectClean(c);
  });

  it('reports a position change after a fill and stops after cancelPositions', async () => {
    const c = await connectToSim(version);
    const positions = collect<PositionArgs>(c.ib, EventName.position);
    const end = once(c.ib, EventName.positionEnd);
    c.ib.reqPositions();
    await end;
    const before = positions.length;
    const stock = c.sim.positions().find((p) => p.instrument.key === 'STK:AAPL')!;
    await c.sim.placeOrder({
      account: c.sim.account,
      action: 'BUY',
      quantity: 100,
      orderType: 'MKT',
      tif: 'DAY',
      legs: [{ instrument: stock.instrument, ratio: 1, action: 'BUY' }],
    });
    c.clock.advance(2_000);
    await expect.poll(() => positions.length).toBe(before + 1);
    expect(positions.at(-1)?.[2]).toBe(stock.quantity + 100);

    c.ib.cancelPositions();
    expectClean(c);
  });

  it('answers the account summary with the simulator values for the requested tags', async () => {
    const c = await connectToSim(version);
    const lines = collect<[number, string, string, string, string]>(c.ib, EventName.accountSummary);
    const end = once<[number]>(c.ib, EventName.accountSummaryEnd);
    c.ib.reqAccountSummary(
      9,
      'All',
      'NetLiquidation,ExcessLiquidity,Cushion,InitMarginReq,MaintMarginReq,BuyingPower,TotalCashValue,NoSuchTag',
    );
    expect((await end)[0]).toBe(9);
    const a = c.sim.accountSummary()!;
    const values = Object.fromEntries(lines.map(([, , tag, value]) => [tag, Number(value)]));
    expect(values).toEqual({
      NetLiquidation: a.netLiquidation,
      ExcessLiquidity: a.excessLiquidity,
      Cushion: a.cushion,
      InitMarginReq: a.initMargin,
      MaintMarginReq: a.maintMargin,
      BuyingPower: a.buyingPower,
      TotalCashValue: a.cash,
    });
    expect(new Set(lines.map(([reqId, account]) => `${reqId}/${account}`))).toEqual(
      new Set(['9/DU1234567']),
    );
    expect(lines.find(([, , tag]) => tag === 'NetLiquidation')?.[4]).toBe('USD');
    c.ib.cancelAccountSummary(9);
    expectClean(c);
  });

  it('sends account values, a portfolio line per position, the time and downloadEnd', async () => {
    const c = await connectToSim(version);
    const values = collect<[string, string, string, string]>(c.ib, EventName.updateAccountValue);
    const portfolio = collect<[Contract, number, number, number, number]>(
      c.ib,
      EventName.updatePortfolio,
    );
    const time = once<[string]>(c.ib, EventName.updateAccountTime);
    const end = once<[string]>(c.ib, EventName.accountDownloadEnd);
    c.ib.reqAccountUpdates(true, 'DU1234567');
    expect((await end)[0]).toBe('DU1234567');
    expect((await time)[0]).toBe('10:00');
    const nlv = values.find(([key]) => key === 'NetLiquidation');
    expect(nlv).toEqual([
      'NetLiquidation',
      String(c.sim.accountSummary()!.netLiquidation),
      'USD',
      'DU1234567',
    ]);
    expect(portfolio).toHaveLength(c.sim.positions().length);
    const aapl = portfolio.find(([contract]) => contract.symbol === 'AAPL' && !contract.right);
    expect(aapl?.[1]).toBe(200);
    expect(aapl?.[2]).toBe(c.sim.lastQuote('STK:AAPL')?.mark);
    c.ib.reqAccountUpdates(false, 'DU1234567');
    expectClean(c);
  });
});
