/**
 * Bulwark's IBKR adapter connected to the fake TWS that serves a simulator on a FakeClock:
 * the socket I/O is real, the market steps when the test advances the clock.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type { OrderRequest } from '@shared/domain/orders';
import { IbkrBroker, type IbkrBrokerOptions } from '../../../src/main/broker/ibkr/ibkr-broker';
import { SimBroker } from '../../../src/main/broker/sim';
import type { BookChoice } from '../../../src/main/broker/sim/books';
import { systemClock, type Clock } from '../../../src/main/util/clock';
import { silentLogger } from '../../../src/main/util/logger';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeTws } from '../../fake-tws/server';
import { attachSimulator, type SimBridgeOptions } from '../../fake-tws/sim-bridge';
import { START } from './sim-harness';

const open: Array<() => Promise<void> | void> = [];

/**
 * `simOptions`: the simulator's book and start (default the demo book at START).
 * `brokerClock`: the adapter's own time (deadlines, liveness, backoff). The system clock by
 * default; a FakeClock lets a test step past a deadline — it is stepped in 50 ms moves while
 * the adapter starts, then only by the test.
 */
export async function adapterOnSim(
  bridgeOptions: SimBridgeOptions = {},
  brokerOptions: Partial<IbkrBrokerOptions> = {},
  brokerClock: Clock = systemClock,
  simOptions: { book?: BookChoice; startTime?: number } = {},
) {
  const startTime = simOptions.startTime ?? START;
  const clock = new FakeClock(startTime);
  const sim = new SimBroker({
    seed: 42,
    clock,
    startTime,
    ...(simOptions.book ? { book: simOptions.book } : {}),
  });
  await sim.start();
  const tws = new FakeTws({ now: () => clock.now() });
  const bridge = attachSimulator(tws, sim, bridgeOptions);
  const port = await tws.listen();
  const broker = new IbkrBroker(
    {
      host: '127.0.0.1',
      port,
      clientId: 17,
      account: null,
      backoff: { initialMs: 100, maxMs: 400 },
      ...brokerOptions,
    },
    brokerClock,
    silentLogger,
  );
  open.push(
    () => sim.stop(),
    () => tws.close(),
    () => bridge.detach(),
    () => broker.stop(),
  );
  const pump =
    brokerClock instanceof FakeClock ? setInterval(() => brokerClock.advance(50), 5) : null;
  await broker.start().finally(() => pump && clearInterval(pump));
  /** One market step, then a moment for the socket. */
  const step = async (ms = 250) => {
    clock.advance(ms);
    await new Promise((r) => setTimeout(r, 30));
  };
  return { clock, sim, tws, bridge, broker, port, step };
}

export async function closeAdapters(): Promise<void> {
  for (const f of open.splice(0).reverse()) await f();
}

/** An SPX option of the simulator's chain near a moneyness, as TWS describes it (with conId). */
export async function spxOptionVia(
  a: Awaited<ReturnType<typeof adapterOnSim>>,
  expiry: string,
  right: 'C' | 'P',
  moneyness: number,
): Promise<Instrument> {
  const [chain] = await a.sim.optionChain('SPX');
  const target = a.sim.snapshot().prices.SPX! * moneyness;
  const strike = chain!.strikes.reduce((x, k) =>
    Math.abs(k - target) < Math.abs(x - target) ? k : x,
  );
  const [inst] = await a.broker.lookupContract({
    symbol: 'SPX',
    secType: 'OPT',
    expiry,
    strike,
    right,
  });
  if (!inst) throw new Error(`no SPX ${expiry} ${strike} ${right}`);
  return inst;
}

/** The simulator's current two-sided quotes for instruments (subscribing them there). */
export function simQuotes(
  a: Awaited<ReturnType<typeof adapterOnSim>>,
  insts: readonly Instrument[],
): Quote[] {
  for (const i of insts) a.sim.subscribeMarketData(i);
  a.clock.advance(250);
  return insts.map((i) => {
    const q = a.sim.lastQuote(i.key);
    if (!q || q.bid === null || q.ask === null) throw new Error(`no quote for ${i.key}`);
    return q;
  });
}

/** A SELL of one SPX 0.95-moneyness put of `expiry` at three times its ask: it rests. */
export async function restingSpxPut(
  a: Awaited<ReturnType<typeof adapterOnSim>>,
  expiry: string,
): Promise<OrderRequest> {
  const put = await spxOptionVia(a, expiry, 'P', 0.95);
  const [q] = simQuotes(a, [put]);
  return {
    action: 'SELL',
    quantity: 1,
    orderType: 'LMT',
    limitPrice: Math.max(0.05, Math.round(q!.ask! * 3 * 20) / 20),
    tif: 'DAY',
    legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
  };
}
