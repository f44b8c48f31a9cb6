/**
 * The risk frame as a plain-text report for a terminal: regime, totals, lights with their
 * explanations, alarms, positions, scenario table and VaR — and a projection when given.
 */
import type { LimitCheck, RiskFrame } from '@shared/domain/risk';
import type { Violation } from '../engine/projection';

const num = (v: number | null | undefined, digits = 0): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const usd = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v < 0 ? '−' : ''}$${num(Math.abs(v))}`;

function table(rows: string[][], align: Array<'l' | 'r'>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const LIGHT_MARK: Record<LimitCheck['light'], string> = {
  green: 'GREEN ',
  yellow: 'YELLOW',
  red: 'RED   ',
  stale: 'STALE ',
};

function lightsTable(lights: readonly LimitCheck[]): string {
  const rows = [['', 'limit', 'value', 'limit', 'used', 'unit']];
  for (const l of lights) {
    rows.push([
      LIGHT_MARK[l.light],
      l.name,
      num(l.value, l.unit === 'ratio' ? 2 : 0),
      num(l.limit, l.unit === 'ratio' ? 2 : 0),
      l.utilization === null ? '' : `${num(l.utilization, 0)}%`,
      l.unit,
    ]);
  }
  const explanations = lights.map((l) => `  ${l.name}: ${l.explanation}`).join('\n');
  return `${table(rows, ['l', 'l', 'r', 'r', 'r', 'l'])}\n\nWhy:\n${explanations}`;
}

function scenarioTable(f: RiskFrame): string {
  const s = f.scenarios;
  if (!s) return 'Scenarios: not computed';
  const show = [-20, -10, -5, -2, -1, 0, 1, 2, 5, 10, 20];
  const cols = show.map((m) => s.moves.indexOf(m)).filter((i) => i >= 0);
  const header = ['vol \\ move', ...cols.map((i) => `${s.moves[i]! > 0 ? '+' : ''}${s.moves[i]}%`)];
  const rows = s.volShifts.map((v, vi) => [
    `${v > 0 ? '+' : ''}${v} pts`,
    ...cols.map((i) => usd(s.pnl[vi]![i])),
  ]);
  rows.push(['+1 day', ...cols.map((i) => usd(s.decay1d[i]))]);
  return `Scenario P&L (benchmark moves ${s.mode === 'beta' ? 'beta-mapped' : 'uniform'}):\n${table(
    [header, ...rows],
    ['l', ...cols.map(() => 'r' as const)],
  )}`;
}

export function formatFrame(f: RiskFrame): string {
  const t = f.totals;
  const r = f.regime;
  const out: string[] = [];
  out.push(
    `Regime: ${r.name}${r.pending ? ` (→ ${r.pending} pending)` : ''}   VIX ${num(r.vix, 2)}   ` +
      `VIX3M/VIX ${num(r.termRatio, 3)}   limit scaler ×${r.scaler.toFixed(2)}`,
  );
  out.push(
    `Benchmark ${f.benchmark.symbol} ${num(f.benchmark.price, 2)}   NLV ${usd(f.netLiquidation)}   ` +
      `Greeks for ${f.coverage.withGreeks}/${f.coverage.positions} positions ` +
      `(${f.coverage.broker} broker, ${f.coverage.local} local, ${f.coverage.none} none)`,
  );
  if (f.stale) out.push(`STALE: ${f.staleReason ?? ''}`);
  out.push('');
  out.push(
    table(
      [
        ['delta', '$delta', 'β-delta', 'β-delta $', 'gamma', 'theta $/day', 'vega $/pt', 'θ/ν'],
        [
          num(t.delta, 1),
          usd(t.deltaDollars),
          num(t.betaDelta, 2),
          usd(t.betaDeltaDollars),
          num(t.gamma, 3),
          usd(t.theta),
          usd(t.vega),
          num(t.thetaVegaRatio, 2),
        ],
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('', lightsTable(f.lights));
  if (f.alarms.length > 0) {
    out.push('', 'Alarms:', ...f.alarms.map((a) => `  ${a.severity.toUpperCase()}: ${a.message}`));
  }
  if (f.positions) {
    const rows = [
      ['position', 'qty', 'DTE', 'delta', 'gamma', 'theta', 'vega', 'β-delta', 'IV', 'source'],
    ];
    for (const p of f.positions) {
      rows.push([
        p.description,
        num(p.quantity),
        p.dte === null ? '' : String(p.dte),
        num(p.delta, 1),
        num(p.gamma, 3),
        num(p.theta, 1),
        num(p.vega, 1),
        num(p.betaDelta, 2),
        p.iv === null ? '' : `${(p.iv * 100).toFixed(1)}%`,
        p.greeksSource + (p.problem ? ` (${p.problem})` : ''),
      ]);
    }
    out.push('', table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
  }
  out.push('', scenarioTable(f));
  if (f.standardShocks.length > 0) {
    out.push(
      '',
      'Standard shocks: ' +
        f.standardShocks
          .map((s) => `${s.label} ${usd(s.betaMapped)} (uniform ${usd(s.uniform)})`)
          .join('   '),
    );
  }
  const v = f.var;
  if (v) {
    out.push(
      '',
      `VaR 1 day (σ ${(v.sigmaDaily * 100).toFixed(2)}%): parametric 95% ${usd(v.parametric95)}, ` +
        `99% ${usd(v.parametric99)}; Monte Carlo (${v.paths} paths, seed ${v.seed}) 95% ${usd(v.mc95)}, 99% ${usd(v.mc99)}`,
    );
  }
  return out.join('\n');
}

export function formatReport(
  frame: RiskFrame,
  projection: { frame: RiskFrame; violations: Violation[] } | null,
): string {
  const main = formatFrame(frame);
  if (!projection) return main;
  const v = projection.violations;
  const verdict =
    v.length === 0
      ? 'Projected: no new or worse violations.'
      : `Projected: ${v.length} new or worse violation(s):\n${v.map((x) => `  ${x.kind.toUpperCase()} ${x.name}: ${x.message}`).join('\n')}`;
  return `${main}\n\n=== With the proposed legs ===\n${formatFrame(projection.frame)}\n\n${verdict}`;
}
