/** Shared set-up for the simulator tests: a sim on a FakeClock and an event recorder. */
import type { BrokerEvents } from '../../../src/main/broker/port';
import type { SimBrokerOptions } from '../../../src/main/broker/sim';
import { SimBroker } from '../../../src/main/broker/sim';
import type { Instrument } from '@shared/domain/instrument';
import type { OrderRequest } from '@shared/domain/orders';
import { FakeClock } from '../../fakes/fake-clock';

/** Friday 2026-11-20 15:00 New York: an SPX 0-DTE and a monthly expire at 16:00 today. */
export const FRIDAY_3PM = Date.parse('2026-11-20T15:00:00-05:00');

export interface Recorded {
  event: string;
  payload: unknown;
}

export function makeSim(opts: Partial<SimBrokerOptions> = {}): {
  sim: SimBroker;
  clock: FakeClock;
  log: Recorded[];
} {
  const clock = new FakeClock(opts.startTime ?? FRIDAY_3PM);
  const sim = new SimBroker({ seed: 42, clock, ...opts });
  const log: Recorded[] = [];
  for (const event of [
    'connection',
    'positions',
    'account',
    'orderStatus',
    'execution',
    'commission',
    'error',
  ] as const) {
    sim.events.on(event, (payload) => log.push({ event, payload }));
  }
  return { sim, clock, log };
}

export async function started(
  opts: Partial<SimBrokerOptions> = {},
): Promise<{ sim: SimBroker; clock: FakeClock; log: Recorded[] }> {
  const made = makeSim(opts);
  await made.sim.start();
  return made;
}

export function of<E extends keyof BrokerEvents>(log: Recorded[], event: E): BrokerEvents[E][] {
  return log.filter((r) => r.event === event).map((r) => r.payload as BrokerEvents[E]);
}

export async function optionOf(
  sim: SimBroker,
  symbol: string,
  expiry: string,
  right: 'C' | 'P',
  strike: number,
): Promise<Instrument> {
  const found = await sim.lookupContract({
    symbol,
    secType: symbol === 'ES' ? 'FOP' : 'OPT',
    expiry,
    right,
    strike,
  });
  if (found.length !== 1) throw new Error(`no single ${symbol} ${expiry} ${right} ${strike}`);
  return found[0]!;
}

/** The listed strike nearest to x. */
export async function strikeNear(sim: SimBroker, symbol: string, x: number): Promise<number> {
  const [chain] = await sim.optionChain(symbol);
  return chain!.strikes.reduce((best, k) => (Math.abs(k - x) < Math.abs(best - x) ? k : best));
}

export function limitOrder(
  instrument: Instrument,
  action: 'BUY' | 'SELL',
  quantity: number,
  limitPrice: number,
): OrderRequest {
  return {
    action,
    quantity,
    orderType: 'LMT',
    limitPrice,
    tif: 'DAY',
    legs: [{ instrument, action: 'BUY', ratio: 1 }],
  };
}
