/**
 * Keeps the local American model off the main thread's critical path. An American implied vol
 * plus Greeks costs about a millisecond (several exercise-boundary solves), so in the live app:
 * - results are reused while the option's inputs stay within a small tolerance (spot 0.1%,
 *   mid 0.5%, vol 0.01 pt, time to expiry 5 minutes), and
 * - new solves stop once a frame has spent its budget; the rest answer DEFERRED, which the
 *   engine reports as "no Greeks yet" (lights grey, never green) until a later frame solves them.
 * European options are closed form and always computed directly.
 */
import type { IvOutcome, ModelGreeks, OptionPricer, OptionSpec } from '../engine/pricer';

export const FRAME_BUDGET_MS = 8;
const SPOT_TOLERANCE = 1e-3;
const PRICE_TOLERANCE = 5e-3;
const VOL_TOLERANCE = 1e-4;
const TIME_TOLERANCE_YEARS = 5 / (365 * 24 * 60);
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  spot: number;
  t: number;
  input: number;
  value: T;
}

function keyOf(spec: OptionSpec): string {
  return `${spec.right}|${spec.strike}|${spec.rate}|${spec.carry}|${Math.round(spec.t * 365)}`;
}

function close(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

export class BudgetedPricer implements OptionPricer {
  private spentMs = 0;
  private readonly ivs = new Map<string, Entry<IvOutcome>>();
  private readonly greekSets = new Map<string, Entry<ModelGreeks>>();

  constructor(
    private readonly inner: OptionPricer,
    private readonly budgetMs = FRAME_BUDGET_MS,
    private readonly elapsed: () => number = () => performance.now(),
  ) {}

  /** Starts a new frame's budget. */
  beginFrame(): void {
    this.spentMs = 0;
  }

  price(spec: OptionSpec, vol: number): number {
    return this.inner.price(spec, vol);
  }

  impliedVol(spec: OptionSpec, price: number): IvOutcome {
    if (spec.model !== 'american') return this.inner.impliedVol(spec, price);
    return this.cached(
      this.ivs,
      spec,
      price,
      PRICE_TOLERANCE,
      () => this.inner.impliedVol(spec, price),
      {
        ok: false,
        code: 'DEFERRED',
        message: 'queued: the American model is solved within a per-frame time budget',
      },
    );
  }

  greeks(spec: OptionSpec, vol: number): ModelGreeks {
    if (spec.model !== 'american') return this.inner.greeks(spec, vol);
    // Greeks are only asked for after a successful implied vol, so the budget check happened there.
    return this.cached(
      this.greekSets,
      spec,
      vol,
      VOL_TOLERANCE,
      () => this.inner.greeks(spec, vol),
      null,
    );
  }

  private cached<T>(
    map: Map<string, Entry<T>>,
    spec: OptionSpec,
    input: number,
    tolerance: number,
    compute: () => T,
    deferred: T | null,
  ): T {
    const key = keyOf(spec);
    const hit = map.get(key);
    if (
      hit &&
      close(hit.spot, spec.spot, SPOT_TOLERANCE) &&
      close(hit.input, input, tolerance) &&
      Math.abs(hit.t - spec.t) <= TIME_TOLERANCE_YEARS
    ) {
      return hit.value;
    }
    if (deferred !== null && this.spentMs >= this.budgetMs) return deferred;
    const t0 = this.elapsed();
    const value = compute();
    this.spentMs += this.elapsed() - t0;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { spot: spec.spot, t: spec.t, input, value });
    return value;
  }
}
