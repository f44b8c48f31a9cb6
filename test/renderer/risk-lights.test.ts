import { describe, expect, it } from 'vitest';
import {
  BAR_MAX_UTILIZATION,
  LIMIT_MARK_PERCENT,
  barWidth,
  effectiveLight,
  fmtUtilization,
  lightView,
  lightViews,
  lightsSummary,
  valueText,
} from '../../src/renderer/src/features/risk/lights';
import { regimeView } from '../../src/renderer/src/features/risk/regime';
import { check, lights, riskFrame, staleFrame } from './risk-fixtures';

describe('traffic light views', () => {
  it('names each light "<name>: <light>" for assistive tech', () => {
    const views = lightViews(lights(), false);
    expect(views.map((v) => v.ariaLabel)).toEqual([
      'Beta-weighted delta: yellow',
      'Short vega: yellow',
      'Theta: green',
      'Gamma: red',
      'Theta/vega ratio: green',
      'Vega concentration: red',
    ]);
  });

  it('never shows a light green while the risk inputs are stale', () => {
    const frame = staleFrame();
    for (const v of lightViews(frame.lights, frame.stale)) {
      expect(v.light).toBe('stale');
      expect(v.ariaLabel).toMatch(/: stale$/);
    }
    // Even if a frame flagged stale still carried a green light, it is drawn grey.
    const green = check({ light: 'green', utilization: 10 });
    expect(lightView(green, true).light).toBe('stale');
    expect(effectiveLight('green', true)).toBe('stale');
    expect(effectiveLight('red', false)).toBe('red');
  });

  it('keeps the core light as it is while the frame is live', () => {
    expect(lightView(check({ light: 'stale' }), false).light).toBe('stale');
  });

  it('caps the utilization bar at 150% and never draws below zero', () => {
    expect(barWidth(null)).toBe(0);
    expect(barWidth(-20)).toBe(0);
    expect(barWidth(0)).toBe(0);
    expect(barWidth(75)).toBeCloseTo(50);
    expect(barWidth(100)).toBeCloseTo(LIMIT_MARK_PERCENT);
    expect(barWidth(BAR_MAX_UTILIZATION)).toBe(100);
    expect(barWidth(9_999)).toBe(100);
    expect(barWidth(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('prints utilization whole, and past 999% as ">999%"', () => {
    expect(fmtUtilization(92.8)).toBe('93%');
    expect(fmtUtilization(9_999)).toBe('>999%');
    expect(fmtUtilization(null)).toBe('\u2014');
  });

  it('writes value against limit in the check unit', () => {
    expect(valueText(check())).toBe('$6,960 / $7,500 per 1%');
    expect(valueText(check({ unit: '% of book', value: 62.1, limit: 50 }))).toBe(
      '62.1% / 50.0% of book',
    );
    expect(valueText(check({ unit: '% NLV', value: 12.44, limit: 15 }))).toBe('12.4% / 15.0% NLV');
    const band = { redBelow: 0.2, greenLow: 0.25, greenHigh: 0.4, redAbove: 0.5 };
    expect(valueText(check({ unit: 'ratio', value: 0.2912, limit: null, band }))).toBe('0.29');
    expect(valueText(check({ unit: 'contracts', value: 12, limit: 20 }))).toBe('12 / 20 contracts');
    expect(valueText(check({ unit: '$', value: -1_250, limit: 5_000 }))).toBe(
      '\u2212$1,250 / $5,000',
    );
    expect(valueText(check({ value: null }))).toBe('\u2014 / $7,500 per 1%');
    expect(valueText(check({ value: null, limit: null }))).toBe('\u2014');
  });

  it('has no bar when the check has no utilization', () => {
    const v = lightView(check({ utilization: null, limit: null }), false);
    expect(v.hasBar).toBe(false);
    expect(v.barPercent).toBe(0);
  });

  it('keys lights by code so a disclosure stays open while the subject changes', () => {
    const a = lightViews(
      [check({ code: 'EXPIRY', subject: 'SPX' }), check({ code: 'EXPIRY' })],
      false,
    );
    const b = lightViews(
      [check({ code: 'EXPIRY', subject: 'AAPL' }), check({ code: 'EXPIRY' })],
      false,
    );
    expect(a.map((v) => v.key)).toEqual(['EXPIRY', 'EXPIRY#1']);
    expect(b.map((v) => v.key)).toEqual(a.map((v) => v.key));
  });

  it('summarizes the worst lights first', () => {
    expect(lightsSummary(lightViews(lights(), false))).toBe('2 red · 2 yellow');
    expect(lightsSummary(lightViews([check({ light: 'green' })], false))).toBe('all green');
    expect(lightsSummary(lightViews(lights(), true))).toBe('stale');
    expect(lightsSummary([])).toBe('no checks');
  });
});

describe('regime badge', () => {
  it('names the machine regime for assistive tech and the friendly one on screen', () => {
    const v = regimeView(riskFrame().regime);
    expect(v.ariaLabel).toBe('Regime: high_volatility');
    expect(v.label).toBe('High volatility');
    expect(v.pendingText).toBe('→ crisis pending');
    expect(v.scalerText).toBe('limits ×0.85');
    expect(v.vixText).toBe('24.50');
    expect(v.termRatioText).toBe('0.94');
    expect(v.term).toBe('backwardation');
  });

  it('leaves out a scaler of 1 and a pending regime equal to the current one', () => {
    const r = { ...riskFrame().regime, name: 'neutral' as const, pending: null, scaler: 1 };
    const v = regimeView({ ...r, termRatio: 1.08 });
    expect(v.ariaLabel).toBe('Regime: neutral');
    expect(v.pendingText).toBeNull();
    expect(v.scalerText).toBeNull();
    expect(v.term).toBe('contango');
    expect(regimeView({ ...r, pending: 'neutral' }).pendingText).toBeNull();
    expect(regimeView({ ...r, pending: 'high_volatility' }).pendingText).toBe(
      '→ high volatility pending',
    );
  });

  it('shows a dash for missing VIX readings', () => {
    const r = { ...riskFrame().regime, vix: null, termRatio: null };
    const v = regimeView(r);
    expect(v.vixText).toBe('\u2014');
    expect(v.term).toBeNull();
  });
});

describe('light values in plain units', () => {
  it('shows the margin cushion ratio as a percentage, like the header', () => {
    const cushion = check({ code: 'MARGIN_CUSHION', unit: 'ratio', value: 0.4243, limit: 0.2 });
    expect(valueText(cushion)).toBe('42.4% / 20.0%');
  });

  it('words short options near expiry instead of "0 / 2 DTE"', () => {
    const expiry = check({ code: 'EXPIRY', unit: 'DTE', value: 0, limit: 2, utilization: null });
    expect(valueText(expiry)).toBe('nearest in 0 days (critical ≤ 2)');
    expect(valueText({ ...expiry, value: 1 })).toBe('nearest in 1 day (critical ≤ 2)');
    expect(valueText({ ...expiry, value: null })).toBe('none near expiry (critical ≤ 2)');
  });
});
