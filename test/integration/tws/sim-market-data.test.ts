/**
 * The simulator's market through reqMktData: top of book and the model Greeks of a demo-book
 * SPX option as the real @stoqey/ib client decodes them, cancel and disconnect releasing the
 * line, unknown contracts, snapshots and the delayed-only mode.
 */
import type { Contract } from '@stoqey/ib';
import { EventName, MarketDataType, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionModel } from '@shared/domain/market';
import type { BrokerPosition } from '../../../src/main/broker/port';
import { ibContractOf } from '../../fake-tws/contracts';
import type { SimSession } from './sim-harness';
import { barrier, closeAll, collect, connectToSim, expectClean, once } from './sim-harness';

afterEach(closeAll);

type TickPrice = [number, number, number, boolean | undefined];
type TickSize = [number, number, number | undefined];
type OptionComputation = [
  number,
  number,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
];

function spxOption(c: SimSession): BrokerPosition {
  const p = c.sim.positions().find((x) => x.instrument.key.startsWith('OPT:SPX:'));
  if (!p) throw new Error('the demo book has no SPX option');
  return p;
}

/** What a client sends after learning the conId from a position: conId plus an exchange. */
function byConId(p: BrokerPosition): Contract {
  return { conId: p.instrument.conId!, exchange: 'CBOE' };
}

function latestModels(c: SimSession): Map<string, OptionModel> {
  const models = new Map<string, OptionModel>();
  c.sim.events.on('optionModel', (m) => models.set(m.key, m));
  return models;
}

/** undefined where the sim has null, as the decoder turns −1/−2 into undefined. */
const orUndef = (x: number | null): number | undefined => x ?? undefined;

describe.each([193, 178] as const)('fake TWS market data at server version %i', (version) => {
  it("streams an SPX option's bid/ask/last and model Greeks equal to the simulator's", async () => {
    const c = await connectToSim(version);
    const p = spxOption(c);
    const models = latestModels(c);
    const prices = collect<TickPrice>(c.ib, EventName.tickPrice);
    const sizes = collect<TickSize>(c.ib, EventName.tickSize);
    const greeks = collect<OptionComputation>(c.ib, EventName.tickOptionComputation);
    const params = once<[number, number, string, number]>(c.ib, EventName.tickReqParams);
    const type = once<[number, number]>(c.ib, EventName.marketDataType);

    c.ib.reqMktData(11, byConId(p), '', false, false);
    expect((await params)[0]).toBe(11);
    expect(await type).toEqual([11, MarketDataType.REALTIME]);
    await expect.poll(() => new Set(prices.map((t) => t[1]))).toEqual(new Set([1, 2, 4]));

    for (let i = 0; i < 4; i++) c.clock.advance(250);
    await expect.poll(() => greeks.length).toBeGreaterThan(0);
    await barrier(c.ib);

    const q = c.sim.lastQuote(p.instrument.key)!;
    const lastOf = (tickType: number) => prices.filter((t) => t[1] === tickType).at(-1)?.[2];
    expect([lastOf(1), lastOf(2), lastOf(4)]).toEqual([q.bid, q.ask, q.last]);
    const bidSizes = sizes.filter((t) => t[1] === 0);
    expect(bidSizes.at(-1)?.[2]).toBe(q.bidSize);

    const m = models.get(p.instrument.key)!;
    const [reqId, tickType, , iv, delta, optPrice, pvDividend, gamma, vega, theta, undPrice] =
      greeks.at(-1)!;
    expect([reqId, tickType]).toEqual([11, 13]);
    expect({ iv, delta, optPrice, pvDividend, gamma, vega, theta, undPrice }).toEqual({
      iv: orUndef(m.iv),
      delta: orUndef(m.delta),
      optPrice: orUndef(m.modelPrice),
      pvDividend: 0,
      gamma: orUndef(m.gamma),
      vega: orUndef(m.vega),
      theta: orUndef(m.theta),
      undPrice: orUndef(m.underlyingPrice),
    });
    expect(delta).toBeLessThan(0); // a put
    expectClean(c);
  });

  it('stops the ticks on cancelMktData and releases the line', async () => {
    const c = await connectToSim(version);
    const prices = collect<TickPrice>(c.ib, EventName.tickPrice);
    const greeks = collect<OptionComputation>(c.ib, EventName.tickOptionComputation);
    c.ib.reqMktData(12, byConId(spxOption(c)), '', false, false);
    await barrier(c.ib);
    c.clock.advance(500);
    await expect.poll(() => greeks.length).toBeGreaterThan(0);
    expect(c.bridge.marketDataLines()).toBe(1);

    c.ib.cancelMktData(12);
    await barrier(c.ib);
    expect(c.bridge.marketDataLines()).toBe(0);
    const seen = [prices.length, greeks.length];
    for (let i = 0; i < 8; i++) c.clock.advance(250);
    await barrier(c.ib);
    expect([prices.length, greeks.length]).toEqual(seen);
    expectClean(c);
  });

  it('answers error 200 on the request id of an unknown conId', async () => {
    const c = await connectToSim(version);
    c.ib.reqMktData(13, { conId: 123_456, exchange: 'SMART' }, '', false, false);
    await expect
      .poll(() => c.errors.find((e) => e.reqId === 13))
      .toMatchObject({
        code: 200,
        message: 'No security definition has been found for the request',
      });
    expect(c.bridge.marketDataLines()).toBe(0);
    expectClean(c);
  });
});

