import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import type { MarginLine } from '../../../src/main/broker/sim/margin';
import { marginRequirement, nakedOptionRequirement } from '../../../src/main/broker/sim/margin';

const EXP = '2026-12-18';

function opt(
  symbol: string,
  right: 'C' | 'P',
  strike: number,
  expiry = EXP,
  underlyingKey = symbol === 'SPX' ? 'IND:SPX' : `STK:${symbol}`,
): Instrument {
  return {
    key: `OPT:${symbol}:${expiry}:${right}:${strike}`,
    symbol,
    secType: 'OPT',
    currency: 'USD',
    multiplier: 100,
    exchange: 'SMART',
    description: '',
    expiry,
    strike,
    right,
    exercise: symbol === 'SPX' ? 'european' : 'american',
    underlyingKey,
  };
}

function fop(right: 'C' | 'P', strike: number): Instrument {
  return {
    ...opt('ES', right, strike),
    key: `FOP:ES:${EXP}:${right}:${strike}`,
    secType: 'FOP',
    multiplier: 50,
    underlyingKey: `FUT:ES:${EXP}`,
  };
}

function plain(symbol: string, secType: 'STK' | 'FUT', multiplier: number): Instrument {
  return {
    key: `${secType}:${symbol}`,
    symbol,
    secType,
    currency: 'USD',
    multiplier,
    exchange: 'SMART',
    description: symbol,
  };
}

const line = (
  instrument: Instrument,
  quantity: number,
  price: number,
  underlyingPrice: number,
): MarginLine => ({
  instrument,
  quantity,
  price,
  underlyingPrice,
});

const maint = (...lines: MarginLine[]): number => marginRequirement(lines).maint;

