/**
 * Checks between risk-matrix values: threshold order, bands smaller than the gaps they sit in,
 * sorted scaler steps, tiers that exist. They read the raw parsed YAML so they run even when
 * the schema found other problems — the trader gets every error at once. A relation is only
 * checked when the values it compares are numbers; a value of the wrong type is the schema's
 * to report.
 */
import { formatPath } from './issues';
import type { MatrixIssue, PathPart } from './issues';

type Path = readonly PathPart[];

function at(raw: unknown, path: Path): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathPart, unknown>)[key];
  }
  return value;
}

function list(raw: unknown, path: Path): readonly unknown[] {
  const value = at(raw, path);
  return Array.isArray(value) ? value : [];
}

interface Ctx {
  raw: unknown;
  /** The number at `path`; undefined when absent, not a number or rejected by the schema. */
  num: (path: Path) => number | undefined;
  report: (path: Path, message: string) => void;
}

const T = ['regimes', 'thresholds'] as const;
const H = ['regimes', 'hysteresis'] as const;

function checkRegimes(c: Ctx): void {
  const low = c.num([...T, 'lowVolatility', 'vixBelow']);
  const high = c.num([...T, 'highVolatility', 'vixAbove']);
  const crisis = c.num([...T, 'crisis', 'vixAbove']);
  if (low !== undefined && high !== undefined && low >= high) {
    c.report(
      [...T, 'lowVolatility', 'vixBelow'],
      `must be below regimes.thresholds.highVolatility.vixAbove (${high})`,
    );
  }
  if (high !== undefined && crisis !== undefined && high >= crisis) {
    c.report(
      [...T, 'highVolatility', 'vixAbove'],
      `must be below regimes.thresholds.crisis.vixAbove (${crisis})`,
    );
  }
  const gaps: number[] = [];
  if (low !== undefined && high !== undefined && high > low) gaps.push(high - low);
  if (high !== undefined && crisis !== undefined && crisis > high) gaps.push(crisis - high);
  const vixBand = c.num([...H, 'vixBand']);
  if (vixBand !== undefined && gaps.length > 0 && vixBand >= Math.min(...gaps)) {
    c.report(
      [...H, 'vixBand'],
      `must be smaller than the smallest gap between the VIX thresholds (${Math.min(...gaps)})`,
    );
  }
  const bandBelow = (band: string, threshold: readonly string[]): void => {
    const b = c.num([...H, band]);
    const t = c.num([...T, ...threshold]);
    if (b !== undefined && t !== undefined && b >= t) {
      c.report([...H, band], `must be smaller than ${formatPath([...T, ...threshold])} (${t})`);
    }
  };
  bandBelow('termBand', ['lowVolatility', 'termRatioAbove']);
  bandBelow('vvixBand', ['crisis', 'vvixAbove']);
}

/**
 * Steps sorted by `key` (rising, or falling for the term structure), and factors that never
 * rise from one step to the next: a worse market must not loosen a limit.
 */
function checkSteps(c: Ctx, name: 'vix' | 'termStructure', key: string, rising: boolean): void {
  const base = ['scalers', name] as const;
  const steps = list(c.raw, base);
  for (let i = 1; i < steps.length; i++) {
    const prev = c.num([...base, i - 1, key]);
    const cur = c.num([...base, i, key]);
    if (prev !== undefined && cur !== undefined && (rising ? cur <= prev : cur >= prev)) {
      const order = rising ? 'rising' : 'falling';
      c.report(
        [...base, i, key],
        `must be ${rising ? 'above' : 'below'} the previous step's ${key} (${prev}): steps are sorted by ${order} ${key}`,
      );
    }
    const prevFactor = c.num([...base, i - 1, 'factor']);
    const factor = c.num([...base, i, 'factor']);
    if (prevFactor !== undefined && factor !== undefined && factor > prevFactor) {
      c.report(
        [...base, i, 'factor'],
        `must be ≤ the previous step's factor (${prevFactor}): a later step must not loosen limits`,
      );
    }
  }
}

