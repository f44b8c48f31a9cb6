/**
 * Fixtures for the order-review benchmark: the SPX iron condor ticket, latency percentiles,
 * and Bulwark's IBKR adapter talking to the fake TWS by real TCP on a chosen book and line
 * budget.
 */
import type { OrderTicket } from '@shared/domain/order-ticket';
import { isThirdFriday } from '@shared/domain/settlement';
import { newYorkDate } from '@shared/domain/time';
import type { IbkrBroker } from '../src/main/broker/ibkr/ibkr-broker';
import type { BrokerPort } from '../src/main/broker/port';
import type { SimBroker } from '../src/main/broker/sim';
import type { BookChoice } from '../src/main/broker/sim/books';
import { DEFAULT_STALE_AFTER, type CoreConfig } from '../src/main/config';
import { Core } from '../src/main/core';
import type { HeavyRunner } from '../src/main/risk/worker/heavy-runner';
import type { Clock } from '../src/main/util/clock';
import { silentLogger } from '../src/main/util/logger';
import { timingsMs } from './metric';
import { condorTicket as condorOf } from '../test/fakes/condor-ticket';
import type { FakeClock } from '../test/fakes/fake-clock';
import { adapterOnSim, closeAdapters } from '../test/integration/tws/adapter-harness';

/** Friday 2026-11-20 11:00 New York, regular hours (the risk benchmark's instant). */
export const START = Date.parse('2026-11-20T11:00:00-05:00');

/** The core as the app runs it (no contract validation of outputs), on a given broker. */
export function coreConfig(largeBook: number | null): CoreConfig {
  return {
    runtime: 'headless',
    broker: { kind: 'sim', seed: 42, speed: 1, startTime: START, largeBook },
    staleAfter: DEFAULT_STALE_AFTER,
    validateContract: false,
    riskMatrix: null,
    dataDir: null,
  };
}

export function newCore(
  clock: Clock,
  largeBook: number | null,
  broker?: BrokerPort,
  riskRunner?: HeavyRunner,
): Core {
  return new Core(coreConfig(largeBook), {
    clock,
    log: silentLogger,
    ...(broker ? { broker: { port: broker, sim: null } } : {}),
    ...(riskRunner ? { riskRunner } : {}),
  });
}

export interface Condor {
  keys: [string, string, string, string];
  expiry: string;
  strikes: number[];
}

/**
 * A monthly SPX iron condor, the first third-Friday expiry at least three weeks out: long 0.90
 * put, short 0.95 put, short 1.05 call, long 1.10 call (strikes nearest spot × moneyness).
 */
export async function spxCondor(broker: BrokerPort, spot: number, now: number): Promise<Condor> {
  const chains = await broker.optionChain('SPX');
  const soon = newYorkDate(now + 21 * 86_400_000);
  const expiry = chains
    .flatMap((c) => c.expirations)
    .filter((e) => e >= soon && isThirdFriday(e))
    .sort()[0];
  const chain = chains.find((c) => expiry !== undefined && c.expirations.includes(expiry));
  if (!expiry || !chain) throw new Error('no monthly SPX expiry three weeks out');
  const near = (m: number) =>
    chain.strikes.reduce((a, k) => (Math.abs(k - spot * m) < Math.abs(a - spot * m) ? k : a));
  const strikes = [near(0.9), near(0.95), near(1.05), near(1.1)];
  const [lp, sp, sc, lc] = strikes as [number, number, number, number];
  const key = (right: 'P' | 'C', k: number) => `OPT:SPX:${expiry}:${right}:${k}`;
  return { keys: [key('P', lp), key('P', sp), key('C', sc), key('C', lc)], expiry, strikes };
}

/** The condor's ticket at a limit (the legs by key, IB's combo convention). */
export function condorTicket(c: Condor, limitPrice: number): OrderTicket {
  return condorOf(c.keys, limitPrice);
}

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  runs: number;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Nearest-rank percentiles of timings in ms. */
export function latency(times: readonly number[]): Latency {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  return {
    p50: round(at(50)),
    p99: round(at(99)),
    max: round(s[s.length - 1]!),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    runs: s.length,
  };
}

/** Timings of `runs` awaited calls of `fn` in ms, after `warmup` untimed ones. */
export async function timeAsync(
  fn: () => Promise<unknown>,
  runs: number,
  warmup: number,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Timings of `runs` synchronous calls in ms, after `warmup` untimed ones. */
export const timeSync = timingsMs;

export interface TwsRig {
  /** The simulator's clock, behind the fake TWS: the market steps when it advances. */
  simClock: FakeClock;
  sim: SimBroker;
  broker: IbkrBroker;
  /** Steps the market every `stepMs` of wall time, as a live feed would. */
  stream(stepMs?: number): () => void;
  close(): Promise<void>;
}

/**
 * The simulator (on its own FakeClock) behind the fake TWS on a loopback port, and Bulwark's
 * IBKR adapter connected to it (test/integration/tws/adapter-harness.ts, on a chosen book and
 * line budget).
 */
export async function twsRig(
  book: BookChoice,
  maxMarketDataLines: number,
  brokerClock: Clock,
): Promise<TwsRig> {
  const a = await adapterOnSim({}, { maxMarketDataLines }, brokerClock, { book, startTime: START });
  return {
    simClock: a.clock,
    sim: a.sim,
    broker: a.broker,
    stream: (stepMs = 250) => {
      const t = setInterval(() => a.clock.advance(stepMs), stepMs);
      return () => clearInterval(t);
    },
    close: closeAdapters,
  };
}
