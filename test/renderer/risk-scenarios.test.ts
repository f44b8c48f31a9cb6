import { describe, expect, it } from 'vitest';
import {
  PREFERRED_MOVES,
  baseRowIndex,
  pnlCurve,
  scenarioTable,
  selectScenarioColumns,
} from '../../src/renderer/src/features/risk/scenarios';
import { MOVES, grid, scenarioPnl } from './risk-fixtures';

describe('scenario columns', () => {
  it('shows the preferred moves of a wide grid, ascending', () => {
    const cols = selectScenarioColumns(MOVES);
    expect(cols.map((i) => MOVES[i])).toEqual([...PREFERRED_MOVES]);
  });

  it('shows every move of a small grid, sorted', () => {
    const moves = [5, -5, 0, 1, -1];
    expect(selectScenarioColumns(moves).map((i) => moves[i])).toEqual([-5, -1, 0, 1, 5]);
  });

  it('shows a wide grid whole when it shares too few of the preferred moves', () => {
    const moves = Array.from({ length: 15 }, (_, i) => -7 + i * 1.1);
    expect(selectScenarioColumns(moves)).toHaveLength(15);
  });
});

describe('scenario table', () => {
  it('marks the no-vol-shift row and colours losses', () => {
    const view = scenarioTable(grid());
    expect(view.columns.map((c) => c.label)).toEqual([
      '\u221220%',
      '\u221210%',
      '\u22125%',
      '\u22122%',
      '\u22121%',
      '0%',
      '+1%',
      '+2%',
      '+5%',
      '+10%',
      '+20%',
    ]);
    expect(view.columns.filter((c) => c.isZero)).toHaveLength(1);
    expect(view.rows.map((r) => r.label)).toEqual([
      '\u221210 vol',
      '\u22125 vol',
      '0 vol',
      '+5 vol',
      '+10 vol',
    ]);
    const base = view.rows.find((r) => r.isBase);
    expect(base?.label).toBe('0 vol');
    // +20% with no vol shift: a big loss for this short-gamma book.
    const last = base?.cells.at(-1);
    expect(last?.cls).toBe('neg');
    expect(last?.text).toBe('\u2212569k');
    expect(last?.title).toContain('\u2212569,200');
    // Unchanged market, no vol shift: no P&L.
    expect(base?.cells[5]?.cls).toBe('');
  });

  it('takes the smallest vol shift as the base when there is no zero', () => {
    expect(baseRowIndex([-4, -2, 3, 6])).toBe(1);
    expect(baseRowIndex([])).toBe(-1);
  });
});

describe('P&L curve', () => {
  it('resamples onto a regular step that passes through every grid point', () => {
    const { now, decay } = pnlCurve(grid());
    const xs = now.map((p) => p.time);
    expect(xs[0]).toBe(-20);
    expect(xs.at(-1)).toBe(20);
    // Smallest gap in the grid is 0.5 points: 81 evenly spaced points.
    expect(now).toHaveLength(81);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeCloseTo(0.5);
    for (const m of MOVES) {
      const p = now.find((q) => Math.abs(q.time - m) < 1e-9);
      expect(p?.value).toBeCloseTo(scenarioPnl(m, 0));
    }
    expect(decay).toHaveLength(81);
    expect(decay.find((p) => p.time === 0)?.value).toBeCloseTo(4_200);
  });

  it('interpolates between grid points and sorts unordered moves', () => {
    const g = grid({ moves: [10, -10, 0], volShifts: [0] });
    const { now } = pnlCurve(g);
    expect(now.map((p) => p.time)).toEqual([-10, 0, 10]);
    const fine = pnlCurve(grid({ moves: [-2, 0, 1], volShifts: [0] })).now;
    expect(fine.map((p) => p.time)).toEqual([-2, -1, 0, 1]);
    expect(fine[1]?.value).toBeCloseTo((scenarioPnl(-2, 0) + scenarioPnl(0, 0)) / 2);
  });

  it('is empty without a grid', () => {
    expect(pnlCurve(null)).toEqual({ now: [], decay: [] });
  });
});
