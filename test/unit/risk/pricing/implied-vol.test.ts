import { describe, expect, it } from 'vitest';
import { americanPrice } from '../../../../src/main/risk/pricing/american';
import {
  black76Inputs,
  bsmInputs,
  bsPrice,
  type BsInputs,
} from '../../../../src/main/risk/pricing/black-scholes';
import {
  americanImpliedVol,
  europeanImpliedVol,
  impliedVol,
  type IvFailureCode,
  type IvResult,
} from '../../../../src/main/risk/pricing/implied-vol';
import { impliedVol as fixtures, inputsOf, label } from './fixtures';

function codeOf(r: IvResult): IvFailureCode | 'OK' {
  return r.ok ? 'OK' : r.code;
}

describe('European implied vol on the QuantLib fixture set', () => {
  it('documents which cases it skips: vega below 1e-6·K leaves the vol unidentifiable', () => {
    expect(fixtures.rows).toHaveLength(2068);
    expect(fixtures.skipped).toBe(632);
  });

  it('recovers every vol to 1e-8 with no failures, BSM and Black-76', () => {
    const misses: string[] = [];
    let maxIterations = 0;
    for (const row of fixtures.rows) {
      const vol = row[7];
      const r = europeanImpliedVol(row[8], inputsOf(row));
      if (!r.ok) misses.push(`${label(row)}: ${r.message}`);
      else if (!(Math.abs(r.vol - vol) <= 1e-8)) misses.push(`${label(row)}: ${r.vol}`);
      else maxIterations = Math.max(maxIterations, r.iterations);
    }
    expect(misses).toEqual([]);
    expect(maxIterations).toBeLessThanOrEqual(6);
  });
});

describe('European implied vol failure codes', () => {
  const p = bsmInputs('C', 100, 90, 0.5, 0.05, 0.01, 0.3);
  const put = bsmInputs('P', 100, 110, 0.5, 0.05, 0.01, 0.3);
  const dfK = 90 * Math.exp(-0.05 * 0.5);
  const fwdS = 100 * Math.exp(-0.01 * 0.5);

  it.each<[string, number, BsInputs, IvFailureCode]>([
    ['BAD_INPUT for a NaN spot', 12, { ...p, spot: NaN }, 'BAD_INPUT'],
    ['BAD_INPUT for a negative strike', 12, { ...p, strike: -90 }, 'BAD_INPUT'],
    ['BAD_INPUT for a zero price', 0, p, 'BAD_INPUT'],
    ['BAD_INPUT for an infinite price', Infinity, p, 'BAD_INPUT'],
    ['EXPIRED at t = 0', 12, { ...p, t: 0 }, 'EXPIRED'],
    ['EXPIRED after expiry', 12, { ...p, t: -0.1 }, 'EXPIRED'],
    [
      'BELOW_INTRINSIC under the discounted forward intrinsic',
      fwdS - dfK - 0.01,
      p,
      'BELOW_INTRINSIC',
    ],
    ['NO_TIME_VALUE at exactly the bound', fwdS - dfK, p, 'NO_TIME_VALUE'],
    ['ABOVE_UPPER_BOUND for a call worth the stock', fwdS, p, 'ABOVE_UPPER_BOUND'],
    [
      'ABOVE_UPPER_BOUND for a put worth the strike',
      110 * Math.exp(-0.025),
      put,
      'ABOVE_UPPER_BOUND',
    ],
    ['VOL_OUT_OF_RANGE above 1000% vol', bsPrice({ ...p, vol: 20 }), p, 'VOL_OUT_OF_RANGE'],
    [
      'VOL_OUT_OF_RANGE below 0.01% vol (at the money: time value left)',
      bsPrice(black76Inputs('P', 100, 100, 0.5, 0.05, 3e-5)),
      black76Inputs('P', 100, 100, 0.5, 0.05, 0.3),
      'VOL_OUT_OF_RANGE',
    ],
  ])('returns %s', (_name, price, inputs, code) => {
    const r = europeanImpliedVol(price, inputs);
    expect(codeOf(r)).toBe(code);
    if (!r.ok) expect(r.message.startsWith(`${code}: `)).toBe(true);
  });

  it('returns NO_CONVERGENCE when the iteration budget runs out', () => {
    const r = europeanImpliedVol(bsPrice({ ...p, vol: 1.7 }), p, { maxIterations: 1 });
    expect(codeOf(r)).toBe('NO_CONVERGENCE');
  });

  it('honours a narrower vol range', () => {
    const price = bsPrice({ ...p, vol: 0.6 });
    expect(codeOf(europeanImpliedVol(price, p, { maxVol: 0.5 }))).toBe('VOL_OUT_OF_RANGE');
    expect(codeOf(europeanImpliedVol(price, p, { minVol: 0.7 }))).toBe('VOL_OUT_OF_RANGE');
    const r = europeanImpliedVol(price, p, { minVol: 0.59, maxVol: 0.61 });
    expect(r.ok && Math.abs(r.vol - 0.6)).toBeLessThan(1e-12);
  });

  it('never returns NaN and never throws, for any input', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    for (let i = 0; i < 20000; i++) {
      const inputs: BsInputs = {
        right: rnd() < 0.5 ? 'C' : 'P',
        spot: pick([100, 100, 100, 0, -5, NaN, 1e-9, 1e9]),
        strike: 100 * Math.exp((rnd() - 0.5) * 6),
        t: pick([Math.exp(-9 + 11 * rnd()), 0, -1, Infinity]),
        rate: rnd() * 0.12 - 0.02,
        carry: rnd() * 0.1 - 0.05,
        vol: Math.exp(-7 + 10 * rnd()),
      };
      const price =
        rnd() < 0.9 ? bsPrice(inputs) * pick([1, 1, 1, 0.5, 2, 1 + 1e-12]) : pick([-1, NaN, 1e300]);
      const r = europeanImpliedVol(price, inputs);
      if (r.ok) {
        expect(Number.isFinite(r.vol)).toBe(true);
        expect(r.vol).toBeGreaterThan(0);
      } else {
        expect(r.message).toMatch(/^[A-Z_]+: /);
      }
    }
  });
});

