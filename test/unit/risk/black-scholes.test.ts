import { describe, expect, it } from 'vitest';
import {
  black76Inputs,
  bsGreeks,
  bsmInputs,
  bsPrice,
  type BsInputs,
} from '../../../src/main/risk/pricing/black-scholes';

describe('Black–Scholes–Merton', () => {
  // Hull, Options, Futures and Other Derivatives, Example 15.6 (S 42, K 40, r 10%, σ 20%, T 0.5).
  it('prices Hull example 15.6', () => {
    expect(bsPrice(bsmInputs('C', 42, 40, 0.5, 0.1, 0, 0.2))).toBeCloseTo(4.7594, 4);
    expect(bsPrice(bsmInputs('P', 42, 40, 0.5, 0.1, 0, 0.2))).toBeCloseTo(0.8086, 4);
  });

  // Hull Example 19.1: S 49, K 50, r 5%, σ 20%, T 0.3846 — call delta 0.522.
  it('gives Hull example 19.1 call delta', () => {
    expect(bsGreeks(bsmInputs('C', 49, 50, 0.3846, 0.05, 0, 0.2)).delta).toBeCloseTo(0.522, 3);
  });

  it.each([
    [100, 90, 0.25, 0.03, 0.01, 0.25],
    [5900, 5800, 28 / 365, 0.045, 0.013, 0.16],
    [230, 260, 2, 0.06, 0.03, 0.6],
  ])('satisfies put–call parity with dividends (S %d, K %d)', (s, k, t, r, q, v) => {
    const c = bsPrice(bsmInputs('C', s, k, t, r, q, v));
    const p = bsPrice(bsmInputs('P', s, k, t, r, q, v));
    expect(c - p).toBeCloseTo(s * Math.exp(-q * t) - k * Math.exp(-r * t), 9);
  });

  it('agrees with price and greeks returned together', () => {
    const p = bsmInputs('P', 5900, 5700, 10 / 365, 0.045, 0.013, 0.19);
    expect(bsGreeks(p).price).toBe(bsPrice(p));
  });

  describe.each([
    ['BSM call', bsmInputs('C', 100, 105, 0.4, 0.04, 0.015, 0.3)],
    ['BSM put', bsmInputs('P', 100, 95, 0.4, 0.04, 0.015, 0.3)],
    ['Black-76 call', black76Inputs('C', 5915, 6000, 0.2, 0.045, 0.17)],
    ['Black-76 put', black76Inputs('P', 5915, 5800, 0.2, 0.045, 0.17)],
  ])('%s Greeks match finite differences', (_name, p: BsInputs) => {
    const g = bsGreeks(p);
    const at = (change: Partial<BsInputs>) => bsPrice({ ...p, ...change });
    const h = p.spot * 1e-4;
    it('delta', () => {
      expect(g.delta).toBeCloseTo(
        (at({ spot: p.spot + h }) - at({ spot: p.spot - h })) / (2 * h),
        6,
      );
    });
    it('gamma', () => {
      const fd = (at({ spot: p.spot + h }) - 2 * bsPrice(p) + at({ spot: p.spot - h })) / (h * h);
      expect(Math.abs(g.gamma - fd) / g.gamma).toBeLessThan(1e-4);
    });
    it('vega', () => {
      expect(g.vega).toBeCloseTo((at({ vol: p.vol + 1e-5 }) - at({ vol: p.vol - 1e-5 })) / 2e-5, 4);
    });
    it('theta (value lost as calendar time passes)', () => {
      const dt = 1e-5;
      expect(g.theta).toBeCloseTo((at({ t: p.t - dt }) - at({ t: p.t + dt })) / (2 * dt), 3);
    });
    it('vanna', () => {
      const d = (v: number) => bsGreeks({ ...p, vol: v }).delta;
      expect(g.vanna).toBeCloseTo((d(p.vol + 1e-5) - d(p.vol - 1e-5)) / 2e-5, 5);
    });
    it('charm (delta change as calendar time passes)', () => {
      const d = (t: number) => bsGreeks({ ...p, t }).delta;
      expect(g.charm).toBeCloseTo((d(p.t - 1e-6) - d(p.t + 1e-6)) / 2e-6, 4);
    });
  });

  it('is worth discounted intrinsic value at expiry, with delta 1 or 0', () => {
    const itm = bsGreeks(bsmInputs('C', 110, 100, 0, 0.05, 0, 0.2));
    expect(itm.price).toBe(10);
    expect(itm.delta).toBe(1);
    expect(itm.gamma).toBe(0);
    expect(bsGreeks(bsmInputs('P', 110, 100, 0, 0.05, 0, 0.2)).delta).toBe(0);
  });
});
