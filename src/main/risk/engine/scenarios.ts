/**
 * Scenario P&L by full revaluation: benchmark moves × vol shifts (moves mapped to each
 * underlying by its beta, or applied uniformly), a +1 day decay line, and the standard shocks.
 */
import type { ScenarioGrid, StandardShock } from '@shared/domain/risk';
import type { OptionPricer } from './pricer';
import { newScratch, positionPnl, type Revaluable } from './revalue';

export interface ScenarioSpec {
  /** Benchmark moves in percent. */
  movesPct: readonly number[];
  /** Vol shifts in vol points. */
  volShiftsPts: readonly number[];
}

export function rangeSteps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  const n = Math.round((to - from) / step);
  for (let i = 0; i <= n; i++) out.push(Number((from + i * step).toFixed(10)));
  return out;
}

export const DEFAULT_SCENARIOS: ScenarioSpec = {
  movesPct: rangeSteps(-20, 20, 1),
  volShiftsPts: [-10, -5, 0, 5, 10],
};

export const STANDARD_SHOCKS: ReadonlyArray<{ label: string; move: number }> = [
  { label: '+1%', move: 1 },
  { label: '−1%', move: -1 },
  { label: '+2%', move: 2 },
  { label: '−2%', move: -2 },
  { label: '−5% crash', move: -5 },
];

export function scenarioGrid(
  items: readonly Revaluable[],
  spec: ScenarioSpec,
  pricer: OptionPricer,
  mode: 'beta' | 'uniform' = 'beta',
): ScenarioGrid {
  const moves = spec.movesPct;
  const vols = spec.volShiftsPts;
  const nm = moves.length;
  const acc = new Float64Array(vols.length * nm);
  const decay = new Float64Array(nm);
  const scratch = newScratch();
  for (const it of items) {
    const beta = mode === 'beta' ? it.beta : 1;
    for (let v = 0; v < vols.length; v++) {
      const dVol = vols[v]! / 100;
      const row = v * nm;
      for (let m = 0; m < nm; m++) {
        acc[row + m]! += positionPnl(it, (beta * moves[m]!) / 100, dVol, 0, pricer, scratch);
      }
    }
    for (let m = 0; m < nm; m++) {
      decay[m]! += positionPnl(it, (beta * moves[m]!) / 100, 0, 1, pricer, scratch);
    }
  }
  const pnl: number[][] = [];
  for (let v = 0; v < vols.length; v++) pnl.push(Array.from(acc.subarray(v * nm, (v + 1) * nm)));
  return { moves: [...moves], volShifts: [...vols], pnl, decay1d: Array.from(decay), mode };
}

/** The standard shocks, beta-mapped from the benchmark and with every underlying moving alike. */
export function standardShocks(
  items: readonly Revaluable[],
  pricer: OptionPricer,
): StandardShock[] {
  const scratch = newScratch();
  return STANDARD_SHOCKS.map(({ label, move }) => {
    let betaMapped = 0;
    let uniform = 0;
    for (const it of items) {
      betaMapped += positionPnl(it, (it.beta * move) / 100, 0, 0, pricer, scratch);
      uniform += positionPnl(it, move / 100, 0, 0, pricer, scratch);
    }
    return { label, move, betaMapped, uniform };
  });
}
