import { describe, expect, it } from 'vitest';
import { normCdf, normCdfUpper, normPdf } from '../../../src/main/risk/pricing/normal';

// Reference values: 0.5·erfc(−x/√2) from CPython's math.erfc (correctly rounded libm erfc).
const reference: Array<[number, number]> = [
  [-10, 7.619853024160593e-24],
  [-8, 6.220960574271819e-16],
  [-6, 9.865876450377012e-10],
  [-3.5, 0.00023262907903552504],
  [-1.96, 0.024997895148220435],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.3, 0.6179114221889526],
  [0.67448975, 0.7499999999376898],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [5, 0.9999997133484281],
];

describe('normal distribution', () => {
  it.each(reference)('Φ(%d) matches erfc to 1e-14 relative', (x, expected) => {
    expect(Math.abs(normCdf(x) - expected) / expected).toBeLessThan(1e-14);
  });

  it('stays within 1e-12 relative far out in the tail (x = -37)', () => {
    expect(Math.abs(normCdf(-37) / 5.725571222525139e-300 - 1)).toBeLessThan(1e-12);
  });

  it('keeps relative accuracy in the upper tail', () => {
    // Two-sided: too small fails as surely as too large.
    expect(Math.abs(normCdfUpper(8) / 6.220960574271819e-16 - 1)).toBeLessThan(1e-14);
    expect(normCdfUpper(-2) + normCdfUpper(2)).toBeCloseTo(1, 15);
  });

  it('has the standard density', () => {
    expect(normPdf(0)).toBeCloseTo(0.3989422804014327, 16);
    expect(normPdf(1.5)).toBeCloseTo(0.12951759566589174, 16);
  });
});
