import { useShallow } from 'zustand/react/shallow';
import { useBulwark } from '../../stores/store';
import { connectionLabel } from './connection-label';

export function ConnectionIndicator() {
  const { link, connection, sim } = useBulwark(
    useShallow((s) => ({ link: s.link, connection: s.connection, sim: s.sim })),
  );
  const label = connectionLabel(link, connection, sim);
  const reason = label.reason;
  return (
    <div
      className={`conn conn-${label.tone}`}
      role="status"
      aria-label={label.ariaLabel}
      title={label.title}
    >
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-word" aria-hidden="true">
        {label.word}
      </span>
      {reason ? (
        <span className="conn-reason" aria-hidden="true" title={reason}>
          {reason}
        </span>
      ) : null}
    </div>
  );
}

/** Shown only while the WebSocket link to the core is down. */
export function LinkIndicator() {
  const status = useBulwark((s) => s.link.status);
  const everOpen = useBulwark((s) => s.link.everOpen);
  const retries = useBulwark((s) => s.link.retries);
  if (status === 'open') return null;
  const text = everOpen ? 'Core link lost — reconnecting' : 'Linking to core…';
  return (
    <div className="link-lost" title={retries > 0 ? `Attempt ${retries + 1}` : undefined}>
      {text}
    </div>
  );
}
