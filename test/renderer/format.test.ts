import { describe, expect, it } from 'vitest';
import {
  fmt,
  fmtDelta,
  fmtGamma,
  fmtIv,
  fmtPnl,
  fmtPrice,
  fmtQty,
  pnlClass,
} from '../../src/renderer/src/format/numbers';
import { fmtAge, fmtSpeed } from '../../src/renderer/src/format/time';

describe('number formatting', () => {
  it('uses thousands separators and a true minus sign', () => {
    expect(fmt(-1234567.891, 2)).toBe('\u22121,234,567.89');
    expect(fmtPrice(5899.5)).toBe('5,899.50');
    expect(fmt(null, 2)).toBe('\u2014');
  });

  it('signs P&L and quantities, and never prints -0', () => {
    expect(fmtPnl(1234.4)).toBe('+1,234');
    expect(fmtPnl(-0.4)).toBe('0');
    expect(fmtQty(-2)).toBe('\u22122');
    expect(fmtQty(200)).toBe('+200');
  });

  it('shows small deltas with one decimal and large ones whole', () => {
    expect(fmtDelta(12.34)).toBe('12.3');
    expect(fmtDelta(-1234.5)).toBe('\u22121,235');
    expect(fmtGamma(-0.456)).toBe('\u22120.46');
    expect(fmtGamma(-1331.27)).toBe('\u22121,331');
    expect(fmtIv(0.1834)).toBe('18.3%');
  });

  it('colours only by the sign of the rounded value', () => {
    expect(pnlClass(12)).toBe('pos');
    expect(pnlClass(-12)).toBe('neg');
    expect(pnlClass(0.2)).toBe('');
    expect(pnlClass(null)).toBe('');
  });
});

describe('fmtAge', () => {
  it('reads like a desk clock', () => {
    expect(fmtAge(420)).toBe('0.4s');
    expect(fmtAge(12_300)).toBe('12s');
    expect(fmtAge(185_000)).toBe('3m 05s');
    expect(fmtAge(2 * 3_600_000 + 600_000)).toBe('2h 10m');
    expect(fmtAge(null)).toBe('\u2014');
    expect(fmtAge(-5)).toBe('0.0s');
  });

  it('formats speeds', () => {
    expect(fmtSpeed(60)).toBe('60×');
    expect(fmtSpeed(0.5)).toBe('0.5×');
  });
});
