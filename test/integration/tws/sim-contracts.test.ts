/**
 * Contract look-ups, option-chain parameters and daily bars from the simulator through the fake
 * TWS, and the fake's strictness towards a client message it cannot account for.
 */
import type { ContractDetails } from '@stoqey/ib';
import { BarSizeSetting, EventName, SecType, WhatToShow } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerPosition } from '../../../src/main/broker/port';
import { conIdOf } from '../../../src/main/broker/sim/instruments';
import { ibDate } from '../../fake-tws/contracts';
import { encodeMessage } from '../../fake-tws/wire';
import type { SimSession } from './sim-harness';
import { closeAll, collect, connectToSim, expectClean, once, rawClient } from './sim-harness';

afterEach(closeAll);

function spxOption(c: SimSession): BrokerPosition {
  const p = c.sim.positions().find((x) => x.instrument.key.startsWith('OPT:SPX:'));
  if (!p) throw new Error('the demo book has no SPX option');
  return p;
}

async function details(c: SimSession, reqId: number, contract: object) {
  const got = collect<[number, ContractDetails]>(c.ib, EventName.contractDetails);
  const end = once<[number]>(c.ib, EventName.contractDetailsEnd);
  c.ib.reqContractDetails(reqId, contract);
  expect((await end)[0]).toBe(reqId);
  return got.map(([, d]) => d);
}

describe.each([193, 178] as const)('fake TWS contract details at server version %i', (version) => {
  it('describes a demo-book SPX option found by its conId', async () => {
    const c = await connectToSim(version);
    const inst = spxOption(c).instrument;
    const [d, ...more] = await details(c, 31, { conId: inst.conId });
    expect(more).toEqual([]);
    expect(d?.contract).toMatchObject({
      conId: inst.conId,
      symbol: 'SPX',
      secType: 'OPT',
      lastTradeDateOrContractMonth: ibDate(inst.expiry!),
      strike: inst.strike,
      right: inst.right,
      multiplier: 100,
      exchange: 'CBOE',
      currency: 'USD',
    });
    if (version >= 182) expect(d?.contract.lastTradeDate).toBe(ibDate(inst.expiry!));
    expect(d).toMatchObject({
      minTick: 0.05,
      underConId: conIdOf('IND:SPX'),
      underSymbol: 'SPX',
      underSecType: 'IND',
      realExpirationDate: ibDate(inst.expiry!),
      timeZoneId: 'US/Eastern',
    });
    expectClean(c);
  });

  it('finds the same option by symbol, expiry, strike and right', async () => {
    const c = await connectToSim(version);
    const inst = spxOption(c).instrument;
    const found = await details(c, 32, {
      symbol: 'SPX',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: ibDate(inst.expiry!),
      strike: inst.strike,
      right: inst.right === 'P' ? 'P' : 'C',
      exchange: 'SMART',
      currency: 'USD',
    });
    expect(found.map((d) => d.contract.conId)).toEqual([inst.conId]);
    expectClean(c);
  });
});

describe('fake TWS contract look-ups', () => {
  it('lists a whole expiry and the front ES future by contract month', async () => {
    const c = await connectToSim();
    const inst = spxOption(c).instrument;
    const chain = await details(c, 33, {
      symbol: 'SPX',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: ibDate(inst.expiry!),
      right: 'P',
      exchange: 'SMART',
    });
    const [strikes] = await c.sim.optionChain('SPX').then((x) => x.map((ch) => ch.strikes));
    expect(chain).toHaveLength(strikes!.length);
    const es = c.sim.positions().find((p) => p.instrument.secType === 'FUT')!.instrument;
    const fut = await details(c, 34, {
      symbol: 'ES',
      secType: SecType.FUT,
      lastTradeDateOrContractMonth: ibDate(es.expiry!).slice(0, 6),
      exchange: 'CME',
    });
    expect(fut.map((d) => [d.contract.conId, d.contract.localSymbol])).toEqual([
      [es.conId, expect.stringMatching(/^ES[HMUZ]\d$/)],
    ]);
    expectClean(c);
  });

  it('answers error 200 when nothing matches', async () => {
    const c = await connectToSim();
    c.ib.reqContractDetails(35, { symbol: 'NOPE', secType: SecType.STK, exchange: 'SMART' });
    await expect.poll(() => c.errors.find((e) => e.reqId === 35)?.code).toBe(200);
    expectClean(c);
  });

  it("gives SPX's option-chain parameters per exchange and trading class", async () => {
    const c = await connectToSim();
    const lines = collect<[number, string, number, string, number, string[], number[]]>(
      c.ib,
      EventName.securityDefinitionOptionParameter,
    );
    const end = once<[number]>(c.ib, EventName.securityDefinitionOptionParameterEnd);
    c.ib.reqSecDefOptParams(36, 'SPX', '', 'IND', conIdOf('IND:SPX'));
    expect((await end)[0]).toBe(36);
    const [chain] = await c.sim.optionChain('SPX');
    const cboe = lines.filter(([, exchange]) => exchange === 'CBOE');
    expect(cboe.map(([, , , cls]) => cls).sort()).toEqual(['SPX', 'SPXW']);
    expect(cboe.flatMap(([, , , , , exp]) => exp).sort()).toEqual(chain!.expirations.map(ibDate));
    expect(cboe[0]?.[6]).toEqual(chain!.strikes);
    expect(cboe[0]?.[4]).toBe(100);
    expect(new Set(lines.map(([, exchange]) => exchange))).toEqual(new Set(['SMART', 'CBOE']));
    expectClean(c);
  });

  it('serves daily bars from the simulated history', async () => {
    const c = await connectToSim();
    const bars = collect<[number, string, number, number, number, number, number]>(
      c.ib,
      EventName.historicalData,
    );
    c.ib.reqHistoricalData(
      37,
      { symbol: 'SPY', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      '',
      '1 M',
      BarSizeSetting.DAYS_ONE,
      WhatToShow.TRADES,
      1,
      1,
      false,
    );
    await expect.poll(() => bars.at(-1)?.[1] ?? '').toMatch(/^finished/);
    const expected = await c.sim.historicalDaily('SPY', 21);
    expect(
      bars.slice(0, -1).map(([, date, open, high, low, close]) => [date, open, high, low, close]),
    ).toEqual(expected.map((b) => [ibDate(b.date), b.open, b.high, b.low, b.close]));
    expectClean(c);
  });
});

describe('fake TWS strictness with the simulator attached', () => {
  it.each([
    ['a field too many', ['61', '1', 'surplus'], /^message 61: 1 unexpected field/],
    ['a truncated reqMktData', ['1', '11', '5', '0', 'SPX'], /^message 1: missing field secType/],
    ['a wrong version', ['9', '7', '1'], /^message 9: version must be 8, got 7/],
    [
      'a non-numeric strike',
      ['1', '11', '5', '', 'SPX', 'OPT', '20261218', 'x'],
      /strike must be a number/,
    ],
  ])('records %s in protocolErrors and drops the client', async (_name, fields, error) => {
    const c = await connectToSim();
    const socket = await rawClient(c.port);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(encodeMessage(fields));
    await closed;
    expect(c.tws.protocolErrors.map((e) => e.message)).toEqual([expect.stringMatching(error)]);
  });
});
