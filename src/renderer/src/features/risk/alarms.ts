/**
 * Alarms as the panel groups them (pure): one group per code with a count, the worst severity
 * first. A big book can raise hundreds of alarms of the same kind; grouped, they never push the
 * limit lights out of view.
 */
import type { Alarm } from '@shared/domain/risk';

/** Groups with more alarms than this start collapsed. */
export const EXPANDED_UP_TO = 3;

const SEVERITY_ORDER: Record<Alarm['severity'], number> = { critical: 0, warning: 1, info: 2 };

/** Critical first, then warnings, then info; the core's order within each. */
export function sortAlarms(alarms: readonly Alarm[]): Alarm[] {
  return alarms
    .map((a, i) => ({ a, i }))
    .sort((x, y) => SEVERITY_ORDER[x.a.severity] - SEVERITY_ORDER[y.a.severity] || x.i - y.i)
    .map((x) => x.a);
}

/** Plain names for the engine's alarm codes; an unknown code is spelt out from itself. */
export const ALARM_LABELS: Readonly<Record<string, string>> = {
  ENGINE_FAILED: 'Risk engine failed',
  MARGIN_CALL: 'Margin call',
  SHORT_OPTION_EXPIRY: 'Short options near expiry',
  GAMMA_NEAR_EXPIRY: 'Gamma near expiry',
  NO_GREEKS: 'Positions without Greeks',
  BROKER_GREEKS_REFUSED: 'Broker Greeks refused',
  BETA_UNAVAILABLE: 'No beta',
};

export function alarmLabel(code: string): string {
  const known = ALARM_LABELS[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface AlarmGroup {
  code: string;
  label: string;
  /** The worst severity in the group. */
  severity: Alarm['severity'];
  count: number;
  /** "3 critical · 9 warning" when severities are mixed; "" otherwise. */
  breakdown: string;
  /** Worst first, the core's order within a severity. */
  alarms: Alarm[];
  /** Collapsed unless the trader opened it: more than EXPANDED_UP_TO alarms. */
  collapsedByDefault: boolean;
}

export function groupAlarms(alarms: readonly Alarm[]): AlarmGroup[] {
  const byCode = new Map<string, Array<{ a: Alarm; i: number }>>();
  alarms.forEach((a, i) => {
    const list = byCode.get(a.code);
    if (list) list.push({ a, i });
    else byCode.set(a.code, [{ a, i }]);
  });
  const groups = [...byCode.entries()].map(([code, list]) => {
    const sorted = sortAlarms(list.map((x) => x.a));
    const counts = new Map<Alarm['severity'], number>();
    for (const a of sorted) counts.set(a.severity, (counts.get(a.severity) ?? 0) + 1);
    return {
      first: list.reduce((m, x) => Math.min(m, x.i), Infinity),
      group: {
        code,
        label: alarmLabel(code),
        severity: sorted[0]?.severity ?? 'info',
        count: sorted.length,
        breakdown:
          counts.size > 1 ? [...counts.entries()].map(([s, n]) => `${n} ${s}`).join(' · ') : '',
        alarms: sorted,
        collapsedByDefault: sorted.length > EXPANDED_UP_TO,
      } satisfies AlarmGroup,
    };
  });
  return groups
    .sort(
      (x, y) =>
        SEVERITY_ORDER[x.group.severity] - SEVERITY_ORDER[y.group.severity] || x.first - y.first,
    )
    .map((x) => x.group);
}

/** "221 · 12 critical" for the section title; "none". */
export function alarmsSummary(alarms: readonly Alarm[]): string {
  if (alarms.length === 0) return 'none';
  const critical = alarms.filter((a) => a.severity === 'critical').length;
  const n = alarms.length.toLocaleString('en-US');
  return critical > 0 && critical < alarms.length ? `${n} · ${critical} critical` : n;
}

/** The title-bar chip: the worst severity and how many, so alarms below the lights are never missed. */
export function alarmChip(
  alarms: readonly Alarm[],
): { severity: Alarm['severity']; text: string } | null {
  if (alarms.length === 0) return null;
  const worst = alarms.reduce<Alarm['severity']>(
    (w, a) => (SEVERITY_ORDER[a.severity] < SEVERITY_ORDER[w] ? a.severity : w),
    'info',
  );
  const n = alarms.filter((a) => a.severity === worst).length;
  const total = alarms.length.toLocaleString('en-US');
  const text =
    n === alarms.length
      ? `${total} ${worst} alarm${alarms.length === 1 ? '' : 's'}`
      : `${total} alarms · ${n.toLocaleString('en-US')} ${worst}`;
  return { severity: worst, text };
}
