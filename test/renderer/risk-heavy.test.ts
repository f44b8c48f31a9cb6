import { describe, expect, it } from 'vitest';
import { fmtCompactUsd } from '../../src/renderer/src/format/numbers';
import { heavyMark } from '../../src/renderer/src/features/risk/heavy';
import { riskNotice } from '../../src/renderer/src/features/risk/notice';
import {
  CURVE_STYLES,
  PRICE_SCALE_MIN_WIDTH,
} from '../../src/renderer/src/features/risk/pnl-curve-style';
import { T0, riskFrame } from './risk-fixtures';

describe('heavy results carry their own age', () => {
  it('reads the age of the book time the grid was computed from', () => {
    const m = heavyMark({ inputTime: T0, computedAt: T0 + 500, stale: false }, 3_200);
    expect(m).toMatchObject({ text: 'book 3.2s ago', stale: false, computing: false });
  });

  it('marks results stale when the book has moved since', () => {
    const m = heavyMark({ inputTime: T0, computedAt: T0, stale: true }, 21_000);
    expect(m.stale).toBe(true);
    expect(m.text).toBe('lags book · 21s ago');
    expect(m.title).toMatch(/moved since/);
  });

  it('says computing… with a stale mark before any heavy result', () => {
    expect(heavyMark(null, null)).toMatchObject({
      text: 'computing…',
      stale: true,
      computing: true,
    });
  });
});

describe('engine failure banner', () => {
  it('a failed frame shows the failure with its reason, before any stale notice', () => {
    const f = riskFrame({ failure: 'worker crashed', stale: true, staleReason: 'x' });
    expect(riskNotice(f, 'x')).toEqual({
      kind: 'failure',
      title: 'Risk engine failed',
      text: expect.stringMatching(/^worker crashed\. Every light is grey/) as string,
    });
  });

  it('a stale frame without failure shows the core reason', () => {
    const f = riskFrame({ stale: true, staleReason: 'broker down' });
    expect(riskNotice(f, 'broker down')).toMatchObject({
      kind: 'stale',
      text: 'Risk inputs stale: broker down. Lights are grey until fresh inputs arrive.',
    });
  });

  it('a live frame shows no notice', () => {
    expect(riskNotice(riskFrame(), null)).toBeNull();
  });
});

describe('P&L curve', () => {
  it('now and +1 day differ in colour and line style, also when stale', () => {
    const { now, decay } = CURVE_STYLES;
    expect(now.color).not.toBe(decay.color);
    expect(now.staleColor).not.toBe(decay.staleColor);
    expect(now.lineStyle).not.toBe(decay.lineStyle);
    expect([now.label, decay.label]).toEqual(['now', '+1 day']);
  });

  it('axis labels are compact dollars that fit the reserved width', () => {
    const cases: Array<[number, string]> = [
      [0, '$0'],
      [850, '$850'],
      [-12_345, '−$12k'],
      [1_234_567, '$1.2M'],
      [-15_400_000, '−$15M'],
      [1.1e9, '$1.1B'],
    ];
    const misses = cases.filter(([v, want]) => fmtCompactUsd(v) !== want);
    expect(misses).toEqual([]);
    // About 7 px per character at the chart's 10 px font, plus padding.
    for (const [v] of cases)
      expect(fmtCompactUsd(v).length * 7 + 8).toBeLessThanOrEqual(PRICE_SCALE_MIN_WIDTH);
  });
});
