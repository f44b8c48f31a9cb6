/**
 * Bulwark's IBKR adapter against the fake TWS serving the simulator, over real sockets: the
 * book and account equal the simulator's, option Greeks arrive as broker-model values, and the
 * connection state reads paper with the server version.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionModel, Quote } from '@shared/domain/market';
import { adapterOnSim, closeAdapters } from './adapter-harness';

afterEach(closeAdapters);

async function setup() {
  return adapterOnSim();
}

describe('IBKR adapter on the fake TWS', () => {
  it('reaches ready: paper account, server version 193, the simulator’s positions and account values', async () => {
    const { sim, tws, broker } = await setup();
    expect(broker.connectionState()).toMatchObject({
      broker: 'ibkr',
      status: 'connected',
      mode: 'paper',
      account: 'DU1234567',
      serverVersion: 193,
    });
    const mine = [...broker.positions()].sort((a, b) =>
      a.instrument.key.localeCompare(b.instrument.key),
    );
    const theirs = [...sim.positions()].sort((a, b) =>
      a.instrument.key.localeCompare(b.instrument.key),
    );
    expect(mine.map((p) => [p.instrument.key, p.quantity])).toEqual(
      theirs.map((p) => [p.instrument.key, p.quantity]),
    );
    for (const [i, p] of mine.entries()) expect(p.avgPrice).toBeCloseTo(theirs[i]!.avgPrice, 8);
    const acct = broker.accountSummary()!;
    const simAcct = sim.accountSummary()!;
    for (const k of [
      'netLiquidation',
      'excessLiquidity',
      'maintMargin',
      'initMargin',
      'buyingPower',
      'cushion',
    ] as const) {
      expect(acct[k], k).toBeCloseTo(simAcct[k], 6);
    }
    expect(tws.protocolErrors).toEqual([]);
  });

  it('streams quotes and broker-model Greeks for a held SPX option, and stops on unsubscribe', async () => {
    const { clock, sim, tws, broker } = await setup();
    const option = broker
      .positions()
      .find((p) => p.instrument.secType === 'OPT' && p.instrument.symbol === 'SPX')!.instrument;
    const quotes: Quote[] = [];
    const models: OptionModel[] = [];
    broker.events.on('quote', (q) => q.key === option.key && quotes.push(q));
    broker.events.on('optionModel', (m) => m.key === option.key && models.push(m));
    const simModels: OptionModel[] = [];
    sim.events.on('optionModel', (m) => m.key === option.key && simModels.push(m));
    const sub = broker.subscribeMarketData(option);
    await expect.poll(() => tws.connectedClients()).toBe(1);
    for (let i = 0; i < 8 && models.length === 0; i++) {
      clock.advance(250);
      await new Promise((r) => setTimeout(r, 50));
    }
    await expect.poll(() => models.length).toBeGreaterThan(0);
    expect(quotes.at(-1)!.mark).toBeGreaterThan(0);
    const model = models.at(-1)!;
    const same = simModels.find((m) => m.delta === model.delta)!;
    expect(same).toBeDefined();
    expect(model).toMatchObject({
      iv: same.iv,
      gamma: same.gamma,
      vega: same.vega,
      theta: same.theta,
    });
    const sent = tws.received.length;
    sub.unsubscribe();
    await expect.poll(() => tws.received.slice(sent).some((f) => f[0] === '2')).toBe(true);
    const seen = models.length;
    // A line opened after the cancel: once its quote is here, anything TWS sent for the
    // cancelled option before it has arrived too (one ordered socket).
    const [spx] = await broker.lookupContract({ symbol: 'SPX', secType: 'IND' });
    let later = 0;
    broker.events.on('quote', (q) => q.key === spx!.key && later++);
    broker.subscribeMarketData(spx!);
    await expect.poll(() => (clock.advance(250), later)).toBeGreaterThan(0);
    expect(models.length).toBe(seen);
    expect(tws.protocolErrors).toEqual([]);
  });

  it('looks up contracts through TWS, and answers an unknown one with nothing', async () => {
    const { broker } = await setup();
    const [spx] = await broker.lookupContract({ symbol: 'SPX', secType: 'IND' });
    expect(spx).toMatchObject({ key: 'IND:SPX', secType: 'IND' });
    expect(await broker.lookupContract({ symbol: 'NOPE', secType: 'STK' })).toEqual([]);
  });

  it('reads a year of daily bars equal to the simulator’s, and option chains with their expiries', async () => {
    const { sim, broker } = await setup();
    const bars = await broker.historicalDaily('AAPL', 252);
    const theirs = await sim.historicalDaily('AAPL', 252);
    expect(bars).toHaveLength(theirs.length);
    expect(bars.at(-1)).toMatchObject({ date: theirs.at(-1)!.date });
    expect(bars.at(-1)!.close).toBeCloseTo(theirs.at(-1)!.close, 6);
    const [chain] = await broker.optionChain('SPX');
    const [simChain] = await sim.optionChain('SPX');
    expect(chain).toMatchObject({ secType: 'OPT', exercise: 'european', multiplier: 100 });
    expect(chain!.expirations).toEqual(expect.arrayContaining(simChain!.expirations.slice(0, 3)));
    expect(chain!.strikes.length).toBeGreaterThan(50);
  });
});

describe('IBKR adapter: market data after trouble', () => {
  async function subscribed(delayedOnly = false) {
    const { clock, tws, broker } = await adapterOnSim({ delayedOnly });
    const spx = broker.positions().find((p) => p.instrument.symbol === 'SPX')!.instrument;
    const quotes: Quote[] = [];
    broker.events.on('quote', (q) => q.key === spx.key && quotes.push(q));
    broker.subscribeMarketData(spx);
    const requests = () => tws.received.filter((f) => f[0] === '1').length;
    const tick = async () => {
      clock.advance(250);
      await new Promise((r) => setTimeout(r, 30));
    };
    await expect.poll(async () => (await tick(), quotes.length)).toBeGreaterThan(0);
    return { tws, broker, quotes, requests, tick };
  }

  it('asks for every line again after 1101 (TWS lost the subscriptions), and ticks resume', async () => {
    const { tws, quotes, requests, tick } = await subscribed();
    const before = requests();
    tws.sendError(-1, 1101, 'Connectivity between IB and TWS has been restored- data lost.');
    await expect.poll(() => requests()).toBe(before + 1);
    const seen = quotes.length;
    await expect.poll(async () => (await tick(), quotes.length)).toBeGreaterThan(seen);
    expect(tws.protocolErrors).toEqual([]);
  });

  it('brings subscriptions back after a dropped socket, with a fresh session', async () => {
    const { tws, broker, quotes, requests, tick } = await subscribed();
    const before = requests();
    tws.dropConnections();
    await expect.poll(() => broker.connectionState().status).not.toBe('connected');
    await expect.poll(() => broker.connectionState().status, { timeout: 5_000 }).toBe('connected');
    await expect.poll(() => requests()).toBeGreaterThan(before);
    const seen = quotes.length;
    await expect.poll(async () => (await tick(), quotes.length)).toBeGreaterThan(seen);
  });

  it('falls back to delayed data only where live is not available, and flags it', async () => {
    const { quotes } = await subscribed(true);
    expect(quotes.at(-1)!.delayed).toBe(true);
  });
});
