import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf } from '../../../../src/main/risk/pricing/bivariate-normal';
import {
  expHalfSq,
  normCdf,
  normCdfUpper,
  normInvApprox,
  normTail,
} from '../../../../src/main/risk/pricing/normal';

describe('bivariate normal distribution', () => {
  // P(X ≤ a, Y ≤ b; ρ) by 30-digit quadrature (mpmath) of φ(x)·Φ((b − ρx)/√(1 − ρ²)).
  it.each([
    [0, 0, 0.5, 0.3333333333333333],
    [-1, 1.5, -0.3, 0.1365082512815381],
    [1.2, -0.4, 0.8, 0.34413708880280014],
    [-2, -2, 0.95, 0.01602448370426653],
    [0.5, 0.3, -0.97, 0.3093880505422268],
    [-3.5, 2, 0.1, 0.0002306502744968902],
    [2.5, 2.5, 0.999, 0.9934777448469434],
    [-1, -1, -0.5, 0.003782302072854264],
  ])('M(%d, %d; ρ = %d) matches quadrature to 1e-15', (a, b, rho, expected) => {
    expect(Math.abs(bivariateNormalCdf(a, b, rho) - expected)).toBeLessThan(1e-15);
  });

  it('reduces to the one-dimensional cases at ρ = 0 and ρ = ±1', () => {
    expect(bivariateNormalCdf(0.3, -0.7, 0)).toBeCloseTo(normCdf(0.3) * normCdf(-0.7), 15);
    expect(bivariateNormalCdf(0.3, -0.7, 1)).toBeCloseTo(normCdf(-0.7), 15);
    expect(bivariateNormalCdf(0.3, 0.7, -1)).toBeCloseTo(normCdf(0.3) - normCdf(-0.7), 15);
  });
});

describe('allocation-free normal helpers', () => {
  it('gives the smaller tail with full relative accuracy on both sides', () => {
    for (const x of [-30, -8, -2, -0.5, 0, 0.4, 3, 12]) {
      const q = normTail(x, expHalfSq(x));
      expect(q).toBe(x < 0 ? normCdf(x) : normCdfUpper(x));
    }
  });

  it('computes exp(−x²/2) to an ulp or two deep in the tail', () => {
    // exp(−12.5) and exp(−0.5·37²) = exp(−684.5), from mpmath.
    expect(Math.abs(expHalfSq(5) / 3.726653172078671e-6 - 1)).toBeLessThan(4e-16);
    expect(Math.abs(expHalfSq(-37) / 5.314068364454539e-298 - 1)).toBeLessThan(1e-15);
    expect(expHalfSq(40)).toBe(0);
  });

  it.each([
    [1e-10, -6.361340889697422],
    [0.01, -2.3263478740408408],
    [0.3, -0.5244005127080408],
    [0.5, 0],
    [0.9, 1.2815515655446006],
    [0.999, 3.090232306167813],
  ])('inverts Φ at %d to 1e-8 (a starting point for solvers)', (p, x) => {
    expect(Math.abs(normInvApprox(p) - x)).toBeLessThan(1e-8 * Math.max(1, Math.abs(x)));
  });
});
