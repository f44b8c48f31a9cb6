/** Totals, coverage and VaR as the panel words them (pure); alarms are in alarms.ts. */
import type { Coverage, RiskFrame, VarResult } from '@shared/domain/risk';
import { fmt, fmtDelta, fmtGamma, fmtPercent, fmtUsd } from '../../format/numbers';

export const COMPUTING = 'computing…';

export interface CoverageView {
  text: string;
  /** Some positions have no Greeks: every Greek total leaves them out. */
  warn: boolean;
}

const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;

/** "28 of 30 positions with Greeks · 2 local"; warns below 100%. */
export function coverageView(c: Coverage): CoverageView {
  if (c.positions === 0) return { text: 'No positions', warn: false };
  const n = c.positions.toLocaleString('en-US');
  const parts = [
    `${c.withGreeks.toLocaleString('en-US')} of ${n} ${plural(c.positions, 'position')} with Greeks`,
  ];
  if (c.local > 0) parts.push(`${c.local} local`);
  return { text: parts.join(' · '), warn: c.percent < 100 || c.withGreeks < c.positions };
}

export interface Figure {
  key: string;
  label: string;
  /** Spoken / tooltip name. */
  title: string;
  value: string;
  /** Second line, e.g. the $ figure under β-delta. */
  sub?: string;
  /** A known critical fact (NLV at or below zero): drawn red, also while stale. */
  critical?: boolean;
}

export function totalsFigures(f: RiskFrame): Figure[] {
  const t = f.totals;
  const bench = f.benchmark.symbol;
  // No book delta in shares: share counts of different underlyings do not add up (they are
  // shown per underlying in the positions table); the book's delta is $Δ and β-Δ.
  const nlv = f.netLiquidation;
  return [
    {
      key: 'ddelta',
      label: '$Δ',
      title: 'Dollar delta (Σ delta × price over every underlying)',
      value: fmtUsd(t.deltaDollars),
    },
    {
      key: 'bdelta',
      label: 'β-Δ',
      title: `Beta-weighted delta (${bench} shares, $)`,
      value: `${fmtDelta(t.betaDelta)} ${bench}`,
      sub: fmtUsd(t.betaDeltaDollars),
    },
    {
      key: 'gamma',
      label: 'Γ',
      title: 'Gamma (share-equivalents per point)',
      value: fmtGamma(t.gamma),
    },
    { key: 'theta', label: 'Θ', title: 'Theta ($ per day)', value: `${fmtUsd(t.theta)}/d` },
    { key: 'vega', label: 'Vega', title: 'Vega ($ per vol point)', value: `${fmtUsd(t.vega)}/pt` },
    {
      key: 'tv',
      label: 'Θ/V',
      title: 'Theta/vega ratio (|θ| ÷ |ν|)',
      value: fmt(t.thetaVegaRatio, 2),
    },
    {
      key: 'nlv',
      label: 'NLV',
      title:
        nlv !== null && nlv <= 0
          ? 'Net liquidation value: at or below zero'
          : 'Net liquidation value',
      value: fmtUsd(nlv),
      critical: nlv !== null && nlv <= 0,
    },
  ];
}

export interface VarView {
  rows: Array<{ key: string; label: string; value: string; pending: boolean }>;
  sigmaText: string;
  pathsText: string | null;
}

/** VaR figures; Monte Carlo (and everything before the first run) reads "computing…". */
export function varView(v: VarResult | null): VarView {
  const cell = (key: string, label: string, x: number | null | undefined) => ({
    key,
    label,
    value: x === null || x === undefined ? COMPUTING : fmtUsd(x),
    pending: x === null || x === undefined,
  });
  return {
    rows: [
      cell('p95', 'Parametric 95%', v?.parametric95),
      cell('p99', 'Parametric 99%', v?.parametric99),
      cell('mc95', 'Monte Carlo 95%', v?.mc95),
      cell('mc99', 'Monte Carlo 99%', v?.mc99),
    ],
    sigmaText: v ? fmtPercent(v.sigmaDaily, 2) : COMPUTING,
    pathsText: v && v.paths > 0 ? `${v.paths.toLocaleString('en-US')} paths` : null,
  };
}
