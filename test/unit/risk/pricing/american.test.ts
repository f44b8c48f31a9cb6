import { describe, expect, it } from 'vitest';
import {
  americanGreeks,
  americanPrice,
  americanPriceBs2002,
  AmericanPricer,
} from '../../../../src/main/risk/pricing/american';
import {
  boundaryAt,
  putPrice,
  solvePutBoundary,
} from '../../../../src/main/risk/pricing/american-boundary';
import { lrAmericanPrice } from '../../../../src/main/risk/pricing/binomial-lr';
import {
  black76Inputs,
  bsmInputs,
  bsPrice,
  type BsInputs,
  type BsResult,
} from '../../../../src/main/risk/pricing/black-scholes';
import { american, inputsOf, label } from './fixtures';

const intrinsic = (p: BsInputs) =>
  Math.max(p.right === 'C' ? p.spot - p.strike : p.strike - p.spot, 0);
/** Below 1e-5 of the strike (a tenth of a cent on 100) the tree's own error dominates. */
const floorOf = (p: BsInputs) => 1e-5 * p.strike;

describe('American prices against QuantLib', () => {
  const ours = american.rows.map((row) => americanPrice(inputsOf(row)));

  it('stay within 0.1% of the 2001-step Leisen–Reimer tree on the whole grid', () => {
    const misses: string[] = [];
    american.rows.forEach((row, i) => {
      const lr = row[8];
      const error = Math.abs(ours[i]! - lr) / Math.max(lr, floorOf(inputsOf(row)));
      if (!(error <= 1e-3)) misses.push(`${label(row)}: ${ours[i]} vs ${lr} (${error})`);
    });
    expect(misses).toEqual([]);
  });

  it('stay within 2e-4 of QuantLib’s high-precision integral engine (QdFp)', () => {
    const misses: string[] = [];
    american.rows.forEach((row, i) => {
      const qdfp = row[11];
      const error = Math.abs(ours[i]! - qdfp) / Math.max(qdfp, floorOf(inputsOf(row)));
      if (!(error <= 2e-4)) misses.push(`${label(row)}: ${ours[i]} vs ${qdfp} (${error})`);
    });
    expect(misses).toEqual([]);
  });

  it('are never below the European price or intrinsic value', () => {
    american.rows.forEach((row, i) => {
      const p = inputsOf(row);
      expect(ours[i]!).toBeGreaterThanOrEqual(bsPrice(p));
      expect(ours[i]!).toBeGreaterThanOrEqual(intrinsic(p));
    });
  });

  it('equal the European price for calls without dividends (never exercised early)', () => {
    american.rows.forEach((row, i) => {
      const p = inputsOf(row);
      if (p.right === 'C' && p.carry >= p.rate) expect(ours[i]).toBe(bsPrice(p));
    });
  });
});

describe('American Greeks', () => {
  it('agree with the QuantLib tree’s delta (1e-3) and gamma (5%) away from the exercise boundary', () => {
    const misses: string[] = [];
    american.rows.forEach((row, i) => {
      const p = inputsOf(row);
      if (i % 3 !== 0 || p.t < 7 / 365 || row[8] - intrinsic(p) < 0.01) return;
      const g = americanGreeks(p);
      if (!(Math.abs(g.delta - row[9]) <= 1e-3))
        misses.push(`${label(row)} delta ${g.delta} vs ${row[9]}`);
      if (!(Math.abs(g.gamma - row[10]) <= 0.05 * Math.max(Math.abs(row[10]), 1e-3))) {
        misses.push(`${label(row)} gamma ${g.gamma} vs ${row[10]}`);
      }
    });
    expect(misses).toEqual([]);
  });

  // Each Greek against a central difference of the price (or of the delta) with steps ten
  // times those americanGreeks uses: the two agree only if the Greeks are derivatives of the price.
  describe.each([
    ['put in the money', bsmInputs('P', 92, 100, 0.5, 0.05, 0.01, 0.3)],
    ['put, two years, high vol', bsmInputs('P', 100, 100, 2, 0.06, 0.03, 0.8)],
    ['call with a dividend yield', bsmInputs('C', 105, 100, 1, 0.02, 0.05, 0.25)],
    ['short-dated put', bsmInputs('P', 99, 100, 7 / 365, 0.05, 0, 0.2)],
    ['futures call (b = 0)', black76Inputs('C', 5900, 5800, 0.4, 0.05, 0.18)],
    ['futures put (b = 0)', black76Inputs('P', 5700, 5800, 0.4, 0.05, 0.18)],
  ])('%s: finite differences of the price', (_name, p: BsInputs) => {
    const g = americanGreeks(p);
    const price = (change: Partial<BsInputs>) => americanPrice({ ...p, ...change });
    const delta = (change: Partial<BsInputs>, h: number) => {
      const pricer = new AmericanPricer({ ...p, ...change });
      return (pricer.price(p.spot + h) - pricer.price(p.spot - h)) / (2 * h);
    };
    const hs = 10 * p.spot * Math.min(1e-3, 1e-2 * p.vol * Math.sqrt(p.t));
    const hv = 1e-3 * p.vol;
    const ht = 1e-2 * p.t;
    const close = (ours: number, fd: number, scale: number) =>
      expect(Math.abs(ours - fd)).toBeLessThanOrEqual(2e-3 * Math.abs(fd) + 1e-6 * scale);
    it('price is the engine’s price', () => expect(g.price).toBe(americanPrice(p)));
    it('delta', () =>
      close(g.delta, (price({ spot: p.spot + hs }) - price({ spot: p.spot - hs })) / (2 * hs), 1));
    it('gamma', () => {
      const fd =
        (price({ spot: p.spot + hs }) - 2 * g.price + price({ spot: p.spot - hs })) / (hs * hs);
      close(g.gamma, fd, 1 / p.spot);
    });
    it('vega', () =>
      close(g.vega, (price({ vol: p.vol + hv }) - price({ vol: p.vol - hv })) / (2 * hv), p.spot));
    it('theta (per year, negative = decay)', () => {
      close(g.theta, (price({ t: p.t - ht }) - price({ t: p.t + ht })) / (2 * ht), p.spot);
    });
    it('vanna', () => {
      const h = hs / 10;
      close(g.vanna, (delta({ vol: p.vol + hv }, h) - delta({ vol: p.vol - hv }, h)) / (2 * hv), 1);
    });
    it('charm', () => {
      const h = hs / 10;
      close(g.charm, (delta({ t: p.t - ht }, h) - delta({ t: p.t + ht }, h)) / (2 * ht), 1);
    });
  });

  it('are those of the European model when early exercise never pays', () => {
    const p = bsmInputs('C', 100, 95, 0.5, 0.04, 0, 0.3);
    const g = americanGreeks(p);
    expect(g.price).toBe(bsPrice(p));
    expect(g.delta).toBeGreaterThan(0.5);
  });
});

