import { describe, expect, it } from 'vitest';
import {
  black76Inputs,
  bsGreeks,
  bsGreeksInto,
  bsmInputs,
  bsPrice,
  bsPriceAt,
  newBsResult,
  type BsInputs,
  type BsResult,
} from '../../../../src/main/risk/pricing/black-scholes';
import { european, inputsOf, label } from './fixtures';

const GREEKS = ['price', 'delta', 'gamma', 'vega', 'theta'] as const;

/** |ours − reference| ≤ 1e-9·|reference| + 1e-10. */
function within(ours: number, reference: number): boolean {
  return Math.abs(ours - reference) <= 1e-9 * Math.abs(reference) + 1e-10;
}

describe('European pricing against QuantLib (AnalyticEuropeanEngine)', () => {
  it('covers the issue grid: calls and puts, BSM with dividends and Black-76', () => {
    expect(european.rows).toHaveLength(2700);
    expect(new Set(european.rows.map((r) => r[0]))).toEqual(new Set(['bsm', 'black76']));
  });

  it.each(GREEKS.map((g, i) => [g, i] as const))(
    'matches %s on every fixture case to 1e-9 relative (1e-10 absolute near zero)',
    (greek, column) => {
      const misses: string[] = [];
      for (const row of european.rows) {
        const ours = bsGreeks(inputsOf(row))[greek];
        const reference = row[8 + column] as number;
        if (!within(ours, reference)) misses.push(`${label(row)}: ${ours} vs ${reference}`);
      }
      expect(misses).toEqual([]);
    },
  );
});

describe('European textbook values', () => {
  // Hull, Options, Futures and Other Derivatives, Example 15.6 (S 42, K 40, r 10%, σ 20%, T 0.5).
  it('prices Hull example 15.6: call 4.76, put 0.81', () => {
    expect(bsPrice(bsmInputs('C', 42, 40, 0.5, 0.1, 0, 0.2))).toBeCloseTo(4.7594, 4);
    expect(bsPrice(bsmInputs('P', 42, 40, 0.5, 0.1, 0, 0.2))).toBeCloseTo(0.8086, 4);
  });

  // Hull Example 18.8 (Black's model): futures 20, strike 20, r 9%, 4 months, σ 25% — put 1.12.
  it('prices Hull example 18.8 with Black-76: put 1.12, and the call equals it at the money', () => {
    const put = bsPrice(black76Inputs('P', 20, 20, 4 / 12, 0.09, 0.25));
    expect(put).toBeCloseTo(1.1166, 4);
    expect(bsPrice(black76Inputs('C', 20, 20, 4 / 12, 0.09, 0.25))).toBeCloseTo(put, 12);
  });
});

describe('European identities', () => {
  it.each([
    [100, 90, 0.25, 0.03, 0.01, 0.25],
    [5900, 5800, 28 / 365, 0.045, 0.013, 0.16],
    [230, 260, 2, 0.06, 0.03, 0.6],
    [100, 130, 1 / 365, 0, 0.03, 1.5],
  ])('satisfies put–call parity (S %d, K %d)', (s, k, t, r, q, v) => {
    const c = bsPrice(bsmInputs('C', s, k, t, r, q, v));
    const p = bsPrice(bsmInputs('P', s, k, t, r, q, v));
    expect(c - p).toBeCloseTo(s * Math.exp(-q * t) - k * Math.exp(-r * t), 9);
  });

  it('gives the same numbers through every entry point', () => {
    const out = newBsResult();
    for (const row of european.rows.filter((_, i) => i % 7 === 0)) {
      const p = inputsOf(row);
      const g = bsGreeks(p);
      expect(bsGreeksInto(out, p)).toEqual(g);
      expect(bsPrice(p)).toBe(g.price);
      expect(bsPriceAt(p.right === 'C', p.spot, p.strike, p.t, p.rate, p.carry, p.vol)).toBe(
        g.price,
      );
    }
  });

  it('never returns NaN, however extreme the inputs', () => {
    for (const s of [1e-8, 1, 100, 1e8]) {
      for (const t of [0, 1e-12, 1e-6, 1, 50]) {
        for (const v of [0, 1e-8, 0.2, 10]) {
          for (const right of ['C', 'P'] as const) {
            const g = bsGreeks(bsmInputs(right, s, 100, t, 0.05, 0.02, v));
            for (const key of Object.keys(g) as (keyof BsResult)[]) {
              expect(Number.isNaN(g[key]), `${right} S=${s} t=${t} σ=${v} ${key}`).toBe(false);
            }
          }
        }
      }
    }
  });
});

describe('European Greeks against finite differences', () => {
  // vanna and charm have no QuantLib column: check them (and the rest) against central
  // differences of the closed-form price and delta.
  describe.each([
    ['BSM call', bsmInputs('C', 100, 105, 0.4, 0.04, 0.015, 0.3)],
    ['BSM put, short-dated', bsmInputs('P', 100, 97, 7 / 365, 0.04, 0.015, 0.25)],
    ['BSM put, high vol', bsmInputs('P', 100, 85, 2, 0.06, 0.03, 1.5)],
    ['Black-76 call', black76Inputs('C', 5915, 6000, 0.2, 0.045, 0.17)],
    ['Black-76 put', black76Inputs('P', 5915, 5800, 0.2, 0.045, 0.17)],
  ])('%s', (_name, p: BsInputs) => {
    const g = bsGreeks(p);
    const at = (change: Partial<BsInputs>) => bsPrice({ ...p, ...change });
    const delta = (change: Partial<BsInputs>) => bsGreeks({ ...p, ...change }).delta;
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
    const hs = p.spot * 1e-3 * p.vol * Math.sqrt(p.t); // a thousandth of a standard deviation
    const hv = 1e-5;
    const ht = p.t * 1e-5;
    it('delta and gamma', () => {
      expect(
        rel(g.delta, (at({ spot: p.spot + hs }) - at({ spot: p.spot - hs })) / (2 * hs)),
      ).toBeLessThan(1e-5);
      const fd = (at({ spot: p.spot + hs }) - 2 * g.price + at({ spot: p.spot - hs })) / (hs * hs);
      expect(rel(g.gamma, fd)).toBeLessThan(1e-4);
    });
    it('vega', () => {
      expect(
        rel(g.vega, (at({ vol: p.vol + hv }) - at({ vol: p.vol - hv })) / (2 * hv)),
      ).toBeLessThan(1e-7);
    });
    it('theta (value lost as calendar time passes)', () => {
      expect(rel(g.theta, (at({ t: p.t - ht }) - at({ t: p.t + ht })) / (2 * ht))).toBeLessThan(
        1e-6,
      );
    });
    it('vanna', () => {
      const fd = (delta({ vol: p.vol + hv }) - delta({ vol: p.vol - hv })) / (2 * hv);
      expect(rel(g.vanna, fd)).toBeLessThan(1e-6);
    });
    it('charm (delta change as calendar time passes)', () => {
      const fd = (delta({ t: p.t - ht }) - delta({ t: p.t + ht })) / (2 * ht);
      expect(rel(g.charm, fd)).toBeLessThan(1e-5);
    });
  });
});
