/**
 * Checks on the book's Greeks: β-delta, short vega, theta floor, gamma, theta/vega band and
 * per-underlying concentration. Each returns a draft; finishCheck() applies staleness.
 */
import type { LightCode } from '@shared/domain/risk';
import type { CheckConfig, DollarLimit } from './check-config';
import type { Aggregates } from './aggregate';
import { ceilingUtilization, floorUtilization, money, pct, type CheckDraft } from './lights';

function basisWords(l: DollarLimit, nlv: number | null): string {
  const scaled =
    l.scaler < 1 ? `, tightened ×${l.scaler.toFixed(2)} by the VIX/term-structure scaler` : '';
  return l.basis === 'nlv' && nlv !== null
    ? `${l.pctNlv}% of NLV ${money(nlv)}${scaled}`
    : `the absolute fallback (${nlv === null ? 'NLV unknown' : `NLV ${money(nlv)} is not positive`})${scaled}`;
}

function noLimit(
  code: LightCode,
  name: string,
  unit: string,
  value: number,
  regime: string,
): CheckDraft {
  return {
    code,
    name,
    unit,
    value,
    limit: null,
    utilization: null,
    light: 'green',
    explanation: `No limit applies in the ${regime} regime.`,
  };
}

export function betaDeltaCheck(a: Aggregates, c: CheckConfig, nlv: number | null): CheckDraft {
  const value = Math.abs(a.totals.betaDeltaDollars) * 0.01;
  const name = 'Beta-weighted delta';
  if (!c.betaDelta) return noLimit('BETA_DELTA', name, '$ per 1%', value, c.regime);
  const l = c.betaDelta;
  const u = ceilingUtilization(value, l.limit);
  const side = a.totals.betaDeltaDollars >= 0 ? 'long' : 'short';
  return {
    code: 'BETA_DELTA' as const,
    name,
    unit: '$ per 1%',
    value,
    limit: l.limit,
    utilization: u,
    explanation:
      `The book is ${side} ${Math.abs(a.totals.betaDelta).toFixed(1)} benchmark shares of β-delta: ` +
      `a 1% benchmark move changes its value by ${money(value)}; the ${c.regime} limit is ` +
      `${money(l.limit)} = ${basisWords(l, nlv)}: ${pct(u)} used.`,
  };
}

export function shortVegaCheck(a: Aggregates, c: CheckConfig, nlv: number | null): CheckDraft {
  const short = Math.max(0, -a.totals.vega);
  const name = 'Short vega';
  if (!c.shortVega) return noLimit('SHORT_VEGA', name, '$ per vol pt', short, c.regime);
  const l = c.shortVega;
  const u = ceilingUtilization(short, l.limit);
  const crisis = c.regime === 'crisis' || l.limit === 0;
  let explanation: string;
  if (crisis) {
    explanation =
      short > 0
        ? `Portfolio must be vega-neutral or long in crisis mode; it is short ${money(short)} per vol point.`
        : 'Portfolio is vega-neutral or long, as crisis mode requires.';
  } else {
    explanation =
      `The book loses ${money(short)} per vol point of volatility rise; the ${c.regime} limit is ` +
      `${money(l.limit)} = ${basisWords(l, nlv)}: ${pct(u)} used.`;
  }
  return {
    code: 'SHORT_VEGA' as const,
    name,
    unit: '$ per vol pt',
    value: short,
    limit: l.limit,
    utilization: u,
    explanation,
  };
}

export function thetaCheck(a: Aggregates, c: CheckConfig, nlv: number | null): CheckDraft {
  const theta = a.totals.theta;
  const name = 'Theta';
  if (!c.minTheta) return noLimit('MIN_THETA', name, '$ per day', theta, c.regime);
  const l = c.minTheta;
  const u = floorUtilization(theta, l.limit);
  const earns = theta >= 0 ? `earns ${money(theta)}` : `pays ${money(-theta)}`;
  return {
    code: 'MIN_THETA' as const,
    name,
    unit: '$ per day',
    value: theta,
    limit: l.limit,
    utilization: u,
    explanation:
      `The book ${earns} a day in time decay; the ${c.regime} floor is ${money(l.limit)} = ` +
      `${basisWords(l, nlv)}. Utilization is floor ÷ theta: ${pct(u)}.`,
  };
}

