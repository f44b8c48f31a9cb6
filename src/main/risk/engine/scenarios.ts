/**
 * Scenario P&L by full revaluation: benchmark moves × vol shifts (moves mapped to each
 * underlying by its beta, or applied uniformly), a +1 day decay line, and the standard shocks.
 */
import type { ScenarioGrid, StandardShock } from '@shared/domain/risk';
import { addPnlAcross, baseValue, type Revaluable } from './revalue';

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
  mode: 'beta' | 'uniform' = 'beta',
): ScenarioGrid {
  const moves = spec.movesPct;
  const vols = spec.volShiftsPts;
  const nm = moves.length;
  const rows = vols.map(() => new Float64Array(nm));
  const decay = new Float64Array(nm);
  const rets = new Float64Array(nm);
  for (const it of items) {
    const beta = mode === 'beta' ? it.beta : 1;
    const base = baseValue(it);
    for (let m = 0; m < nm; m++) rets[m] = (beta * moves[m]!) / 100;
    for (let v = 0; v < vols.length; v++) {
      addPnlAcross(it, base, rets, vols[v]! / 100, 0, rows[v]!, true);
    }
    addPnlAcross(it, base, rets, 0, 1, decay, true);
  }
  return {
    moves: [...moves],
    volShifts: [...vols],
    pnl: rows.map((r) => Array.from(r)),
    decay1d: Array.from(decay),
    mode,
  };
}

/** The standard shocks, beta-mapped from the benchmark and with every underlying moving alike. */
export function standardShocks(items: readonly Revaluable[]): StandardShock[] {
  const n = STANDARD_SHOCKS.length;
  const betaMapped = new Float64Array(n);
  const uniform = new Float64Array(n);
  const uniformRets = STANDARD_SHOCKS.map((s) => s.move / 100);
  for (const it of items) {
    const base = baseValue(it);
    addPnlAcross(
      it,
      base,
      uniformRets.map((r) => it.beta * r),
      0,
      0,
      betaMapped,
    );
    addPnlAcross(it, base, uniformRets, 0, 0, uniform);
  }
  return STANDARD_SHOCKS.map(({ label, move }, i) => ({
    label,
    move,
    betaMapped: betaMapped[i]!,
    uniform: uniform[i]!,
  }));
}
