import { useBulwark } from '../../stores/store';
import { errorText } from './feedback-text';

/** The outcome of the last simulator command: errors in plain words, the code small beside. */
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
  const e = errorText(f.error);
  return (
    <div className="feedback error" role="alert">
      <div>
        {e.message} <code className="err-code">{e.code}</code>
      </div>
      {e.lines.length > 0 ? (
        <ul className="err-details">
          {e.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
