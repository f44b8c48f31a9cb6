import { useBulwark } from '../../stores/store';

/** The outcome of the last simulator command: coded errors with their details, inline. */
export function SimFeedback() {
  const f = useBulwark((s) => s.feedback.sim);
  if (!f) return null;
  if (f.kind === 'ok') {
    return (
      <p className="feedback ok" role="status">
        {f.text}
      </p>
    );
  }
  const details = Object.entries(f.error.details ?? {});
  return (
    <div className="feedback error" role="alert">
      <div>
        <code className="err-code">{f.error.code}</code> {f.error.message}
      </div>
      {details.length > 0 ? (
        <ul className="err-details">
          {details.map(([k, v]) => (
            <li key={k}>
              <span className="err-key">{k}</span> {String(v)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
