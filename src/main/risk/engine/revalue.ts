/**
 * Full revaluation of single positions under a move of their underlying, a vol shift and a
 * step in time. P&L is model value after minus model value now (computed here, with the same
 * pricer), so the zero scenario is exactly 0 whatever the gap between mark and model. Used by the
 * scenario grid and Monte Carlo, in the worker thread.
 *
 * American options: the exact model runs at every `AMERICAN_STRIDE`-th point of an evenly spaced
 * run of returns (and the last); the European value is exact everywhere and the early-exercise
 * premium (American − European, a smooth function of spot) is interpolated between. Tests bound
 * the difference to full evaluation at every point.
 */
import * as blackScholes from '../pricing/black-scholes';
import { spotPricer } from './model-pricer';
import type { OptionSpec } from './pricer';
import type { ResolvedPosition } from './resolve';

/** Vol never goes below this in a scenario (a −10 pt shift on a 8% vol). */
export const MIN_SCENARIO_VOL = 0.01;
const DAY = 1 / 365;
export const AMERICAN_STRIDE = 2;

// Local bindings for the hot loops (see docs/pricing.md: module runners wrap each import use
// in a getter, which keeps V8 from inlining).
const bsPriceAt = blackScholes.bsPriceAt;

export interface Revaluable {
  id: string;
  underlying: string;
  beta: number;
  /** multiplier × quantity. */
  units: number;
  spot: number;
  /** Options only: model inputs and vol. */
  spec: OptionSpec | null;
  vol: number;
}

/** Positions that can be revalued; the rest (no price, no vol) are reported as excluded. */
export function revaluables(resolved: readonly ResolvedPosition[]): {
  items: Revaluable[];
  excluded: string[];
} {
  const items: Revaluable[] = [];
  const excluded: string[] = [];
  for (const r of resolved) {
    const p = r.pos;
    const spot = p.underlyingPrice;
    const base = {
      id: p.id,
      underlying: p.underlying,
      beta: r.beta,
      units: p.multiplier * p.quantity,
    };
    if (spot === null || !(spot > 0)) excluded.push(p.id);
    else if (!p.option) items.push({ ...base, spot, spec: null, vol: 0 });
    else if (!r.spec || r.vol === null || !(r.vol > 0)) excluded.push(p.id);
    else items.push({ ...base, spot, spec: { ...r.spec }, vol: r.vol });
  }
  return { items, excluded };
}

/** Model value per share now: the base every scenario P&L is measured from. */
export function baseValue(it: Revaluable): number {
  return it.spec === null ? it.spot : spotPricer(it.spec, it.vol)(it.spot);
}

/**
 * Adds one position's P&L to `out[i]` for each underlying return `rets[i]` (fraction), at one
 * vol shift `dVol` (0.05 = 5 vol points) and after `days` of decay. `base` is baseValue(it).
 * Pass `evenlySpaced` when rets is an arithmetic run (grid rows, Monte Carlo nodes) so American
 * options can interpolate their early-exercise premium.
 */
export function addPnlAcross(
  it: Revaluable,
  base: number,
  rets: ArrayLike<number>,
  dVol: number,
  days: number,
  out: Float64Array,
  evenlySpaced = false,
): void {
  const spec = it.spec;
  const n = rets.length;
  const spotAt = (i: number) => it.spot * Math.max(1 + rets[i]!, 1e-6);
  if (spec === null) {
    for (let i = 0; i < n; i++) out[i]! += it.units * (spotAt(i) - it.spot);
    return;
  }
  const vol = Math.max(it.vol + dVol, MIN_SCENARIO_VOL);
  const shifted = { ...spec, t: spec.t - days * DAY };
  const price = spotPricer(shifted, vol);
  if (spec.model !== 'american' || !evenlySpaced || n < 2 * AMERICAN_STRIDE) {
    for (let i = 0; i < n; i++) out[i]! += it.units * (price(spotAt(i)) - base);
    return;
  }
  const call = spec.right === 'C';
  const euro = (s: number) =>
    bsPriceAt(call, s, shifted.strike, shifted.t, shifted.rate, shifted.carry, vol);
  const knots: number[] = [];
  for (let i = 0; i < n; i += AMERICAN_STRIDE) knots.push(i);
  if (knots.at(-1) !== n - 1) knots.push(n - 1);
  const premium = knots.map((i) => price(spotAt(i)) - euro(spotAt(i)));
  for (let i = 0; i < n; i++) {
    const s = spotAt(i);
    out[i]! += it.units * (euro(s) + interpolateKnots(knots, premium, i) - base);
  }
}

/** Catmull–Rom through (knots[j], values[j]) at integer position x; exact at the knots. */
function interpolateKnots(knots: readonly number[], values: readonly number[], x: number): number {
  let j = 0;
  while (j < knots.length - 2 && knots[j + 1]! <= x) j++;
  const x1 = knots[j]!;
  const x2 = knots[j + 1]!;
  const y1 = values[j]!;
  const y2 = values[j + 1]!;
  if (x === x1) return y1;
  if (x === x2) return y2;
  const t = (x - x1) / (x2 - x1);
  // Tangents by finite differences over neighbouring knots (one-sided at the ends).
  const m1 = j > 0 ? ((y2 - values[j - 1]!) / (x2 - knots[j - 1]!)) * (x2 - x1) : y2 - y1;
  const m2 =
    j + 2 < knots.length ? ((values[j + 2]! - y1) / (knots[j + 2]! - x1)) * (x2 - x1) : y2 - y1;
  const t2 = t * t;
  const t3 = t2 * t;
  return (
    (2 * t3 - 3 * t2 + 1) * y1 + (t3 - 2 * t2 + t) * m1 + (-2 * t3 + 3 * t2) * y2 + (t3 - t2) * m2
  );
}
