import { describe, expect, it } from 'vitest';
import { blackScholes, intrinsic } from '@shared/math/black-scholes';
import { normCdf, normPdf, normSf } from '@shared/math/normal';
import { normCdf as codyCdf } from '../../src/main/risk/pricing/normal';

// Reference values: 0.5·erfc(−x/√2) from CPython's math.erfc (correctly rounded libm erfc).
const reference: Array<[number, number]> = [
  [-37, 5.725571222525139e-300],
  [-20, 2.7536241186063314e-89],
  [-10, 7.619853024160593e-24],
  [-8, 6.220960574271819e-16],
  [-6, 9.865876450377012e-10],
  [-5, 2.866515718791946e-7],
  [-3.5, 0.00023262907903552504],
  [-2, 0.02275013194817922],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145707],
  [-0.5, 0.3085375387259869],
  [-0.1, 0.460172162722971],
  [0, 0.5],
  [0.25, 0.5987063256829237],
  [0.6744897501960817, 0.75],
  [1, 0.8413447460685429],
  [1.6448536269514722, 0.95],
  [2.5, 0.9937903346742238],
  [4, 0.9999683287581669],
  [7.5, 0.9999999999999681],
];

describe('shared normal distribution', () => {
  it('matches erfc to 1e-15 absolute and, down to |x| = 3.5, 1e-13 relative', () => {
    const misses = reference.filter(([x, want]) => {
      const got = normCdf(x);
      const relative = Math.abs(x) <= 3.5 ? Math.abs(got / want - 1) : 0;
      return Math.abs(got - want) > 1e-15 || relative > 1e-13;
    });
    expect(misses).toEqual([]);
  });

  it('keeps 8 significant digits in the deep tails, both sides (no 1 − (1 − tiny))', () => {
    const deep = reference.filter(([x]) => x < -3.5);
    const misses = deep.filter(([x, want]) => Math.abs(normCdf(x) / want - 1) > 2e-8);
    expect(misses).toEqual([]);
    expect(Math.abs(normSf(8) / 6.220960574271819e-16 - 1)).toBeLessThan(2e-8);
    expect(Math.abs(normSf(7.5) / 3.19089167291092e-14 - 1)).toBeLessThan(2e-8);
  });

  it('agrees with the main process (Cody) implementation on a fine grid: 1e-15 absolute, 1e-13 relative to |x| = 3.5', () => {
    const misses: number[] = [];
    for (let i = -1200; i <= 1200; i++) {
      const x = i / 100;
      const a = normCdf(x);
      const b = codyCdf(x);
      // Relative on the lower side only: 1 − Φ(x) read back from Φ would measure the subtraction.
      const relative = x >= -3.5 && x <= 0 ? Math.abs(a / b - 1) : 0;
      if (Math.abs(a - b) > 1e-15 || relative > 1e-13) misses.push(x);
    }
    expect(misses).toEqual([]);
  });

  it('underflows to 0 and 1 past |x| = 37 and passes NaN through', () => {
    expect(normCdf(-40)).toBe(0);
    expect(normCdf(40)).toBe(1);
    expect(normCdf(NaN)).toBeNaN();
  });

  it('has the density 1/√(2π) at 0 and e^(−1/2)/√(2π) at ±1', () => {
    expect(normPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(normPdf(1)).toBeCloseTo(0.24197072451914337, 15);
    expect(normPdf(-1)).toBe(normPdf(1));
  });
});

describe('shared Black–Scholes edges', () => {
  it('is intrinsic at and after expiry', () => {
    expect(blackScholes('C', 110, 100, 0, 0.05, 0.2)).toBe(10);
    expect(blackScholes('P', 90, 100, -0.01, 0.05, 0.2)).toBe(10);
    expect(intrinsic('P', 110, 100)).toBe(0);
  });

  it('tends to the discounted forward intrinsic at zero volatility', () => {
    // Call: S − K·e^(−rT) = 100 − 95·e^(−0.05) = 9.6329...
    expect(blackScholes('C', 100, 95, 1, 0.05, 0)).toBeCloseTo(100 - 95 * Math.exp(-0.05), 12);
    expect(blackScholes('P', 100, 95, 1, 0.05, 0)).toBe(0);
  });

  it('prices the textbook case: S=K=100, T=1, r=5%, σ=20% → call 10.4506, put 5.5735 (Hull)', () => {
    expect(blackScholes('C', 100, 100, 1, 0.05, 0.2)).toBeCloseTo(10.450583572185565, 10);
    expect(blackScholes('P', 100, 100, 1, 0.05, 0.2)).toBeCloseTo(5.573526022256971, 10);
  });
});