function checkScalers(c: Ctx): void {
  checkSteps(c, 'vix', 'atOrAbove', true);
  checkSteps(c, 'termStructure', 'below', false);
  const seen = new Set<unknown>();
  list(c.raw, ['scalers', 'appliesTo']).forEach((entry, i) => {
    if (seen.has(entry)) c.report(['scalers', 'appliesTo', i], `duplicate entry ${String(entry)}`);
    seen.add(entry);
  });
}

function checkGuardrails(c: Ctx): void {
  const g = 'guardrails';
  const tv = [g, 'thetaVegaRatio'] as const;
  const order: Array<[string, string, '≥' | '>']> = [
    ['redBelow', 'greenLow', '≥'],
    ['greenLow', 'greenHigh', '>'],
    ['greenHigh', 'redAbove', '≥'],
  ];
  for (const [lowKey, highKey, rel] of order) {
    const lo = c.num([...tv, lowKey]);
    const hi = c.num([...tv, highKey]);
    if (lo !== undefined && hi !== undefined && (rel === '>' ? hi <= lo : hi < lo)) {
      c.report([...tv, highKey], `must be ${rel} ${lowKey} (${lo})`);
    }
  }
  const warning = c.num([g, 'expiry', 'warningDte']);
  const critical = c.num([g, 'expiry', 'criticalDte']);
  if (warning !== undefined && critical !== undefined && critical > warning) {
    c.report([g, 'expiry', 'criticalDte'], `must be ≤ warningDte (${warning})`);
  }
  const yellow = c.num([g, 'lights', 'yellowAtPct']);
  const red = c.num([g, 'lights', 'redAbovePct']);
  if (yellow !== undefined && red !== undefined && yellow > red) {
    c.report([g, 'lights', 'yellowAtPct'], `must be ≤ redAbovePct (${red})`);
  }
}

function checkTiers(c: Ctx): void {
  const caps = at(c.raw, ['tiers', 'caps']);
  if (caps === null || typeof caps !== 'object' || Array.isArray(caps)) return;
  const defined = new Set(Object.keys(caps));
  const check = (path: Path): void => {
    const tier = c.num(path);
    if (tier !== undefined && Number.isInteger(tier) && !defined.has(String(tier))) {
      c.report(path, `tier ${tier} is not defined in tiers.caps`);
    }
  };
  const symbols = at(c.raw, ['tiers', 'symbols']);
  if (symbols !== null && typeof symbols === 'object' && !Array.isArray(symbols)) {
    for (const symbol of Object.keys(symbols)) check(['tiers', 'symbols', symbol]);
  }
  check(['tiers', 'defaultTier']);
}

const MAX_MOVES = 401;

function checkScenarios(c: Ctx): void {
  const m = ['scenarios', 'movesPct'] as const;
  const from = c.num([...m, 'from']);
  const to = c.num([...m, 'to']);
  const step = c.num([...m, 'step']);
  if (from !== undefined && to !== undefined && to <= from) {
    c.report([...m, 'to'], `must be above from (${from})`);
  } else if (from !== undefined && to !== undefined && step !== undefined && step > 0) {
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_MOVES) c.report([...m, 'step'], `gives ${count} moves; at most ${MAX_MOVES}`);
  }
  const shifts = ['scenarios', 'volShiftsPts'] as const;
  for (let i = 1; i < list(c.raw, shifts).length; i++) {
    const prev = c.num([...shifts, i - 1]);
    const cur = c.num([...shifts, i]);
    if (prev !== undefined && cur !== undefined && cur <= prev) {
      c.report(
        [...shifts, i],
        `must be above the previous entry (${prev}): shifts are sorted rising`,
      );
    }
  }
}

/**
 * Every relation problem in a parsed (not yet validated) risk matrix. Values at the paths in
 * `rejected` (the schema's errors) are left out of every comparison.
 */
export function checkRelations(raw: unknown, rejected: ReadonlySet<string>): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const c: Ctx = {
    raw,
    num: (path) => {
      const value = at(raw, path);
      if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
      return rejected.has(formatPath(path)) ? undefined : value;
    },
    report: (path, message) => issues.push({ path: formatPath(path), message }),
  };
  checkRegimes(c);
  checkScalers(c);
  checkGuardrails(c);
  checkTiers(c);
  checkScenarios(c);
  return issues;
}
