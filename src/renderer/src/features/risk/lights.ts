/**
 * Traffic lights as the panel shows them (pure): label, value against limit in the check's unit,
 * a utilization bar and the light itself. Stale always wins: a stale light is grey, never green.
 */
import type { Light, LimitCheck } from '@shared/domain/risk';
import { DASH, fmt, fmtUsd } from '../../format/numbers';

/** The bar's track spans 0–150% of the limit; the limit sits at two thirds of it. */
export const BAR_MAX_UTILIZATION = 150;
/** Where the limit (100%) sits on the track, percent of its width. */
export const LIMIT_MARK_PERCENT = (100 / BAR_MAX_UTILIZATION) * 100;

export const LIGHT_WORDS: Record<Light, string> = {
  green: 'within limit',
  yellow: 'near limit',
  red: 'over limit',
  stale: 'stale: not live',
};

/** The light to draw: `stale` whenever the frame or the feed is not live. */
export function effectiveLight(light: Light, stale: boolean): Light {
  return stale ? 'stale' : light;
}

/** Width of the bar's fill in percent of the track: 0 at 0%, 100 at 150% and beyond. */
export function barWidth(utilization: number | null): number {
  if (utilization === null || !Number.isFinite(utilization) || utilization <= 0) return 0;
  return (Math.min(utilization, BAR_MAX_UTILIZATION) / BAR_MAX_UTILIZATION) * 100;
}

/** "84%", ">999%" (a zero limit with something used is reported as 9999), "—". */
export function fmtUtilization(utilization: number | null): string {
  if (utilization === null || !Number.isFinite(utilization)) return DASH;
  if (utilization > 999) return '>999%';
  return `${fmt(utilization, 0)}%`;
}

/** Fixed decimals that read well for a figure of this size. */
function autoDecimals(v: number): number {
  const abs = Math.abs(v);
  if (abs >= 100 || Number.isInteger(v)) return 0;
  return abs >= 10 ? 1 : 2;
}

export interface UnitFormat {
  /** One number in this unit. */
  format: (v: number) => string;
  /** Words after the pair, e.g. " per 1%" or " contracts". */
  suffix: string;
}

/**
 * How a check's unit is written: "$ per 1%" → "$4,210 … per 1%", "% of book" → "34.2% … of
 * book", "ratio" → a percentage ("42.4% / 20.0%", like the header's cushion), except for a band
 * check (θ/ν, whose gauge and bands read 0.25–0.40) → "0.31"; anything else → the number then
 * the unit.
 */
export function unitFormat(unit: string, hasBand = false): UnitFormat {
  const u = unit.trim();
  if (u.startsWith('$')) return { format: (v) => fmtUsd(v), suffix: spaced(u.slice(1)) };
  if (u.startsWith('%')) return { format: (v) => `${fmt(v, 1)}%`, suffix: spaced(u.slice(1)) };
  if (u === 'ratio') {
    return hasBand
      ? { format: (v) => fmt(v, 2), suffix: '' }
      : { format: (v) => `${fmt(v * 100, 1)}%`, suffix: '' };
  }
  return { format: (v) => fmt(v, autoDecimals(v)), suffix: spaced(u) };
}

function spaced(words: string): string {
  const w = words.trim();
  return w === '' ? '' : ` ${w}`;
}

const days = (n: number) => `${fmt(n, 0)} day${n === 1 ? '' : 's'}`;

/**
 * A days-to-expiry check in words: "nearest in 0 days (critical ≤ 2)" rather than "0 / 2 DTE";
 * "none near expiry" when no short option is close. Short enough for the light's one line.
 */
function dteText(value: number | null, limit: number | null): string {
  const nearest = value === null ? 'none near expiry' : `nearest in ${days(value)}`;
  return limit === null ? nearest : `${nearest} (critical ≤ ${fmt(limit, 0)})`;
}

type ValueInputs = Pick<LimitCheck, 'value' | 'limit' | 'unit'> & { band?: LimitCheck['band'] };

/** "$4,210 / $5,000 per 1%"; "0.31" when there is no limit; "—" when there is no value. */
export function valueText(check: ValueInputs): string {
  if (check.unit.trim() === 'DTE') return dteText(check.value, check.limit);
  const { format, suffix } = unitFormat(check.unit, (check.band ?? null) !== null);
  const value = check.value === null ? DASH : format(check.value);
  if (check.limit === null) return check.value === null ? DASH : `${value}${suffix}`;
  return `${value} / ${format(check.limit)}${suffix}`;
}

export interface LightView {
  key: string;
  code: string;
  name: string;
  light: Light;
  /** Exactly "<name>: <light>", e.g. "Beta-weighted delta: red". */
  ariaLabel: string;
  /** Tooltip of the light: "over limit". */
  word: string;
  valueText: string;
  utilizationText: string;
  /** Fill of the bar, percent of the track (see barWidth). */
  barPercent: number;
  /** True when there is a utilization to draw at all. */
  hasBar: boolean;
  explanation: string;
  subject: string | null;
}

/** `occurrence` tells apart checks sharing a code, so keys stay put while subjects change. */
export function lightView(check: LimitCheck, stale: boolean, occurrence = 0): LightView {
  const light = effectiveLight(check.light, stale);
  return {
    key: occurrence === 0 ? check.code : `${check.code}#${occurrence}`,
    code: check.code,
    name: check.name,
    light,
    ariaLabel: `${check.name}: ${light}`,
    word: LIGHT_WORDS[light],
    valueText: valueText(check),
    utilizationText: fmtUtilization(check.utilization),
    barPercent: barWidth(check.utilization),
    hasBar: check.utilization !== null,
    explanation: check.explanation,
    subject: check.subject,
  };
}

const SEVERITY: Record<Light, number> = { red: 0, yellow: 1, stale: 2, green: 3 };

/** Views of every light, in the core's order (stable: rows never jump around). */
export function lightViews(checks: readonly LimitCheck[], stale: boolean): LightView[] {
  const seen = new Map<string, number>();
  return checks.map((c) => {
    const n = seen.get(c.code) ?? 0;
    seen.set(c.code, n + 1);
    return lightView(c, stale, n);
  });
}

/**
 * The order on screen: red, then yellow, then grey (stale), then green — so what needs action is
 * at the top of the list and in view without scrolling. Stable within each colour (the core's
 * order), so rows move only when a light changes colour.
 */
export function lightsForScreen(views: readonly LightView[]): LightView[] {
  return views
    .map((v, i) => ({ v, i }))
    .sort((a, b) => SEVERITY[a.v.light] - SEVERITY[b.v.light] || a.i - b.i)
    .map((x) => x.v);
}

/** "2 red · 1 yellow" for the panel's title; "all green"; "stale". */
export function lightsSummary(views: readonly LightView[]): string {
  if (views.length === 0) return 'no checks';
  if (views.every((v) => v.light === 'stale')) return 'stale';
  const counts = new Map<Light, number>();
  for (const v of views) counts.set(v.light, (counts.get(v.light) ?? 0) + 1);
  const parts = [...counts.entries()]
    .filter(([l]) => l !== 'green')
    .sort(([a], [b]) => SEVERITY[a] - SEVERITY[b])
    .map(([l, n]) => `${n} ${l}`);
  return parts.length === 0 ? 'all green' : parts.join(' · ');
}
