import { useBulwark } from '../../stores/store';
import { HeavyAge } from './HeavyAge';
import { varView } from './summary';

/**
 * One-day VaR: parametric and Monte Carlo at 95% and 99%, and the σ used. Monte Carlo runs with
 * the heavy results, so it carries their own age and stale mark.
 */
export function VarFigures({ stale }: { stale: boolean }) {
  const v = useBulwark((s) => s.risk.frame?.var ?? null);
  const view = varView(v);
  return (
    <section className="risk-block" aria-labelledby="risk-var-title">
      <h3 className="risk-h3" id="risk-var-title">
        VaR 1 day{' '}
        <span className="risk-h3-note">
          σ <span className="num">{view.sigmaText}</span>
          {view.pathsText ? ` · ${view.pathsText}` : ''}
        </span>
      </h3>
      <dl className={stale ? 'var-grid stale' : 'var-grid'}>
        {view.rows.map((r) => (
          <div key={r.key} className="var-cell">
            <dt>{r.label}</dt>
            <dd className={r.pending ? 'var-pending' : 'num'}>{r.value}</dd>
          </div>
        ))}
      </dl>
      <p className="var-mc-age">
        Monte Carlo <HeavyAge />
      </p>
    </section>
  );
}
