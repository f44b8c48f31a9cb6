import { useEffect } from 'react';
import { formatApiError } from '@shared/api/errors';
import { useBulwark, type Notice } from '../../stores/store';

export const NOTICE_MS = 8_000;

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useBulwark((s) => s.dismissNotice);
  useEffect(() => {
    const t = setTimeout(() => dismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(t);
  }, [dismiss, notice.id]);
  return (
    <div className="notice">
      <span className="notice-code">{notice.error.code}</span>
      <span className="notice-text">
        {formatApiError(notice.error).slice(notice.error.code.length + 2)}
      </span>
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss"
        onClick={() => dismiss(notice.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Transient messages from the transport (e.g. MALFORMED_MESSAGE): shown, never thrown. */
export function Notices() {
  const notices = useBulwark((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}
