import { useSyncExternalStore } from 'react';
import { sessionEnd } from '../api/session-end';
import './session-ended.css';

/** Covers the top of the page once the core refused this page's token (it restarted). */
export function SessionEndedBanner() {
  const ended = useSyncExternalStore(sessionEnd.subscribe, sessionEnd.isEnded, sessionEnd.isEnded);
  if (!ended) return null;
  return (
    <div className="session-ended" role="alert">
      <strong>This Bulwark session has ended</strong> — open the new address printed by{' '}
      <code>npm run headless</code>. Nothing on this page is live.
    </div>
  );
}
