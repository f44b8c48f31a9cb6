import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../../src/main/risk/engine/aggregate';
import { modelPricer } from '../../../../src/main/risk/engine/model-pricer';
import { resolvePositions } from '../../../../src/main/risk/engine/resolve';
import { book, line, T0, underlying } from './book-fixture';

const fresh = (delta: number) => ({
  delta,
  gamma: 0.001,
  theta: -0.5,
  vega: 0.8,
  iv: 0.2,
  time: T0,
});
const opt = (right: 'C' | 'P', strike: number) => ({
  right,
  strike,
  exercise: 'american' as const,
});

/** Stocks, SPY/QQQ/SPX options, ES and MES futures and an ES option, with broker deltas. */
function mixedBook(benchmark: 'SPX' | 'SPY' = 'SPX') {
  const under = [
    underlying('SPX', 5900),
    underlying('SPY', 590),
    underlying('QQQ', 510, 1.15),
    underlying('AAPL', 230, 1.2),
    underlying('ES', 5915, 1, 0, 'index'),
    underlying('MES', 5915, 1, 0, 'index'),
  ];
  const positions = [
    line({ underlying: 'AAPL', secType: 'STK', quantity: 100, price: 230, underlyingPrice: 230 }),
    line({
      underlying: 'SPY',
      secType: 'OPT',
      quantity: -5,
      option: opt('P', 570),
      expiry: '2026-12-31',
      price: 5.3,
      underlyingPrice: 590,
      brokerGreeks: fresh(-0.25),
    }),
    line({
      underlying: 'QQQ',
      secType: 'OPT',
      quantity: -3,
      option: opt('C', 540),
      expiry: '2027-01-15',
      price: 6.35,
      underlyingPrice: 510,
      brokerGreeks: fresh(0.3),
    }),
    line({
      underlying: 'SPX',
      secType: 'OPT',
      quantity: -2,
      option: { ...opt('P', 5800), exercise: 'european' },
      expiry: '2026-12-18',
      price: 61,
      underlyingPrice: 5900,
      brokerGreeks: fresh(-0.2),
    }),
    line({
      underlying: 'ES',
      secType: 'FUT',
      quantity: 1,
      multiplier: 50,
      expiry: '2026-12-18',
      price: 5915,
      underlyingPrice: 5915,
    }),
    line({
      underlying: 'MES',
      secType: 'FUT',
      quantity: -2,
      multiplier: 5,
      expiry: '2026-12-18',
      price: 5915,
      underlyingPrice: 5915,
    }),
    line({
      underlying: 'ES',
      secType: 'FOP',
      quantity: -1,
      multiplier: 50,
      option: opt('P', 5700),
      expiry: '2026-12-18',
      price: 43.5,
      underlyingPrice: 5915,
      brokerGreeks: fresh(-0.15),
    }),
  ];
  return book(positions, under, { benchmark, benchmarkPrice: benchmark === 'SPX' ? 5900 : 590 });
}

// beta_delta_i = Δ_i × multiplier_i × qty_i × S_i × β_i / S_B, worked out by hand.
const BY_HAND_SPX = [
  (1 * 1 * 100 * 230 * 1.2) / 5900, // AAPL stock
  (-0.25 * 100 * -5 * 590 * 1) / 5900, // SPY short put
  (0.3 * 100 * -3 * 510 * 1.15) / 5900, // QQQ short call
  (-0.2 * 100 * -2 * 5900 * 1) / 5900, // SPX short put
  (1 * 50 * 1 * 5915 * 1) / 5900, // ES long: already index-equivalent, β = 1
  (1 * 5 * -2 * 5915 * 1) / 5900, // MES short: β = 1 vs SPX, not its own
  (-0.15 * 50 * -1 * 5915 * 1) / 5900, // ES short put
];

describe('beta-weighted delta (dollar-beta formula)', () => {
  it('matches the hand calculation on a mixed book, position by position and in total', () => {
    const b = mixedBook();
    const resolved = resolvePositions(b, modelPricer());
    resolved.forEach((r, i) => expect(r.betaDelta).toBeCloseTo(BY_HAND_SPX[i]!, 10));
    const total = BY_HAND_SPX.reduce((a, x) => a + x, 0);
    expect(total).toBeCloseTo(95.852119, 5);
    const agg = aggregate(b, resolved);
    expect(agg.totals.betaDelta).toBeCloseTo(total, 10);
    expect(agg.totals.betaDeltaDollars).toBeCloseTo(total * 5900, 6);
  });

  it('uses the underlying price, never the strike', () => {
    const b = mixedBook();
    const spy = resolvePositions(b, modelPricer())[1]!;
    expect(spy.betaDelta).toBeCloseTo(12.5, 12);
    expect(spy.betaDelta).not.toBeCloseTo((125 * 570) / 5900, 3);
  });

  it('re-expresses the same risk in SPY shares when SPY is the benchmark', () => {
    const spx = aggregate(mixedBook('SPX'), resolvePositions(mixedBook('SPX'), modelPricer()));
    const spy = aggregate(mixedBook('SPY'), resolvePositions(mixedBook('SPY'), modelPricer()));
    expect(spy.totals.betaDelta).toBeCloseTo(spx.totals.betaDelta * 10, 9);
    expect(spy.totals.betaDeltaDollars).toBeCloseTo(spx.totals.betaDeltaDollars, 6);
  });

  it('sums share deltas per underlying and dollar deltas at each underlying price', () => {
    const b = mixedBook();
    const agg = aggregate(b, resolvePositions(b, modelPricer()));
    const es = agg.byUnderlying.find((u) => u.underlying === 'ES')!;
    expect(es.delta).toBeCloseTo(50 + 7.5, 12);
    expect(es.deltaDollars).toBeCloseTo(57.5 * 5915, 6);
    expect(agg.totals.delta).toBeCloseTo(100 + 125 - 90 + 40 + 50 - 10 + 7.5, 10);
  });
});
