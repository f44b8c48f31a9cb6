import { useFeedStaleReason } from '../../stores/selectors';

/** Across the top whenever the figures on screen are not live. */
export function StaleBanner() {
  const reason = useFeedStaleReason();
  if (reason === null) return null;
  return (
    <div className="stale-banner" role="alert">
      <strong>Market data is stale</strong> — {reason}. Risk numbers are not live.
    </div>
  );
}
