/**
 * Utilization → traffic light, and the one way every check is turned into a LimitCheck: a stale
 * input always yields `stale` (grey), never green, whatever the last value said.
 */
import type { Light, LightCode, LimitCheck } from '@shared/domain/risk';

export interface LightThresholds {
  /** Yellow from this utilization (percent) up to redAbovePct inclusive. */
  yellowAtPct: number;
  /** Red strictly above this utilization (percent). */
  redAbovePct: number;
}

export const DEFAULT_LIGHTS: LightThresholds = { yellowAtPct: 80, redAbovePct: 100 };

/** green < 80%, yellow 80–100%, red > 100% (defaults). */
export function lightFor(utilization: number, t: LightThresholds = DEFAULT_LIGHTS): Light {
  if (utilization > t.redAbovePct) return 'red';
  if (utilization >= t.yellowAtPct) return 'yellow';
  return 'green';
}

/** Utilization of a ceiling in percent; a zero ceiling is 0% when nothing is used, else ∞. */
export function ceilingUtilization(value: number, limit: number): number {
  if (limit > 0) return (Math.max(value, 0) / limit) * 100;
  return value > 1e-9 ? Number.POSITIVE_INFINITY : 0;
}

/** Utilization of a floor (the value must stay at or above the limit). */
export function floorUtilization(value: number, limit: number): number {
  if (limit <= 0) return 0;
  return value > 0 ? (limit / value) * 100 : Number.POSITIVE_INFINITY;
}

export interface CheckDraft {
  code: LightCode;
  name: string;
  unit: string;
  value: number | null;
  limit: number | null;
  utilization: number | null;
  /** Light when fresh; computed from utilization when omitted. */
  light?: Light;
  explanation: string;
  subject?: string | null;
  band?: LimitCheck['band'];
}

/** The finished check; utilization ∞ is reported as a large finite number for the wire. */
export function finishCheck(
  d: CheckDraft,
  staleReason: string | null,
  t: LightThresholds,
): LimitCheck {
  const util = d.utilization === null ? null : Math.min(d.utilization, 9999);
  const fresh: Light = d.light ?? (d.utilization === null ? 'green' : lightFor(d.utilization, t));
  return {
    code: d.code,
    name: d.name,
    unit: d.unit,
    value: d.value,
    limit: d.limit,
    utilization: util,
    light: staleReason ? 'stale' : fresh,
    explanation: staleReason
      ? `Stale: ${staleReason}. Last reading: ${d.explanation}`
      : d.explanation,
    subject: d.subject ?? null,
    band: d.band ?? null,
  };
}

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

export function money(v: number): string {
  return usd.format(v);
}

export function pct(v: number, digits = 1): string {
  return `${Number.isFinite(v) ? v.toFixed(digits) : '∞'}%`;
}
