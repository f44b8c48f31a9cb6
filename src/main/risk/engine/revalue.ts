/**
 * Full revaluation of single positions under a move of their underlying, a vol shift and a
 * step in time. P&L is model value after minus model value now, so the zero scenario is
 * exactly 0 whatever the gap between mark and model. Used by the scenario grid and Monte Carlo.
 */
import type { OptionPricer, OptionSpec } from './pricer';
import type { ResolvedPosition } from './resolve';

/** Vol never goes below this in a scenario (a −10 pt shift on a 8% vol). */
export const MIN_SCENARIO_VOL = 0.01;
const DAY = 1 / 365;

export interface Revaluable {
  id: string;
  underlying: string;
  beta: number;
  /** multiplier × quantity. */
  units: number;
  spot: number;
  /** Options only: model inputs and vol; base is the model value per share now. */
  spec: OptionSpec | null;
  vol: number;
  base: number;
}

/** Positions that can be revalued; the rest (no price, no vol) are reported as excluded. */
export function revaluables(
  resolved: readonly ResolvedPosition[],
  pricer: OptionPricer,
): { items: Revaluable[]; excluded: string[] } {
  const items: Revaluable[] = [];
  const excluded: string[] = [];
  for (const r of resolved) {
    const p = r.pos;
    const spot = p.underlyingPrice;
    const units = p.multiplier * p.quantity;
    if (spot === null || !(spot > 0)) {
      excluded.push(p.id);
      continue;
    }
    if (!p.option) {
      items.push({
        id: p.id,
        underlying: p.underlying,
        beta: r.beta,
        units,
        spot,
        spec: null,
        vol: 0,
        base: spot,
      });
      continue;
    }
    if (!r.spec || r.vol === null || !(r.vol > 0)) {
      excluded.push(p.id);
      continue;
    }
    const spec = { ...r.spec };
    items.push({
      id: p.id,
      underlying: p.underlying,
      beta: r.beta,
      units,
      spot,
      spec,
      vol: r.vol,
      base: pricer.price(spec, r.vol),
    });
  }
  return { items, excluded };
}

/**
 * P&L of one position for an underlying return `ret` (fraction), vol shift `dVol` (fraction,
 * 0.05 = 5 vol points) and `days` of decay. Reuses `scratch` so hot loops do not allocate.
 */
export function positionPnl(
  it: Revaluable,
  ret: number,
  dVol: number,
  days: number,
  pricer: OptionPricer,
  scratch: OptionSpec,
): number {
  const spot = it.spot * Math.max(1 + ret, 1e-6);
  if (it.spec === null) return it.units * (spot - it.spot);
  scratch.model = it.spec.model;
  scratch.right = it.spec.right;
  scratch.strike = it.spec.strike;
  scratch.rate = it.spec.rate;
  scratch.carry = it.spec.carry;
  scratch.spot = spot;
  scratch.t = it.spec.t - days * DAY;
  const vol = Math.max(it.vol + dVol, MIN_SCENARIO_VOL);
  return it.units * (pricer.price(scratch, vol) - it.base);
}

export function newScratch(): OptionSpec {
  return { model: 'bsm', right: 'C', spot: 1, strike: 1, t: 0, rate: 0, carry: 0 };
}
