import { useId, useMemo, useState } from 'react';
import { useBulwark } from '../../stores/store';
import {
  LIMIT_MARK_PERCENT,
  lightViews,
  lightsForScreen,
  lightsSummary,
  type LightView,
} from './lights';

/**
 * One limit check: the light (role="status", named "<name>: <light>"), value against limit,
 * a utilization bar and the explanation behind a disclosure button.
 */
function LightItem({ view: v }: { view: LightView }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li className={`light light-${v.light}`} data-code={v.code}>
      <div className="light-head">
        <span role="status" aria-label={v.ariaLabel} className="light-status" title={v.word}>
          <span className="light-dot" aria-hidden="true" />
          <span className="sr-only">{v.light}</span>
        </span>
        <button
          type="button"
          className="light-toggle"
          aria-expanded={open}
          aria-controls={id}
          title={open ? 'Hide the explanation' : 'Why this colour?'}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="light-name">{v.name}</span>
          {v.subject ? <span className="light-subject">{v.subject}</span> : null}
        </button>
        <span className="light-value num">{v.valueText}</span>
        {v.hasBar ? (
          <span className="light-bar" aria-hidden="true">
            <span className="light-fill" style={{ width: `${v.barPercent}%` }} />
            <span className="light-limit" style={{ left: `${LIMIT_MARK_PERCENT}%` }} />
          </span>
        ) : null}
        <span className="light-util num" title="Utilization of the limit">
          {v.hasBar ? v.utilizationText : ''}
        </span>
      </div>
      <p className="light-explanation" id={id} hidden={!open}>
        {v.explanation}
      </p>
    </li>
  );
}

/** Every limit check from the frame, red and yellow first; grey (never green) while stale. */
export function TrafficLights({ stale }: { stale: boolean }) {
  const checks = useBulwark((s) => s.risk.frame?.lights);
  const views = useMemo(() => lightsForScreen(lightViews(checks ?? [], stale)), [checks, stale]);
  return (
    <section className="risk-block" aria-labelledby="risk-limits-title">
      <h3 className="risk-h3" id="risk-limits-title">
        Limits <span className="risk-h3-note">{lightsSummary(views)}</span>
      </h3>
      {views.length === 0 ? (
        <p className="risk-none">No limit checks in this frame.</p>
      ) : (
        <ul className="lights">
          {views.map((v) => (
            <LightItem key={v.key} view={v} />
          ))}
        </ul>
      )}
    </section>
  );
}
