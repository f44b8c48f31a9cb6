/**
 * Which short options the DTE cell marks (pure). The thresholds belong to the risk matrix, so the
 * levels come from the frame's SHORT_OPTION_EXPIRY alarms (critical → red, warning → amber), one
 * per position description, rather than from day counts written into the renderer.
 */
import type { Alarm } from '@shared/domain/risk';

export type ExpiryLevel = 'crit' | 'warn';

export const EXPIRY_ALARM_CODE = 'SHORT_OPTION_EXPIRY';

export function expiryLevels(
  alarms: readonly Alarm[] | undefined,
): ReadonlyMap<string, ExpiryLevel> {
  const out = new Map<string, ExpiryLevel>();
  for (const a of alarms ?? []) {
    if (a.code !== EXPIRY_ALARM_CODE) continue;
    const level: ExpiryLevel | null =
      a.severity === 'critical' ? 'crit' : a.severity === 'warning' ? 'warn' : null;
    if (level === null) continue;
    if (out.get(a.subject) !== 'crit') out.set(a.subject, level);
  }
  return out;
}