describe('simulator margin model', () => {
  it('charges a naked equity put premium + max(20% × U − OTM, 10% × K) per share', () => {
    // (2.00 + max(0.2×230 − 10, 0.1×220)) × 100 = (2 + 36) × 100
    expect(maint(line(opt('AAPL', 'P', 220), -1, 2, 230))).toBeCloseTo(3800, 6);
    expect(maint(line(opt('AAPL', 'P', 220), -3, 2, 230))).toBeCloseTo(11_400, 6);
  });

  it('charges a naked equity call with the 10 % × underlying floor when far out of the money', () => {
    // 250 C: (1.50 + max(46 − 20, 23)) × 100 = 2750; 300 C: (0.10 + max(46 − 70, 23)) × 100 = 2310
    expect(maint(line(opt('AAPL', 'C', 250), -1, 1.5, 230))).toBeCloseTo(2750, 6);
    expect(maint(line(opt('AAPL', 'C', 300), -1, 0.1, 230))).toBeCloseTo(2310, 6);
  });

  it('uses 15 % instead of 20 % for index (SPX) options', () => {
    // 5800 P at 30: (30 + max(0.15×5900 − 100, 580)) × 100 = 81 500
    expect(maint(line(opt('SPX', 'P', 5800), -1, 30, 5900))).toBeCloseTo(81_500, 6);
    // 5500 P at 10: (10 + max(885 − 400, 550)) × 100 = 56 000
    expect(maint(line(opt('SPX', 'P', 5500), -1, 10, 5900))).toBeCloseTo(56_000, 6);
  });

  it('caps a vertical credit spread at its width × multiplier', () => {
    const spread = [
      line(opt('SPX', 'P', 5800), -2, 30, 5900),
      line(opt('SPX', 'P', 5750), 2, 20, 5900),
    ];
    expect(maint(...spread)).toBeCloseTo(2 * 50 * 100, 6);
  });

  it('charges nothing for a debit spread (long strike inside the short)', () => {
    expect(
      maint(line(opt('SPX', 'P', 5800), 1, 30, 5900), line(opt('SPX', 'P', 5750), -1, 20, 5900)),
    ).toBe(0);
  });

  it('does not pair options of different expiries', () => {
    const req = maint(
      line(opt('SPX', 'P', 5800), -1, 30, 5900),
      line(opt('SPX', 'P', 5750, '2027-01-15'), 1, 40, 5900),
    );
    expect(req).toBeCloseTo(81_500, 6);
  });

  it('charges an iron condor the larger of its two spread widths', () => {
    const condor = [
      line(opt('SPX', 'P', 5800), -1, 30, 5900),
      line(opt('SPX', 'P', 5750), 1, 20, 5900),
      line(opt('SPX', 'C', 6000), -1, 25, 5900),
      line(opt('SPX', 'C', 6025), 1, 18, 5900),
    ];
    expect(maint(...condor)).toBeCloseTo(5000, 6);
  });

  it('charges a short strangle the larger side plus the other side’s premium', () => {
    // put 5500 at 10: 56 000; call 6300 at 8: (8 + max(885 − 400, 590)) × 100 = 59 800; + 10 × 100
    const strangle = [
      line(opt('SPX', 'P', 5500), -1, 10, 5900),
      line(opt('SPX', 'C', 6300), -1, 8, 5900),
    ];
    expect(maint(...strangle)).toBeCloseTo(60_800, 6);
    // Two puts against one call: one strangle pair plus a naked put of its own (56 000).
    const unbalanced = [
      line(opt('SPX', 'P', 5500), -2, 10, 5900),
      line(opt('SPX', 'C', 6300), -1, 8, 5900),
    ];
    expect(maint(...unbalanced)).toBeCloseTo(60_800 + 56_000, 6);
  });

  it('needs nothing for calls covered by 100 long shares each; the stock keeps its 25 %', () => {
    const aapl = plain('AAPL', 'STK', 1);
    const covered = [line(aapl, 200, 230, 230), line(opt('AAPL', 'C', 250), -2, 1.5, 230)];
    expect(marginRequirement(covered)).toEqual({ init: 23_000, maint: 11_500 });
    // A third call is naked: + 2750.
    const third = [line(aapl, 200, 230, 230), line(opt('AAPL', 'C', 250), -3, 1.5, 230)];
    expect(maint(...third)).toBeCloseTo(11_500 + 2750, 6);
  });

  it('charges long stock Reg-T 50 % initial and 25 % maintenance', () => {
    expect(marginRequirement([line(plain('NVDA', 'STK', 1), 100, 140, 140)])).toEqual({
      init: 7000,
      maint: 3500,
    });
  });

  it('charges futures 6 % of notional maintenance and 1.1 × that initially', () => {
    const r = marginRequirement([line(plain('ES', 'FUT', 50), 1, 5900, 5900)]);
    expect(r.maint).toBeCloseTo(17_700, 6);
    expect(r.init).toBeCloseTo(19_470, 6);
    expect(maint(line(plain('MES', 'FUT', 5), -2, 5900, 5900))).toBeCloseTo(3540, 6);
  });

  it('charges a short ES put premium + max(½ futures margin − OTM, 10 % of it)', () => {
    // futures maint 17 700. 5600 P at 12: 12×50 + max(8850 − 300×50, 1770) = 600 + 1770
    expect(maint(line(fop('P', 5600), -1, 12, 5900))).toBeCloseTo(2370, 6);
    // 5900 P at 60: 3000 + 8850
    expect(maint(line(fop('P', 5900), -1, 60, 5900))).toBeCloseTo(11_850, 6);
    expect(nakedOptionRequirement(fop('P', 5900), 60, 5900)).toBeCloseTo(11_850, 6);
  });

  it('charges nothing for long options and sets option init equal to maintenance', () => {
    expect(maint(line(opt('SPX', 'P', 5800), 5, 30, 5900), line(fop('C', 6000), 2, 40, 5900))).toBe(
      0,
    );
    const r = marginRequirement([line(opt('AAPL', 'P', 220), -1, 2, 230)]);
    expect(r.init).toBe(r.maint);
  });
});
