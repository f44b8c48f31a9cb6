/**
 * Pricing layer throughput: European price + Greeks against the npm peer @uqee/black-scholes
 * (double precision) on the same inputs, European implied vol over the QuantLib fixture set,
 * American price, Greeks and implied vol. Each European measure alternates ours and the peer's
 * passes in one run and reports medians, so background load hits both alike.
 * Targets (issue 3): ≥ 12M price+Greeks/s and ≥ 1.25× the peer; ≥ 3M IV solves/s, 0 failures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlackScholes } from '@uqee/black-scholes';
import { test } from 'vitest';
import { americanGreeks, americanPrice } from '../src/main/risk/pricing/american';
import {
  bsGreeks,
  bsGreeksInto,
  bsmInputs,
  black76Inputs,
  newBsResult,
  type BsInputs,
} from '../src/main/risk/pricing/black-scholes';
import { americanImpliedVol, europeanImpliedVol } from '../src/main/risk/pricing/implied-vol';
import { record } from './metric';

const N = 4096;
const ROUNDS = 200;

/** Same seeded inputs for both libraries: no dividends (the peer has none), calls and puts. */
function europeanCases(): { ours: BsInputs[]; peer: Parameters<BlackScholes['option']>[0][] } {
  let seed = 42;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const ours: BsInputs[] = [];
  const peer: Parameters<BlackScholes['option']>[0][] = [];
  for (let i = 0; i < N; i++) {
    const strike = 100 / (0.7 + 0.6 * rnd());
    const time = 1 / 365 + 2 * rnd();
    const rate = 0.06 * rnd();
    const sigma = 0.05 + 1.45 * rnd();
    const call = i % 2 === 0;
    ours.push(bsmInputs(call ? 'C' : 'P', 100, strike, time, rate, 0, sigma));
    peer.push({ rate, sigma, strike, time, type: call ? 'call' : 'put', underlying: 100 });
  }
  return { ours, peer };
}

/** Median over rounds of per-second rates; `passes` run in turn within each round. */
function alternate(passes: (() => number)[], perPass: number): { rates: number[][]; sink: number } {
  const rates: number[][] = passes.map(() => []);
  let sink = 0;
  for (let w = 0; w < 200; w++) for (const pass of passes) sink += pass();
  for (let round = 0; round < ROUNDS; round++) {
    passes.forEach((pass, i) => {
      const t0 = performance.now();
      sink += pass();
      rates[i]!.push(perPass / ((performance.now() - t0) / 1000));
    });
  }
  return { rates, sink };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const millions = (x: number) => Math.round(x / 1e4) / 100;

// Hot loops call through local bindings, as a caller of a hot loop should: vitest's module
// runner turns each use of an import into a getter call, which costs ~10% here.
const greeksInto = bsGreeksInto;
const greeks = bsGreeks;
const europeanIv = europeanImpliedVol;

test('European price + Greeks: ours vs @uqee/black-scholes', (ctx) => {
  const { ours, peer } = europeanCases();
  const lib = new BlackScholes({ sigmaToPricePrecision: 'double' });
  const out = newBsResult();
  let maxPriceDiff = 0;
  for (let i = 0; i < N; i++) {
    maxPriceDiff = Math.max(
      maxPriceDiff,
      Math.abs(bsGreeks(ours[i]!).price - lib.option(peer[i]!).price),
    );
  }
  const oursPass = () => {
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const g = greeksInto(out, ours[i]!);
      sum += g.price + g.delta + g.gamma + g.vega + g.theta;
    }
    return sum;
  };
  const peerPass = () => {
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const g = lib.option(peer[i]!);
      sum += g.price + g.delta + g.gamma + g.vega + g.theta;
    }
    return sum;
  };
  const allocatingPass = () => {
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const g = greeks(ours[i]!);
      sum += g.price + g.delta + g.gamma + g.vega + g.theta;
    }
    return sum;
  };
  const { rates, sink } = alternate([oursPass, peerPass, allocatingPass], N);
  const ratios = rates[0]!.map((r, i) => r / rates[1]![i]!);
  const detail = { inputs: N, rounds: ROUNDS, checksum: Number.isFinite(sink) };
  record(ctx, {
    metric: 'pricing.european.greeks_per_s',
    value: millions(median(rates[0]!)),
    unit: 'M/s',
    api: 'bsGreeksInto',
    target: 12,
    ...detail,
  });
  record(ctx, {
    metric: 'pricing.european.peer_greeks_per_s',
    value: millions(median(rates[1]!)),
    unit: 'M/s',
    peer: '@uqee/black-scholes double',
    max_price_diff: maxPriceDiff,
    ...detail,
  });
  record(ctx, {
    metric: 'pricing.european.speedup_vs_peer',
    value: Math.round(median(ratios) * 1000) / 1000,
    unit: 'x',
    target: 1.25,
    ...detail,
  });
  record(ctx, {
    metric: 'pricing.european.greeks_allocating_per_s',
    value: millions(median(rates[2]!)),
    unit: 'M/s',
    api: 'bsGreeks',
    ...detail,
  });
});

