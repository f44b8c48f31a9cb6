import { useBulwark } from '../../stores/store';
import { TERM_RATIO_LABEL, termTitle } from '../../format/term';
import { regimeView } from './regime';

/**
 * The volatility regime in the panel's title bar: friendly name on screen, machine name for
 * assistive tech ("Regime: high_volatility"), pending change, limit scaler, VIX and term ratio.
 */
export function RegimeBadge({ stale }: { stale: boolean }) {
  const regime = useBulwark((s) => s.risk.frame?.regime ?? null);
  if (!regime) return null;
  const v = regimeView(regime);
  const termCls = stale ? 'stale' : v.term === 'backwardation' ? 'warn' : '';
  return (
    <div className="regime">
      <span
        role="status"
        aria-label={v.ariaLabel}
        className={`regime-badge regime-${stale ? 'stale' : v.tone}`}
        title={stale ? `${v.label} (stale)` : `Volatility regime: ${v.label}`}
      >
        {v.label}
      </span>
      {v.pendingText ? (
        <span
          className="regime-pending"
          title="Readings point to another regime; awaiting confirmation"
        >
          {v.pendingText}
        </span>
      ) : null}
      {v.scalerText ? (
        <span className="regime-scaler" title="Limits scaled by the VIX level and term structure">
          {v.scalerText}
        </span>
      ) : null}
      <span className="regime-fact" title="VIX">
        <span className="regime-key">VIX</span>
        <span className={`num ${stale ? 'stale' : ''}`}>{v.vixText}</span>
      </span>
      <span className="regime-fact" title={termTitle(v.term)}>
        <span className="regime-key">{TERM_RATIO_LABEL}</span>
        <span className={`num ${termCls}`}>{v.termRatioText}</span>
        {v.term ? <span className="regime-term">{v.term}</span> : null}
      </span>
    </div>
  );
}
