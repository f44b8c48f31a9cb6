import { describe, expect, it } from 'vitest';
import { modelPricer } from '../../../../src/main/risk/engine/model-pricer';
import { resolvePositions } from '../../../../src/main/risk/engine/resolve';
import { revaluables } from '../../../../src/main/risk/engine/revalue';
import {
  DEFAULT_SCENARIOS,
  scenarioGrid,
  standardShocks,
} from '../../../../src/main/risk/engine/scenarios';
import {
  dailySigmaFromVix,
  interpolate,
  monteCarloVar,
  NormalSource,
  parametricInputs,
  parametricVar,
  pnlProfile,
  Z95,
  Z99,
} from '../../../../src/main/risk/engine/var';
import { book, line, spxShortPut, underlying } from './book-fixture';

const pricer = modelPricer();
const under = [
  underlying('SPX', 5900, 1, 0.013),
  underlying('AAPL', 230, 1.2),
  underlying('ES', 5915, 1),
];
const linearBook = book(
  [
    line({ underlying: 'AAPL', secType: 'STK', quantity: 300, price: 230, underlyingPrice: 230 }),
    line({
      underlying: 'ES',
      secType: 'FUT',
      quantity: 2,
      multiplier: 50,
      expiry: '2026-12-18',
      price: 5915,
      underlyingPrice: 5915,
    }),
  ],
  under,
);
const optionBook = book(
  [
    spxShortPut(),
    line({
      underlying: 'SPX',
      secType: 'OPT',
      quantity: -2,
      option: { right: 'C', strike: 6100, exercise: 'european' },
      expiry: '2026-12-18',
      price: 16.87,
      underlyingPrice: 5900,
    }),
  ],
  under,
);

function items(b: typeof linearBook) {
  return revaluables(resolvePositions(b, pricer)).items;
}

describe('scenario grid', () => {
  it('is 41 moves × 5 vol shifts with zero P&L at the origin', () => {
    const g = scenarioGrid(items(optionBook), DEFAULT_SCENARIOS);
    expect(g.moves).toHaveLength(41);
    expect(g.volShifts).toEqual([-10, -5, 0, 5, 10]);
    expect(g.pnl.map((r) => r.length)).toEqual([41, 41, 41, 41, 41]);
    expect(g.pnl[2]![20]).toBe(0);
  });

  it('revalues a linear book exactly, moves mapped by beta', () => {
    const g = scenarioGrid(items(linearBook), DEFAULT_SCENARIOS);
    const at = (m: number) => g.pnl[2]![g.moves.indexOf(m)]!;
    const expected = (m: number) => 300 * 230 * 1.2 * (m / 100) + 100 * 5915 * (m / 100);
    for (const m of [-20, -5, -1, 1, 7, 20]) expect(at(m)).toBeCloseTo(expected(m), 6);
    expect(g.pnl[0]).toEqual(g.pnl[4]); // no vol exposure
  });

  it('a short strangle loses on big moves and on vol up, and earns a day of decay', () => {
    const g = scenarioGrid(items(optionBook), DEFAULT_SCENARIOS);
    const i0 = g.moves.indexOf(0);
    expect(g.pnl[2]![g.moves.indexOf(-10)]!).toBeLessThan(-50_000);
    expect(g.pnl[4]![i0]!).toBeLessThan(0);
    expect(g.pnl[0]![i0]!).toBeGreaterThan(0);
    expect(g.decay1d[i0]!).toBeGreaterThan(0);
  });

  it('standard shocks: β-mapped vs uniform differ only through beta', () => {
    const s = standardShocks(items(linearBook));
    expect(s.map((x) => x.label)).toEqual(['+1%', '−1%', '+2%', '−2%', '−5% crash']);
    const crash = s[4]!;
    expect(crash.betaMapped).toBeCloseTo(-(300 * 230 * 1.2 + 100 * 5915) * 0.05, 6);
    expect(crash.uniform).toBeCloseTo(-(300 * 230 + 100 * 5915) * 0.05, 6);
  });
});

