import { useMemo } from 'react';
import { useBulwark } from '../../stores/store';
import { sortAlarms } from './summary';

/** Alarms from the risk engine (expiry, gamma near expiry, missing beta…), critical first. */
export function AlarmsList() {
  const alarms = useBulwark((s) => s.risk.frame?.alarms);
  const sorted = useMemo(() => sortAlarms(alarms ?? []), [alarms]);
  return (
    <section className="risk-block" aria-labelledby="risk-alarms-title">
      <h3 className="risk-h3" id="risk-alarms-title">
        Alarms <span className="risk-h3-note">{sorted.length === 0 ? 'none' : sorted.length}</span>
      </h3>
      {sorted.length > 0 ? (
        <ul className="alarms">
          {sorted.map((a, i) => (
            <li key={`${a.code}:${a.subject}:${i}`} className={`alarm alarm-${a.severity}`}>
              <span className="alarm-sev">{a.severity}</span>
              <span className="alarm-text" title={a.code}>
                <span className="alarm-subject">{a.subject}</span> {a.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
