import { useMemo } from 'react';
import { fmt } from '../../format/numbers';
import { useBulwark } from '../../stores/store';
import { THETA_VEGA_CODE, gaugeView } from './gauge';

/** Band edges as labels: red edges above the track, green ones below, so they never collide. */
function Scale({ edges, max, where }: { edges: number[]; max: number; where: 'top' | 'bottom' }) {
  return (
    <div className={`gauge-scale gauge-scale-${where}`} aria-hidden="true">
      {edges.map((edge, i) => (
        <span key={i} style={{ left: `${(edge / max) * 100}%` }}>
          {fmt(edge, 2)}
        </span>
      ))}
    </div>
  );
}

/** |θ|/|ν| on a scale with the check's bands: red, yellow, green, yellow, red. */
export function ThetaVegaGauge({ stale }: { stale: boolean }) {
  const check = useBulwark((s) => s.risk.frame?.lights.find((l) => l.code === THETA_VEGA_CODE));
  const total = useBulwark((s) => s.risk.frame?.totals.thetaVegaRatio ?? null);
  const ratio = check?.value ?? total;
  const g = useMemo(() => gaugeView(ratio, check, stale), [ratio, check, stale]);
  const b = g.bands;
  const bandText = b
    ? `green ${fmt(b.greenLow, 2)}–${fmt(b.greenHigh, 2)}, red below ${fmt(b.redBelow, 2)} or above ${fmt(b.redAbove, 2)}`
    : 'no band from the risk limits';
  const label = `Theta/vega ratio ${fmt(ratio, 2)}; ${bandText}${stale ? ' (stale)' : ''}`;
  return (
    <section className="risk-block" aria-labelledby="risk-tv-title">
      <h3 className="risk-h3" id="risk-tv-title">
        Θ/V ratio <span className="risk-h3-note num">{fmt(ratio, 2)}</span>
      </h3>
      <div className={stale ? 'gauge stale' : 'gauge'} role="img" aria-label={label} title={label}>
        {b ? <Scale edges={[b.redBelow, b.redAbove]} max={g.scaleMax} where="top" /> : null}
        <div className="gauge-track">
          {g.segments.map((s) => (
            <span
              key={`${s.tone}-${s.left}`}
              className={`gauge-band band-${s.tone}`}
              style={{ left: `${s.left}%`, width: `${s.width}%` }}
            />
          ))}
          {g.position !== null ? (
            <span
              className={`gauge-marker marker-${g.light ?? 'none'}${g.offScale ? ' off-scale' : ''}`}
              style={{ left: `${g.position}%` }}
            />
          ) : null}
        </div>
        {b ? <Scale edges={[b.greenLow, b.greenHigh]} max={g.scaleMax} where="bottom" /> : null}
      </div>
    </section>
  );
}
