/**
 * The scenario grid as the panel shows it (pure): which benchmark moves become columns, the rows
 * by vol shift, and the P&L curve's points for the chart.
 */
import type { ScenarioGrid } from '@shared/domain/risk';
import { fmtCompact, fmtPnl, fmtSigned, pnlClass } from '../../format/numbers';

/** Benchmark moves (percent) a trader reads first; the rest of a wide grid is left out. */
export const PREFERRED_MOVES: readonly number[] = [-20, -10, -5, -2, -1, 0, 1, 2, 5, 10, 20];
/** Grids with at most this many moves are shown whole. */
export const MAX_COLUMNS = PREFERRED_MOVES.length;

const EPS = 1e-9;

/**
 * Indices of the moves to show as columns, ascending by move: every move of a small grid, else
 * the preferred moves the grid has. A grid sharing too few of them is shown whole (it scrolls).
 */
export function selectScenarioColumns(
  moves: readonly number[],
  preferred: readonly number[] = PREFERRED_MOVES,
): number[] {
  const all = moves.map((_, i) => i).sort((a, b) => (moves[a] ?? 0) - (moves[b] ?? 0));
  if (moves.length <= MAX_COLUMNS) return all;
  const picked = all.filter((i) => preferred.some((p) => Math.abs((moves[i] ?? NaN) - p) < EPS));
  return picked.length >= 5 ? picked : all;
}

/** The row revalued with no vol shift (or the smallest shift the grid has). */
export function baseRowIndex(volShifts: readonly number[]): number {
  let best = -1;
  volShifts.forEach((v, i) => {
    if (best === -1 || Math.abs(v) < Math.abs(volShifts[best] ?? Infinity)) best = i;
  });
  return best;
}

/** "−20%", "0%", "+5%" */
export const fmtMove = (m: number): string => `${fmtSigned(m, Number.isInteger(m) ? 0 : 1)}%`;
/** "−10 vol", "0 vol", "+5 vol" */
export const fmtVolShift = (v: number): string =>
  `${fmtSigned(v, Number.isInteger(v) ? 0 : 1)} vol`;

export interface ScenarioCell {
  key: string;
  text: string;
  /** Full figure for the tooltip. */
  title: string;
  cls: string;
}

export interface ScenarioRow {
  key: string;
  label: string;
  isBase: boolean;
  cells: ScenarioCell[];
}

export interface ScenarioTableView {
  columns: Array<{ key: string; label: string; isZero: boolean }>;
  rows: ScenarioRow[];
}

export function scenarioTable(grid: ScenarioGrid): ScenarioTableView {
  const cols = selectScenarioColumns(grid.moves);
  const base = baseRowIndex(grid.volShifts);
  return {
    columns: cols.map((i) => {
      const m = grid.moves[i] ?? 0;
      return { key: String(i), label: fmtMove(m), isZero: Math.abs(m) < EPS };
    }),
    rows: grid.volShifts.map((v, r) => ({
      key: String(r),
      label: fmtVolShift(v),
      isBase: r === base,
      cells: cols.map((i) => {
        const pnl = grid.pnl[r]?.[i] ?? null;
        const move = fmtMove(grid.moves[i] ?? 0);
        return {
          key: String(i),
          text: fmtCompact(pnl),
          title: `Benchmark ${move}, vol ${fmtSigned(v, 1)} pt: P&L ${fmtPnl(pnl)} $`,
          cls: pnlClass(pnl),
        };
      }),
    })),
  };
}

export interface CurvePoint {
  /** Benchmark move, percent (the chart's horizontal value). */
  time: number;
  /** P&L, $. */
  value: number;
}

/** The horizontal scale places points evenly: resample on a regular step so moves keep scale. */
const MAX_CURVE_POINTS = 401;

function resample(xs: readonly number[], ys: readonly number[]): CurvePoint[] {
  const pts = xs
    .map((x, i) => ({ x, y: ys[i] }))
    .filter((p): p is { x: number; y: number } => p.y !== undefined && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x)
    .filter((p, i, arr) => i === 0 || p.x - (arr[i - 1]?.x ?? -Infinity) > EPS);
  const first = pts[0];
  const last = pts.at(-1);
  if (!first || !last || pts.length < 2) return pts.map((p) => ({ time: p.x, value: p.y }));
  const span = last.x - first.x;
  let step = Infinity;
  for (let i = 1; i < pts.length; i++) step = Math.min(step, pts[i]!.x - pts[i - 1]!.x);
  step = Math.max(step, span / (MAX_CURVE_POINTS - 1));
  const n = Math.round(span / step);
  const out: CurvePoint[] = [];
  let j = 0;
  for (let k = 0; k <= n; k++) {
    const x = k === n ? last.x : Math.round((first.x + k * step) * 1e6) / 1e6;
    while (j < pts.length - 2 && pts[j + 1]!.x < x) j++;
    const a = pts[j]!;
    const b = pts[j + 1]!;
    const t = b.x === a.x ? 0 : (x - a.x) / (b.x - a.x);
    out.push({ time: x, value: a.y + (b.y - a.y) * Math.min(1, Math.max(0, t)) });
  }
  return out;
}

export interface PnlCurve {
  /** Revalued now, no vol shift. */
  now: CurvePoint[];
  /** No vol shift, after one calendar day of decay. */
  decay: CurvePoint[];
}

export const EMPTY_CURVE: PnlCurve = { now: [], decay: [] };

export function pnlCurve(grid: ScenarioGrid | null): PnlCurve {
  if (!grid) return EMPTY_CURVE;
  const base = baseRowIndex(grid.volShifts);
  const row = base === -1 ? [] : (grid.pnl[base] ?? []);
  return { now: resample(grid.moves, row), decay: resample(grid.moves, grid.decay1d) };
}

/** How the grid maps the benchmark move onto each underlying. */
export function modeLabel(mode: ScenarioGrid['mode']): string {
  return mode === 'beta' ? 'β-mapped' : 'uniform';
}
