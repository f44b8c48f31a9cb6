/**
 * A realistic risk frame for renderer tests: a short-premium SPX book in a high-volatility
 * regime. Every builder parses through RiskFrameSchema, so a fixture can never drift from the
 * contract.
 */
import {
  RiskFrameSchema,
  type LimitCheck,
  type RiskFrame,
  type ScenarioGrid,
} from '@shared/domain/risk';

export const T0 = 1_767_000_000_000;

export function check(over: Partial<LimitCheck> = {}): LimitCheck {
  return {
    code: 'BETA_DELTA',
    name: 'Beta-weighted delta',
    value: 6_960,
    limit: 7_500,
    unit: '$ per 1%',
    utilization: 92.8,
    light: 'yellow',
    explanation:
      'The book is short 120.0 benchmark shares of β-delta: a 1% benchmark move changes its value by $6,960; the high_volatility limit is $7,500: 92.8% used.',
    subject: null,
    band: null,
    ...over,
  };
}

export const THETA_VEGA_EXPLANATION =
  '|θ| $4,200/day ÷ |ν| $14,500/pt = 0.29: inside the band (green 0.25–0.40, red below 0.20 or above 0.50).';

export function lights(): LimitCheck[] {
  return [
    check(),
    check({
      code: 'SHORT_VEGA',
      name: 'Short vega',
      value: 14_500,
      limit: 15_000,
      unit: '$ per vol pt',
      utilization: 96.7,
      light: 'yellow',
      explanation: 'The book loses $14,500 per vol point of volatility rise: 96.7% used.',
    }),
    check({
      code: 'MIN_THETA',
      name: 'Theta',
      value: 4_200,
      limit: 2_000,
      unit: '$ per day',
      utilization: 47.6,
      light: 'green',
      explanation: 'The book earns $4,200 a day in time decay.',
    }),
    check({
      code: 'GAMMA',
      name: 'Gamma',
      value: 2_150,
      limit: 2_000,
      unit: '$ per 1% move',
      utilization: 107.5,
      light: 'red',
      explanation: 'Gamma costs $2,150 on a 1% move of every underlying: 107.5% used.',
    }),
    check({
      code: 'THETA_VEGA_RATIO',
      name: 'Theta/vega ratio',
      value: 0.29,
      limit: null,
      unit: 'ratio',
      utilization: null,
      light: 'green',
      explanation: THETA_VEGA_EXPLANATION,
      band: { redBelow: 0.2, greenLow: 0.25, greenHigh: 0.4, redAbove: 0.5 },
    }),
    check({
      code: 'VEGA_CONCENTRATION',
      name: 'Vega concentration',
      value: 62.1,
      limit: 50,
      unit: '% of book',
      utilization: 124.2,
      light: 'red',
      explanation: "SPX carries 62.1% of the book's |vega|; at most 50% may sit in one underlying.",
      subject: 'SPX',
    }),
  ];
}

export const MOVES = [
  -20, -15, -10, -7.5, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20,
];
export const VOL_SHIFTS = [-10, -5, 0, 5, 10];

/** Short β-delta, short gamma, short vega: losses grow with the move either way and with vol. */
export function scenarioPnl(move: number, volShift: number): number {
  return -6_960 * move - 0.5 * 2_150 * move * move - 14_500 * volShift;
}

export function grid(over: Partial<ScenarioGrid> = {}): ScenarioGrid {
  const moves = over.moves ?? MOVES;
  const volShifts = over.volShifts ?? VOL_SHIFTS;
  return {
    moves,
    volShifts,
    pnl: volShifts.map((v) => moves.map((m) => scenarioPnl(m, v))),
    decay1d: moves.map((m) => scenarioPnl(m, 0) + 4_200),
    mode: 'beta',
    ...over,
  };
}

export function riskFrame(over: Partial<RiskFrame> = {}): RiskFrame {
  const greeks = {
    delta: -850,
    deltaDollars: -650_000,
    betaDelta: -120,
    betaDeltaDollars: -696_000,
    gamma: -35,
    theta: 4_200,
    vega: -14_500,
  };
  const frame: RiskFrame = {
    asOf: T0,
    valuationTime: T0,
    benchmark: { symbol: 'SPX', price: 5_800 },
    netLiquidation: 1_000_000,
    regime: {
      name: 'high_volatility',
      since: T0 - 3_600_000,
      vix: 24.5,
      vix3m: 23.1,
      vvix: 118,
      termRatio: 0.94,
      pending: 'crisis',
      scaler: 0.85,
    },
    totals: { ...greeks, thetaVegaRatio: 0.29 },
    byUnderlying: [
      {
        ...greeks,
        underlying: 'SPX',
        price: 5_800,
        beta: 1,
        betaSource: 'index',
        positions: 30,
        vegaShare: 62.1,
        betaDeltaShare: 100,
      },
    ],
    byExpiry: [{ ...greeks, expiry: '2026-01-16', dte: 4, positions: 30 }],
    gammaByDte: [
      { bucket: '0-2', gamma: -4, gammaDollarsPer1Pct: -13_456 },
      { bucket: '3-7', gamma: -12, gammaDollarsPer1Pct: -40_368 },
      { bucket: '8-30', gamma: -15, gammaDollarsPer1Pct: -50_460 },
      { bucket: '31-60', gamma: -5, gammaDollarsPer1Pct: -16_820 },
      { bucket: '>60', gamma: 1, gammaDollarsPer1Pct: 3_364 },
    ],
    coverage: { positions: 30, withGreeks: 28, broker: 26, local: 2, none: 2, percent: 93.33 },
    lights: lights(),
    alarms: [
      {
        code: 'BETA_UNAVAILABLE',
        severity: 'info',
        subject: 'XYZ',
        message: 'No beta for XYZ: 1.0 assumed.',
      },
      {
        code: 'SHORT_OPTION_EXPIRY',
        severity: 'warning',
        subject: 'SPX 16 Jan 26 5600 P',
        message: 'Short option expires in 4 days.',
      },
      {
        code: 'SHORT_OPTION_EXPIRY',
        severity: 'critical',
        subject: 'SPX 14 Jan 26 5500 P',
        message: 'Short option expires in 2 days.',
      },
    ],
    stale: false,
    staleReason: null,
    failure: null,
    scenarios: grid(),
    standardShocks: [
      { label: '+1%', move: 1, betaMapped: -8_035, uniform: -8_035 },
      { label: '−1%', move: -1, betaMapped: 5_885, uniform: 5_885 },
      { label: '+2%', move: 2, betaMapped: -18_220, uniform: -18_220 },
      { label: '−2%', move: -2, betaMapped: 9_620, uniform: 9_620 },
      { label: '−5%', move: -5, betaMapped: 7_925, uniform: 7_925 },
    ],
    var: {
      parametric95: 18_500,
      parametric99: 26_200,
      mc95: null,
      mc99: null,
      sigmaDaily: 0.0154,
      paths: 0,
      seed: 1,
    },
    heavy: { inputTime: T0, computedAt: T0, stale: false },
    ...over,
  };
  return RiskFrameSchema.parse(frame);
}

/** The frame as the core sends it while inputs are stale: every light is `stale`. */
export function staleFrame(reason = 'broker down'): RiskFrame {
  return riskFrame({
    stale: true,
    staleReason: reason,
    lights: lights().map((l) => ({ ...l, light: 'stale' as const })),
  });
}