export function gammaCheck(a: Aggregates, c: CheckConfig, nlv: number | null): CheckDraft {
  const value = Math.abs(a.gammaPnl1Pct);
  const name = 'Gamma';
  if (!c.gamma) return noLimit('GAMMA', name, '$ per 1% move', value, c.regime);
  const l = c.gamma;
  const u = ceilingUtilization(value, l.limit);
  const sign = a.gammaPnl1Pct < 0 ? 'costs' : 'adds';
  return {
    code: 'GAMMA' as const,
    name,
    unit: '$ per 1% move',
    value,
    limit: l.limit,
    utilization: u,
    explanation:
      `Gamma ${sign} ${money(value)} on a 1% move of every underlying (beyond delta); the ` +
      `${c.regime} limit is ${money(l.limit)} = ${basisWords(l, nlv)}: ${pct(u)} used.`,
  };
}

/** |θ|/|ν| against its band: green inside, red outside the outer band, yellow between. */
export function thetaVegaCheck(a: Aggregates, c: CheckConfig): CheckDraft {
  const b = c.thetaVegaRatio;
  const { theta, vega } = a.totals;
  const ratio = Math.abs(vega) > 1e-9 ? Math.abs(theta) / Math.abs(vega) : null;
  const base = {
    code: 'THETA_VEGA_RATIO' as const,
    name: 'Theta/vega ratio',
    unit: 'ratio',
    value: ratio,
    limit: null,
    utilization: null,
    band: { ...b },
  };
  if (ratio === null) {
    return {
      ...base,
      light: 'green',
      explanation: 'The book has no vega, so the ratio does not apply.',
    };
  }
  const band = `green ${b.greenLow.toFixed(2)}–${b.greenHigh.toFixed(2)}, red below ${b.redBelow.toFixed(2)} or above ${b.redAbove.toFixed(2)}`;
  const light =
    ratio < b.redBelow || ratio > b.redAbove
      ? 'red'
      : ratio < b.greenLow || ratio > b.greenHigh
        ? 'yellow'
        : 'green';
  const why =
    ratio < b.greenLow
      ? 'too much vega for the decay collected'
      : ratio > b.greenHigh
        ? 'decay is high for the vega held: usually short-dated gamma risk'
        : 'inside the band';
  return {
    ...base,
    light,
    explanation: `|θ| ${money(Math.abs(theta))}/day ÷ |ν| ${money(Math.abs(vega))}/pt = ${ratio.toFixed(2)}: ${why} (${band}).`,
  };
}

export function concentrationChecks(a: Aggregates, c: CheckConfig): CheckDraft[] {
  const worst = (key: 'vegaShare' | 'betaDeltaShare') =>
    a.byUnderlying.reduce<(typeof a.byUnderlying)[number] | null>(
      (w, u) => (w === null || u[key] > w[key] ? u : w),
      null,
    );
  const vegaTop = worst('vegaShare');
  const deltaTop = worst('betaDeltaShare');
  const draft = (
    code: LightCode,
    name: string,
    top: typeof vegaTop,
    key: 'vegaShare' | 'betaDeltaShare',
    max: number,
    what: string,
  ): CheckDraft => {
    const share = top?.[key] ?? 0;
    const u = ceilingUtilization(share, max);
    return {
      code,
      name,
      unit: '% of book',
      value: share,
      limit: max,
      utilization: u,
      subject: top?.underlying ?? null,
      explanation: top
        ? `${top.underlying} carries ${pct(share)} of the book's ${what}; at most ${pct(max, 0)} may sit in one underlying: ${pct(u)} used.`
        : `The book has no ${what}.`,
    };
  };
  return [
    draft(
      'VEGA_CONCENTRATION',
      'Vega concentration',
      vegaTop,
      'vegaShare',
      c.maxUnderlyingVegaSharePct,
      '|vega|',
    ),
    draft(
      'DELTA_CONCENTRATION',
      'Delta concentration',
      deltaTop,
      'betaDeltaShare',
      c.maxBetaDeltaSharePct,
      '|β-delta|',
    ),
  ];
}
