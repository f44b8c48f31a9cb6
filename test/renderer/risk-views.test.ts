import { describe, expect, it } from 'vitest';
import { fmtCompact, fmtUsd } from '../../src/renderer/src/format/numbers';
import { gaugeView, thetaVegaBands } from '../../src/renderer/src/features/risk/gauge';
import {
  COMPUTING,
  coverageView,
  totalsFigures,
  varView,
} from '../../src/renderer/src/features/risk/summary';
import { sortAlarms } from '../../src/renderer/src/features/risk/alarms';
import { THETA_VEGA_EXPLANATION, check, riskFrame } from './risk-fixtures';

const BANDS = { redBelow: 0.2, greenLow: 0.25, greenHigh: 0.4, redAbove: 0.5 };
const tvCheck = (over = {}) =>
  check({
    band: BANDS,
    code: 'THETA_VEGA_RATIO',
    name: 'Theta/vega ratio',
    unit: 'ratio',
    value: 0.29,
    limit: null,
    utilization: null,
    light: 'green',
    explanation: THETA_VEGA_EXPLANATION,
    ...over,
  });

describe('coverage', () => {
  it('says how many positions have Greeks and warns below 100%', () => {
    const c = coverageView(riskFrame().coverage);
    expect(c.text).toBe('28 of 30 positions with Greeks · 2 local');
    expect(c.warn).toBe(true);
  });

  it('is calm when every position has Greeks', () => {
    const c = coverageView({
      positions: 1,
      withGreeks: 1,
      broker: 1,
      local: 0,
      none: 0,
      percent: 100,
    });
    expect(c).toEqual({ text: '1 of 1 position with Greeks', warn: false });
  });

  it('says so for an empty book', () => {
    const c = coverageView({
      positions: 0,
      withGreeks: 0,
      broker: 0,
      local: 0,
      none: 0,
      percent: 100,
    });
    expect(c).toEqual({ text: 'No positions', warn: false });
  });
});

describe('theta/vega gauge', () => {
  it('takes the band edges from the check', () => {
    expect(thetaVegaBands(tvCheck())).toEqual(BANDS);
    const custom = tvCheck({
      band: { redBelow: 0.22, greenLow: 0.3, greenHigh: 0.45, redAbove: 0.6 },
    });
    expect(thetaVegaBands(custom)).toEqual({
      redBelow: 0.22,
      greenLow: 0.3,
      greenHigh: 0.45,
      redAbove: 0.6,
    });
  });

  it('draws no bands without a band from the frame or with edges out of order', () => {
    expect(thetaVegaBands(undefined)).toBeNull();
    const plain = gaugeView(0.29, undefined, false);
    expect(plain.segments).toEqual([]);
    expect(plain.band).toBeNull();
    const broken = tvCheck({
      band: { redBelow: 0.2, greenLow: 0.4, greenHigh: 0.25, redAbove: 0.5 },
    });
    expect(thetaVegaBands(broken)).toBeNull();
  });

  it('places the ratio on a 0–0.75 scale and names its band', () => {
    const g = gaugeView(0.29, tvCheck(), false);
    expect(g.scaleMax).toBeCloseTo(0.75);
    expect(g.position).toBeCloseTo((0.29 / 0.75) * 100);
    expect(g.band).toBe('green');
    expect(g.light).toBe('green');
    expect(g.segments.map((s) => s.tone)).toEqual(['red', 'yellow', 'green', 'yellow', 'red']);
    expect(g.segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(100);
    expect(gaugeView(0.22, tvCheck(), false).band).toBe('yellow');
    expect(gaugeView(0.45, tvCheck(), false).band).toBe('yellow');
    expect(gaugeView(0.1, tvCheck(), false).band).toBe('red');
  });

  it('pins an off-scale ratio to the right end and has no marker without a ratio', () => {
    const far = gaugeView(1.2, { ...tvCheck(), light: 'red' }, false);
    expect(far.position).toBe(100);
    expect(far.offScale).toBe(true);
    expect(far.band).toBe('red');
    expect(gaugeView(1.2, undefined, false).light).toBeNull();
    const none = gaugeView(null, undefined, false);
    expect(none.position).toBeNull();
    expect(none.band).toBeNull();
  });

  it('greys the marker while stale', () => {
    expect(gaugeView(0.29, tvCheck(), true).light).toBe('stale');
  });
});

describe('book figures, VaR and alarms', () => {
  it('shows β-delta in benchmark shares and dollars', () => {
    const figures = totalsFigures(riskFrame());
    const beta = figures.find((f) => f.key === 'bdelta');
    expect(beta?.value).toBe('\u2212120 SPX');
    expect(beta?.sub).toBe('\u2212$696,000');
    expect(figures.find((f) => f.key === 'theta')?.value).toBe('$4,200/d');
    expect(figures.find((f) => f.key === 'vega')?.value).toBe('\u2212$14,500/pt');
    expect(figures.find((f) => f.key === 'tv')?.value).toBe('0.29');
    expect(figures.find((f) => f.key === 'nlv')?.value).toBe('$1,000,000');
  });

  it('says "computing…" for Monte Carlo VaR until the worker has a result', () => {
    const v = varView(riskFrame().var);
    expect(v.rows.map((r) => r.value)).toEqual(['$18,500', '$26,200', COMPUTING, COMPUTING]);
    expect(v.sigmaText).toBe('1.54%');
    expect(v.pathsText).toBeNull();
    const none = varView(null);
    expect(none.rows.every((r) => r.pending)).toBe(true);
    expect(none.sigmaText).toBe(COMPUTING);
  });

  it('lists critical alarms first and keeps the core order within a severity', () => {
    const sorted = sortAlarms(riskFrame().alarms);
    expect(sorted.map((a) => a.severity)).toEqual(['critical', 'warning', 'info']);
  });
});

describe('risk number formatting', () => {
  it('puts the minus sign before the dollar sign', () => {
    expect(fmtUsd(-1_250)).toBe('\u2212$1,250');
    expect(fmtUsd(1_250.4)).toBe('$1,250');
    expect(fmtUsd(null)).toBe('\u2014');
  });

  it('compacts large P&L figures for dense grids', () => {
    expect(fmtCompact(850)).toBe('+850');
    expect(fmtCompact(-8_512)).toBe('\u22128.5k');
    expect(fmtCompact(-123_456)).toBe('\u2212123k');
    expect(fmtCompact(1_254_000)).toBe('+1.25M');
    expect(fmtCompact(-45_600_000)).toBe('\u221246M');
    expect(fmtCompact(0.2)).toBe('0');
    expect(fmtCompact(999.7)).toBe('+1.0k');
    expect(fmtCompact(null)).toBe('\u2014');
  });
});
