import { describe, expect, it } from 'vitest';
import {
  combinedScaler,
  effectiveLimits,
  termScaler,
  tierFor,
  vixScaler,
} from '../../../../src/main/risk/matrix/limits';
import type { RiskMatrix } from '../../../../src/main/risk/matrix/schema';
import { defaultMatrix } from './fixtures';

const m = defaultMatrix();
const withScalers = (patch: Partial<RiskMatrix['scalers']>): RiskMatrix => ({
  ...m,
  scalers: { ...m.scalers, ...patch },
});

describe('scalers', () => {
  it('takes the factor of the highest VIX step reached', () => {
    expect(vixScaler(m.scalers, 19.99)).toBe(1);
    expect(vixScaler(m.scalers, 20)).toBe(0.85);
    expect(vixScaler(m.scalers, 27)).toBe(0.7);
    expect(vixScaler(m.scalers, 30)).toBe(0.5);
    expect(vixScaler(m.scalers, 80)).toBe(0.25);
  });

  it('takes the factor of the deepest term-structure step reached', () => {
    expect(termScaler(m.scalers, 1.2)).toBe(1);
    expect(termScaler(m.scalers, 0.95)).toBe(1);
    expect(termScaler(m.scalers, 0.94)).toBe(0.8);
    expect(termScaler(m.scalers, 0.89)).toBe(0.6);
    expect(termScaler(m.scalers, 0.7)).toBe(0.4);
  });

  it('is 1 when the input is unknown or scalers are disabled', () => {
    expect(vixScaler(m.scalers, null)).toBe(1);
    expect(termScaler(m.scalers, null)).toBe(1);
    expect(vixScaler(m.scalers, Number.NaN)).toBe(1);
    const off = withScalers({ enabled: false }).scalers;
    expect(vixScaler(off, 40)).toBe(1);
    expect(termScaler(off, 0.8)).toBe(1);
    expect(combinedScaler(off, 40, 0.8)).toBe(1);
  });

  it('multiplies the VIX and term factors', () => {
    expect(combinedScaler(m.scalers, 26, 0.92)).toBeCloseTo(0.7 * 0.8, 12);
    expect(combinedScaler(m.scalers, 26, null)).toBe(0.7);
  });
});

describe('effectiveLimits', () => {
  it('computes each limit in $ from NLV', () => {
    const l = effectiveLimits(m, 'neutral', 1_000_000, 16, 1.2);
    expect(l.scaler).toBe(1);
    expect(l.betaDelta).toEqual({ limit: 12_000, basis: 'nlv', pctNlv: 1.2, scaler: 1 });
    expect(l.shortVega?.limit).toBeCloseTo(48_000, 6);
    expect(l.minTheta?.limit).toBeCloseTo(1_200, 6);
    expect(l.gamma?.limit).toBeCloseTo(1_400, 6);
    expect(l.maxUnderlyingVegaSharePct).toBe(60);
    expect(l.maxContracts).toBe(50);
    expect(l.regime).toBe('neutral');
  });

  it('falls back to the absolute limits when NLV is unknown, zero or negative', () => {
    for (const nlv of [null, 0, -5_000, Number.NaN]) {
      const l = effectiveLimits(m, 'neutral', nlv, 16, 1.2);
      expect(l.betaDelta).toEqual({ limit: 3_000, basis: 'absolute', pctNlv: 1.2, scaler: 1 });
      expect(l.shortVega?.limit).toBe(12_000);
      expect(l.minTheta?.limit).toBe(300);
      expect(l.gamma?.limit).toBe(350);
    }
  });

  it('scales only the limits in appliesTo, never the theta floor', () => {
    const l = effectiveLimits(m, 'high_volatility', 1_000_000, 26, 0.92);
    const s = 0.7 * 0.8;
    expect(l.scaler).toBeCloseTo(s, 12);
    expect(l.betaDelta?.limit).toBeCloseTo(3_000 * s, 6);
    expect(l.betaDelta?.pctNlv).toBeCloseTo(0.3 * s, 12);
    expect(l.betaDelta?.scaler).toBeCloseTo(s, 12);
    expect(l.shortVega?.limit).toBeCloseTo(60_000 * s, 6);
    expect(l.gamma?.limit).toBeCloseTo(600 * s, 6);
    expect(l.minTheta).toEqual({ limit: 2_400, basis: 'nlv', pctNlv: 0.24, scaler: 1 });

    const onlyVega = effectiveLimits(
      withScalers({ appliesTo: ['shortVega'] }),
      'neutral',
      null,
      26,
      null,
    );
    expect(onlyVega.shortVega).toEqual({
      limit: 12_000 * 0.7,
      basis: 'absolute',
      pctNlv: 4.8 * 0.7,
      scaler: 0.7,
    });
    expect(onlyVega.betaDelta?.scaler).toBe(1);
    expect(onlyVega.gamma?.limit).toBe(350);
  });

  it('applies no scaling when scalers are disabled', () => {
    const l = effectiveLimits(withScalers({ enabled: false }), 'neutral', 1_000_000, 40, 0.8);
    expect(l.scaler).toBe(1);
    expect(l.betaDelta?.limit).toBe(12_000);
  });

  it('in crisis: zero β-delta and short vega, no theta floor', () => {
    const l = effectiveLimits(m, 'crisis', 500_000, 40, 0.8);
    expect(l.betaDelta?.limit).toBe(0);
    expect(l.shortVega?.limit).toBe(0);
    expect(l.minTheta).toBeNull();
    expect(l.gamma?.limit).toBeCloseTo(500_000 * 0.0004 * 0.25 * 0.4, 9);
    expect(l.maxContracts).toBe(10);
  });

  it('returns null for a limit the regime sets to null', () => {
    const noBeta: RiskMatrix = {
      ...m,
      limits: { ...m.limits, neutral: { ...m.limits.neutral, betaDelta: null } },
    };
    expect(effectiveLimits(noBeta, 'neutral', 1_000_000, 16, 1.2).betaDelta).toBeNull();
  });
});

describe('tierFor', () => {
  it('finds a listed symbol and gives unlisted ones the default tier', () => {
    expect(tierFor(m, 'IWM')).toEqual({ tier: 2, capPct: 50 });
    expect(tierFor(m, 'spx')).toEqual({ tier: 1, capPct: 100 });
    expect(tierFor(m, 'XYZ')).toEqual({ tier: 3, capPct: 30 });
  });
});
