/**
 * Benchmarks record metrics on their test case; the json-lines reporter prints one JSON line per
 * metric on stdout. Benchmarks measure and report: they never fail on a number.
 */
import type { TestContext } from 'vitest';

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  [detail: string]: string | number | boolean;
}

declare module 'vitest' {
  interface TaskMeta {
    metrics?: Metric[];
  }
}

export function record(ctx: TestContext, metric: Metric): void {
  (ctx.task.meta.metrics ??= []).push(metric);
}

/** Timings of `runs` calls of `fn` in ms, after `warmup` untimed ones. */
export function timingsMs(fn: () => unknown, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Median of `runs` timings of `fn` in ms, after `warmup` untimed runs. */
export function medianMs(fn: () => void, runs = 15, warmup = 3): number {
  const times = timingsMs(fn, runs, warmup).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
