import { describe, expect, it } from 'vitest';
import type { Alarm } from '@shared/domain/risk';
import type { Aggregates } from '../../../../src/main/risk/engine/aggregate';
import { zeroTotals } from '../../../../src/main/risk/engine/aggregate';
import { drawdownCheck, marginCushionCheck } from '../../../../src/main/risk/engine/checks-book';
import {
  betaDeltaCheck,
  gammaCheck,
  shortVegaCheck,
  thetaCheck,
  thetaVegaCheck,
} from '../../../../src/main/risk/engine/checks-greeks';
import { finishCheck, lightFor, type CheckDraft } from '../../../../src/main/risk/engine/lights';
import { config } from './config-fixture';

function agg(over: Partial<Aggregates['totals']> & { gammaPnl1Pct?: number }): Aggregates {
  const { gammaPnl1Pct = 0, ...totals } = over;
  return {
    totals: { ...zeroTotals(), ...totals },
    byUnderlying: [],
    byExpiry: [],
    gammaByDte: [],
    coverage: { positions: 1, withGreeks: 1, broker: 1, local: 0, none: 0, percent: 100 },
    gammaPnl1Pct,
  };
}

const c = config('neutral', 250_000);
const T = c.lights;
const betaLimit = c.betaDelta!.limit; // $3,000 per 1% move
const vegaLimit = c.shortVega!.limit; // $12,000 per vol point
const gammaLimit = c.gamma!.limit; // $350
const thetaFloor = c.minTheta!.limit; // $300/day

/** Checks built so their utilization is exactly `u` percent. */
const AT: Record<string, (u: number) => CheckDraft> = {
  'Beta-weighted delta': (u) =>
    betaDeltaCheck(agg({ betaDeltaDollars: ((betaLimit * u) / 100) * 100 }), c, 250_000),
  'Short vega': (u) => shortVegaCheck(agg({ vega: (-vegaLimit * u) / 100 }), c, 250_000),
  Gamma: (u) => gammaCheck(agg({ gammaPnl1Pct: (-gammaLimit * u) / 100 }), c, 250_000),
  Theta: (u) => thetaCheck(agg({ theta: thetaFloor / (u / 100) }), c, 250_000),
  'Margin cushion': (u) =>
    marginCushionCheck(
      {
        netLiquidation: 100_000,
        excessLiquidity: (100_000 * c.marginCushionMin) / (u / 100),
        startOfDayNetLiquidation: null,
      },
      c,
      [],
    ),
  'Daily drawdown': (u) =>
    drawdownCheck(
      {
        netLiquidation: 100_000 * (1 - (c.dailyDrawdownPct * u) / 10_000),
        excessLiquidity: 0,
        startOfDayNetLiquidation: 100_000,
      },
      c,
    ),
};

describe('traffic lights: green < 80%, yellow 80–100%, red > 100%', () => {
  it.each([
    [79, 'green'],
    [80, 'yellow'],
    [100, 'yellow'],
    [101, 'red'],
  ] as const)('lightFor(%d) is %s', (u, light) => {
    expect(lightFor(u)).toBe(light);
  });

  for (const [name, make] of Object.entries(AT)) {
    it.each([
      [79, 'green'],
      [80, 'yellow'],
      [100, 'yellow'],
      [101, 'red'],
    ] as const)(`${name} at %d%% is %s`, (u, light) => {
      const check = finishCheck(make(u), null, T);
      expect(check.name).toBe(name);
      expect(check.utilization).toBeCloseTo(u, 9);
      expect(check.light).toBe(light);
    });
  }

  it('a stale input is grey whatever the reading, and says why', () => {
    const check = finishCheck(AT['Short vega']!(10), 'broker down: socket closed', T);
    expect(check.light).toBe('stale');
    expect(check.explanation).toMatch(/^Stale: broker down: socket closed\./);
  });

  it('crisis demands vega-neutral or long, in those words', () => {
    const crisis = config('crisis');
    const short = finishCheck(shortVegaCheck(agg({ vega: -50 }), crisis, 250_000), null, T);
    expect(short.light).toBe('red');
    expect(short.explanation).toContain('Portfolio must be vega-neutral or long in crisis mode');
    expect(short.explanation).not.toContain('exceeds');
    const long = finishCheck(shortVegaCheck(agg({ vega: 50 }), crisis, 250_000), null, T);
    expect(long.light).toBe('green');
  });

  it('theta/vega ratio: green inside 0.25–0.40, yellow between bands, red outside 0.20–0.50', () => {
    const at = (ratio: number) =>
      finishCheck(thetaVegaCheck(agg({ theta: ratio * 1000, vega: -1000 }), c), null, T).light;
    expect([at(0.19), at(0.22), at(0.3), at(0.45), at(0.51)]).toEqual([
      'red',
      'yellow',
      'green',
      'yellow',
      'red',
    ]);
  });

  it.each([
    ['negative net liquidation', -5_269, -40_000, /wiped out/],
    ['zero net liquidation', 0, -1_000, /wiped out/],
    ['negative excess liquidity', 120_000, -3_000, /below maintenance margin/],
  ])('%s turns margin cushion red with a margin-call alarm', (_what, nlv, el, words) => {
    const alarms: Alarm[] = [];
    const acct = { netLiquidation: nlv, excessLiquidity: el, startOfDayNetLiquidation: 299_000 };
    const check = finishCheck(marginCushionCheck(acct, c, alarms), null, T);
    expect(check.light).toBe('red');
    expect(check.explanation).toMatch(words);
    expect(alarms).toEqual([
      expect.objectContaining({ code: 'MARGIN_CALL', severity: 'critical' }),
    ]);
    if (nlv <= 0) expect(finishCheck(drawdownCheck(acct, c), null, T).light).toBe('red');
  });

  it('a blown account evaluates limits against the absolute fallbacks, in those words', () => {
    const blown = config('neutral', -5_000);
    expect(blown.betaDelta!.basis).toBe('absolute');
    const check = betaDeltaCheck(agg({ betaDeltaDollars: 100_000 }), blown, -5_000);
    expect(check.explanation).toContain('absolute fallback (NLV -$5,000 is not positive)');
  });

  it('the drawdown light does not claim a block the app does not enforce yet', () => {
    const acct = {
      netLiquidation: 90_000,
      excessLiquidity: 50_000,
      startOfDayNetLiquidation: 100_000,
    };
    const check = finishCheck(drawdownCheck(acct, c), null, T);
    expect(check.light).toBe('red');
    expect(check.explanation).not.toMatch(/blocked|Reduce-only/);
  });

  it('uses the absolute fallback while NLV is unknown', () => {
    const noNlv = config('neutral', null);
    const check = betaDeltaCheck(agg({ betaDeltaDollars: 100_000 }), noNlv, null);
    expect(check.limit).toBe(noNlv.betaDelta!.limit);
    expect(noNlv.betaDelta!.basis).toBe('absolute');
    expect(check.explanation).toContain('absolute fallback');
  });
});