describe('American model consistency', () => {
  it('has an exercise boundary that starts at K·min(1, r/q), falls with time, and prices intrinsic on it', () => {
    for (const [r, q] of [
      [0.05, 0],
      [0.03, 0.06],
    ] as const) {
      const bd = solvePutBoundary(1, r, q, 0.3);
      expect(boundaryAt(bd, 0)).toBeCloseTo(Math.min(1, r / q), 12);
      let previous = Infinity;
      for (const tau of [0.01, 0.1, 0.3, 0.6, 1]) {
        const b = boundaryAt(bd, tau);
        expect(b).toBeLessThan(previous);
        previous = b;
      }
      const onBoundary = 100 * boundaryAt(bd, 1);
      expect(putPrice(bd, onBoundary, 100)).toBeCloseTo(100 - onBoundary, 10);
      expect(putPrice(bd, onBoundary * 1.05, 100)).toBeGreaterThan(100 - onBoundary * 1.05);
    }
  });

  it('prices a call as the put with spot and strike, rate and yield swapped', () => {
    const call = americanPrice(bsmInputs('C', 110, 100, 1.5, 0.03, 0.06, 0.35));
    const put = americanPrice(bsmInputs('P', 100, 110, 1.5, 0.06, 0.06 - 0.03, 0.35));
    expect(call).toBeCloseTo(put, 10);
  });

  it('agrees with an independent Leisen–Reimer tree of our own to 2e-4', () => {
    for (const p of [
      bsmInputs('P', 90, 100, 1, 0.05, 0.02, 0.3),
      bsmInputs('C', 120, 100, 0.75, 0.02, 0.06, 0.4),
      black76Inputs('P', 95, 100, 0.5, 0.06, 0.25),
    ]) {
      const lr = lrAmericanPrice(
        p.right === 'C',
        p.spot,
        p.strike,
        p.t,
        p.rate,
        p.carry,
        p.vol,
        1601,
      );
      expect(Math.abs(americanPrice(p) - lr) / lr).toBeLessThan(2e-4);
    }
  });

  it('falls back to the tree for negative rates and still bounds the price', () => {
    const p = bsmInputs('P', 95, 100, 1, -0.01, -0.03, 0.25);
    const price = americanPrice(p);
    expect(Number.isFinite(price)).toBe(true);
    expect(price).toBeGreaterThanOrEqual(Math.max(bsPrice(p), intrinsic(p)));
  });

  it('keeps Bjerksund–Stensland 2002 above the European price and within 1% on ordinary options', () => {
    for (const p of [
      bsmInputs('P', 95, 100, 0.25, 0.05, 0.01, 0.25),
      bsmInputs('P', 100, 100, 0.5, 0.03, 0, 0.3),
      bsmInputs('C', 105, 100, 0.5, 0.03, 0.06, 0.3),
    ]) {
      const bs = americanPriceBs2002(p);
      expect(bs).toBeGreaterThanOrEqual(bsPrice(p));
      expect(Math.abs(bs - americanPrice(p)) / americanPrice(p)).toBeLessThan(1e-2);
    }
  });

  it('never returns NaN, at expiry or at extreme inputs', () => {
    const cases = [
      bsmInputs('P', 100, 100, 0, 0.05, 0, 0.2),
      bsmInputs('P', 1e-6, 100, 1, 0.05, 0, 0.2),
      bsmInputs('C', 1e6, 100, 1, 0.05, 0.03, 0.2),
      bsmInputs('P', 100, 100, 1e-9, 0.05, 0, 0.2),
      bsmInputs('P', 100, 100, 5, 0.2, 0, 3),
      bsmInputs('C', 100, 100, 1, 0.05, 0.2, 1e-6),
      black76Inputs('C', 100, 80, 2, 0.1, 0.05),
    ];
    for (const p of cases) {
      const g: BsResult = americanGreeks(p);
      for (const [key, value] of Object.entries(g)) {
        expect(Number.isNaN(value), `${JSON.stringify(p)} ${key}`).toBe(false);
      }
    }
  });
});