test('European implied vol over the QuantLib fixture set', (ctx) => {
  const path = join(import.meta.dirname, '..', 'test', 'fixtures', 'quantlib', 'implied-vol.json');
  const rows = (JSON.parse(readFileSync(path, 'utf8')) as { rows: (string | number)[][] }).rows;
  const cases = rows.map((row) => {
    const [model, right, spot, strike, t, rate, div, vol, price] = row as [
      string,
      'C' | 'P',
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const p =
      model === 'bsm'
        ? bsmInputs(right, spot, strike, t, rate, div, vol)
        : black76Inputs(right, spot, strike, t, rate, vol);
    return { p, price, vol };
  });
  let failures = 0;
  for (const c of cases) {
    const r = europeanImpliedVol(c.price, c.p);
    if (!r.ok || Math.abs(r.vol - c.vol) > 1e-8) failures++;
  }
  const pass = () => {
    let sum = 0;
    for (const c of cases) {
      const r = europeanIv(c.price, c.p);
      sum += r.ok ? r.vol : 1;
    }
    return sum;
  };
  const { rates } = alternate([pass], cases.length);
  record(ctx, {
    metric: 'pricing.iv.european_solves_per_s',
    value: millions(median(rates[0]!)),
    unit: 'M/s',
    target: 3,
    cases: cases.length,
  });
  record(ctx, {
    metric: 'pricing.iv.european_failures',
    value: failures,
    unit: 'count',
    cases: cases.length,
    target: 0,
  });
});

test('American price, Greeks and implied vol', (ctx) => {
  const cases: BsInputs[] = [];
  for (const right of ['C', 'P'] as const) {
    for (const m of [0.85, 1, 1.15]) {
      for (const t of [7 / 365, 30 / 365, 0.25, 1]) {
        for (const vol of [0.2, 0.5]) {
          cases.push(bsmInputs(right, 100 * m, 100, t, 0.05, 0.02, vol));
          cases.push(black76Inputs(right, 100 * m, 100, t, 0.05, vol));
        }
      }
    }
  }
  const timed = (fn: () => void, count: number) => {
    for (let w = 0; w < 3; w++) fn();
    const rates: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      fn();
      rates.push(count / ((performance.now() - t0) / 1000));
    }
    return median(rates);
  };
  let sink = 0;
  const prices = cases.map((p) => americanPrice(p));
  const priceRate = timed(() => cases.forEach((p) => (sink += americanPrice(p))), cases.length);
  const greeksRate = timed(
    () => cases.forEach((p) => (sink += americanGreeks(p).delta)),
    cases.length,
  );
  // In the exercise region the price is the exercise value for a range of vols: the solver
  // answers NO_TIME_VALUE there, by design. Anything else is a failure.
  let exerciseRegion = 0;
  let failures = 0;
  cases.forEach((p, i) => {
    const r = americanImpliedVol(prices[i]!, p);
    if (!r.ok && r.code === 'NO_TIME_VALUE') exerciseRegion++;
    else if (!r.ok || Math.abs(r.vol - p.vol) > 1e-8) failures++;
  });
  const ivRate = timed(() => {
    cases.forEach((p, i) => {
      const r = americanImpliedVol(prices[i]!, p);
      sink += r.ok ? r.vol : 1;
    });
  }, cases.length);
  const detail = {
    cases: cases.length,
    engine: 'integral equation (ALO), default scheme',
    checksum: Number.isFinite(sink),
  };
  record(ctx, {
    metric: 'pricing.american.prices_per_s',
    value: Math.round(priceRate),
    unit: '1/s',
    ...detail,
  });
  record(ctx, {
    metric: 'pricing.american.greeks_per_s',
    value: Math.round(greeksRate),
    unit: '1/s',
    ...detail,
  });
  record(ctx, {
    metric: 'pricing.iv.american_solves_per_s',
    value: Math.round(ivRate),
    unit: '1/s',
    failures,
    no_time_value: exerciseRegion,
    ...detail,
  });
});