describe('American implied vol', () => {
  const cases: BsInputs[] = [];
  for (const right of ['C', 'P'] as const) {
    for (const m of [0.85, 1, 1.15]) {
      for (const t of [30 / 365, 0.25, 1]) {
        for (const vol of [0.2, 0.5, 1.2]) {
          cases.push(bsmInputs(right, 100 * m, 100, t, 0.05, 0.03, vol));
          cases.push(black76Inputs(right, 100 * m, 100, t, 0.05, vol));
        }
      }
    }
  }

  it('recovers the vol of American prices to 1e-8, stocks and futures', () => {
    const misses: string[] = [];
    let skipped = 0;
    for (const p of cases) {
      const price = americanPrice(p);
      // In the exercise region the price is the exercise value for a range of vols.
      if (price - Math.max(p.right === 'C' ? p.spot - p.strike : p.strike - p.spot, 0) < 1e-9) {
        expect(codeOf(americanImpliedVol(price, p))).toBe('NO_TIME_VALUE');
        skipped++;
        continue;
      }
      const r = americanImpliedVol(price, p);
      if (!(r.ok && Math.abs(r.vol - p.vol) <= 1e-8))
        misses.push(`${JSON.stringify(p)}: ${JSON.stringify(r)}`);
    }
    expect(misses).toEqual([]);
    expect(skipped).toBeLessThan(cases.length / 10);
  });

  const p = bsmInputs('P', 90, 100, 0.5, 0.05, 0.01, 0.3);
  it.each<[string, number, BsInputs, IvFailureCode]>([
    ['BAD_INPUT for a negative spot', 12, { ...p, spot: -1 }, 'BAD_INPUT'],
    ['EXPIRED at t = 0', 12, { ...p, t: 0 }, 'EXPIRED'],
    ['BELOW_INTRINSIC under the exercise value', 9.5, p, 'BELOW_INTRINSIC'],
    ['NO_TIME_VALUE at the exercise value', 10, p, 'NO_TIME_VALUE'],
    ['ABOVE_UPPER_BOUND for a put worth the strike', 100, p, 'ABOVE_UPPER_BOUND'],
    ['VOL_OUT_OF_RANGE above 1000% vol', americanPrice({ ...p, vol: 14 }), p, 'VOL_OUT_OF_RANGE'],
  ])('returns %s', (_name, price, inputs, code) => {
    expect(codeOf(americanImpliedVol(price, inputs))).toBe(code);
  });

  it('returns NO_CONVERGENCE when the evaluation budget runs out', () => {
    expect(codeOf(americanImpliedVol(americanPrice(p), p, { maxIterations: 2 }))).toBe(
      'NO_CONVERGENCE',
    );
  });

  it('is what impliedVol dispatches to, and the European solver for European exercise', () => {
    const price = americanPrice(p);
    expect(impliedVol('american', price, p)).toEqual(americanImpliedVol(price, p));
    expect(impliedVol('european', bsPrice(p), p)).toEqual(europeanImpliedVol(bsPrice(p), p));
  });
});
