import { useId, useMemo, useState } from 'react';
import { useBulwark } from '../../stores/store';
import { alarmsSummary, groupAlarms, type AlarmGroup } from './alarms';

function Group({
  group: g,
  open,
  onToggle,
}: {
  group: AlarmGroup;
  open: boolean;
  onToggle: () => void;
}) {
  const id = useId();
  return (
    <li className={`alarm-group alarm-${g.severity}`} data-code={g.code}>
      <button
        type="button"
        className="alarm-group-head"
        aria-expanded={open}
        aria-controls={id}
        onClick={onToggle}
        title={open ? 'Hide these alarms' : 'Show these alarms'}
      >
        <span className="chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="alarm-sev">{g.severity}</span>
        <span className="alarm-group-label">{g.label}</span>
        <span className="alarm-count num">×{g.count.toLocaleString('en-US')}</span>
        {g.breakdown ? <span className="alarm-breakdown">{g.breakdown}</span> : null}
      </button>
      <ul className="alarms" id={id} hidden={!open}>
        {open
          ? g.alarms.map((a, i) => (
              <li key={`${a.subject}:${i}`} className={`alarm alarm-${a.severity}`}>
                <span className="alarm-sev">{a.severity}</span>
                <span className="alarm-text" title={a.code}>
                  <span className="alarm-subject">{a.subject}</span> {a.message}
                </span>
              </li>
            ))
          : null}
      </ul>
    </li>
  );
}

/**
 * Alarms from the risk engine (expiry, gamma near expiry, missing beta…), grouped by code with a
 * count, worst first; a group of more than a few starts collapsed.
 */
export function AlarmsList() {
  const alarms = useBulwark((s) => s.risk.frame?.alarms);
  const groups = useMemo(() => groupAlarms(alarms ?? []), [alarms]);
  // Only what the trader toggled; everything else follows the group's default.
  const [toggled, setToggled] = useState<Readonly<Record<string, boolean>>>({});
  return (
    <section className="risk-block" aria-labelledby="risk-alarms-title">
      <h3 className="risk-h3" id="risk-alarms-title">
        Alarms <span className="risk-h3-note">{alarmsSummary(alarms ?? [])}</span>
      </h3>
      {groups.length > 0 ? (
        <ul className="alarm-groups">
          {groups.map((g) => {
            const open = toggled[g.code] ?? !g.collapsedByDefault;
            return (
              <Group
                key={g.code}
                group={g}
                open={open}
                onToggle={() => setToggled((t) => ({ ...t, [g.code]: !open }))}
              />
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
