/** Wall time of one simulator step with every position subscribed (quotes, Greeks, account). */
import { test } from 'vitest';
import { SimBroker } from '../src/main/broker/sim';
import { FakeClock } from '../test/fakes/fake-clock';
import { record } from './metric';

const STEP_MS = 250;

async function msPerStep(book: 'demo' | { large: number }): Promise<{ mean: number; p95: number }> {
  const clock = new FakeClock();
  const sim = new SimBroker({ seed: 42, clock, book, stepMs: STEP_MS });
  await sim.start();
  for (const p of sim.positions()) sim.subscribeMarketData(p.instrument);
  clock.advance(STEP_MS * 20); // warm up
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const t0 = performance.now();
    clock.advance(STEP_MS);
    times.push(performance.now() - t0);
  }
  await sim.stop();
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return { mean, p95: times[Math.floor(times.length * 0.95)]! };
}

test('sim step, demo book', async (ctx) => {
  const r = await msPerStep('demo');
  record(ctx, {
    metric: 'sim.step.demo_book',
    value: round(r.mean),
    unit: 'ms',
    p95: round(r.p95),
  });
});

test('sim step, 2000 positions', async (ctx) => {
  const r = await msPerStep({ large: 2000 });
  record(ctx, {
    metric: 'sim.step.2000_positions',
    value: round(r.mean),
    unit: 'ms',
    p95: round(r.p95),
  });
});

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