describe('fake TWS market data details', () => {
  it('resolves a contract by its fields and streams an index as last prices only', async () => {
    const c = await connectToSim();
    const prices = collect<TickPrice>(c.ib, EventName.tickPrice);
    c.ib.reqMktData(
      21,
      { symbol: 'SPX', secType: SecType.IND, exchange: 'CBOE' },
      '',
      false,
      false,
    );
    await expect.poll(() => prices.length).toBeGreaterThan(0);
    c.clock.advance(1_000);
    await barrier(c.ib);
    expect(new Set(prices.map((t) => t[1]))).toEqual(new Set([4]));
    expect(prices.at(-1)?.[2]).toBe(c.sim.lastQuote('IND:SPX')?.last);
    expectClean(c);
  });

  it('answers error 200 when the contract fields match several lines', async () => {
    const c = await connectToSim();
    const { expiry } = spxOption(c).instrument;
    const contract: Contract = {
      symbol: 'SPX',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: expiry!.replaceAll('-', ''),
      exchange: 'CBOE',
    };
    c.ib.reqMktData(28, contract, '', false, false);
    await expect
      .poll(() => c.errors.find((e) => e.reqId === 28))
      .toMatchObject({
        code: 200,
        message: 'The contract description specified for SPX is ambiguous.',
      });
    expectClean(c);
  });

  it('refuses a request without an exchange, as TWS does', async () => {
    const c = await connectToSim();
    c.ib.reqMktData(22, { conId: spxOption(c).instrument.conId! }, '', false, false);
    await expect.poll(() => c.errors.find((e) => e.reqId === 22)?.code).toBe(321);
    expectClean(c);
  });

  it('answers a snapshot with the quote and model, then tickSnapshotEnd', async () => {
    const c = await connectToSim();
    const greeks = collect<OptionComputation>(c.ib, EventName.tickOptionComputation);
    const end = once<[number]>(c.ib, EventName.tickSnapshotEnd);
    c.ib.reqMktData(23, byConId(spxOption(c)), '', true, false);
    await barrier(c.ib);
    c.clock.advance(250);
    expect((await end)[0]).toBe(23);
    expect(greeks.map((g) => g[0])).toEqual([23]);
    expect(c.bridge.marketDataLines()).toBe(0);
    expectClean(c);
  });

  it('releases every line when the client disconnects', async () => {
    const c = await connectToSim();
    const inst = ibContractOf(spxOption(c).instrument);
    c.ib.reqMktData(24, { ...byConId(spxOption(c)), symbol: inst.symbol }, '', false, false);
    c.ib.reqMktData(
      25,
      { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART' },
      '',
      false,
      false,
    );
    await barrier(c.ib);
    await expect.poll(() => c.bridge.marketDataLines()).toBe(2);
    c.ib.disconnect();
    await expect.poll(() => c.bridge.marketDataLines()).toBe(0);
    expect(c.tws.protocolErrors).toEqual([]);
  });

  it('serves delayed data only when asked for it if live data is not subscribed', async () => {
    const c = await connectToSim(193, { delayedOnly: true });
    const prices = collect<TickPrice>(c.ib, EventName.tickPrice);
    c.ib.reqMktData(26, byConId(spxOption(c)), '', false, false);
    await expect.poll(() => c.errors.find((e) => e.reqId === 26)?.code).toBe(354);
    c.ib.reqMarketDataType(MarketDataType.DELAYED);
    const type = once<[number, number]>(c.ib, EventName.marketDataType);
    c.ib.reqMktData(27, byConId(spxOption(c)), '', false, false);
    expect(await type).toEqual([27, MarketDataType.DELAYED]);
    await expect.poll(() => new Set(prices.map((t) => t[1]))).toEqual(new Set([66, 67, 68]));
    expect(c.errors.find((e) => e.reqId === 27)?.code).toBe(10167);
    expectClean(c);
  });
});