describe('American options in the grid', () => {
  const american = book(
    [
      line({
        underlying: 'AAPL',
        secType: 'OPT',
        quantity: -10,
        option: { right: 'P', strike: 240, exercise: 'american' },
        expiry: '2027-06-17',
        price: 19,
        underlyingPrice: 230,
      }),
      line({
        underlying: 'AAPL',
        secType: 'OPT',
        quantity: -10,
        option: { right: 'C', strike: 200, exercise: 'american' },
        expiry: '2027-01-15',
        price: 34,
        underlyingPrice: 230,
      }),
    ],
    [underlying('SPX', 5900), underlying('AAPL', 230, 1.2, 0.03)],
  );

  it('interpolating the early-exercise premium stays within $1 a contract of full evaluation', () => {
    const its = items(american);
    const g = scenarioGrid(its, DEFAULT_SCENARIOS);
    for (const [v, shift] of g.volShifts.entries()) {
      for (const [m, move] of g.moves.entries()) {
        let exact = 0;
        for (const it of its) {
          const spot = it.spot * (1 + (it.beta * move) / 100);
          const vol = Math.max(it.vol + shift / 100, 0.01);
          exact +=
            it.units * (pricer.price({ ...it.spec!, spot }, vol) - pricer.price(it.spec!, it.vol));
        }
        expect(Math.abs(g.pnl[v]![m]! - exact), `vol ${shift} move ${move}`).toBeLessThan(20 * 1);
      }
    }
  });
});

describe('VaR', () => {
  const sigma = dailySigmaFromVix(18);

  it('parametric delta–gamma follows |Δσz| + ½|Γ(σz)²|', () => {
    expect(parametricVar({ deltaDollars: 1e6, gammaDollars: -4e7 }, 0.01, Z95)).toBeCloseTo(
      1e6 * 0.01 * Z95 + 0.5 * 4e7 * (0.01 * Z95) ** 2,
      6,
    );
  });

  it('on a linear book Monte Carlo agrees with the parametric VaR within 5%', () => {
    const p = parametricInputs(resolvePositions(linearBook, pricer));
    const mc = monteCarloVar(items(linearBook), sigma, 10_000, 7);
    expect(mc.var95 / parametricVar(p, sigma, Z95)).toBeGreaterThan(0.95);
    expect(mc.var95 / parametricVar(p, sigma, Z95)).toBeLessThan(1.05);
    expect(mc.var99 / parametricVar(p, sigma, Z99)).toBeGreaterThan(0.95);
    expect(mc.var99 / parametricVar(p, sigma, Z99)).toBeLessThan(1.05);
  });

  it('is seeded: same seed, same VaR; another seed, a different sample', () => {
    const a = monteCarloVar(items(optionBook), sigma, 5_000, 1);
    expect(monteCarloVar(items(optionBook), sigma, 5_000, 1)).toEqual(a);
    expect(monteCarloVar(items(optionBook), sigma, 5_000, 2).var95).not.toBe(a.var95);
  });

  it('the interpolated profile matches per-path full revaluation to well under a dollar', () => {
    const its = items(optionBook);
    const profile = pnlProfile(its, sigma);
    const normals = new NormalSource(3);
    for (let k = 0; k < 200; k++) {
      const x = sigma * normals.normal();
      let exact = 0;
      for (const it of its) {
        const S = it.spot * (1 + it.beta * x);
        exact +=
          it.units *
          (pricer.price({ ...it.spec!, spot: S }, it.vol) - pricer.price(it.spec!, it.vol));
      }
      expect(Math.abs(interpolate(profile.xs, profile.pnl, x) - exact)).toBeLessThan(0.5);
    }
  });

  it('normal draws have mean 0 and variance 1', () => {
    const n = new NormalSource(11);
    let s = 0;
    let s2 = 0;
    const N = 100_000;
    for (let i = 0; i < N; i++) {
      const x = n.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.01);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.015);
  });
});
