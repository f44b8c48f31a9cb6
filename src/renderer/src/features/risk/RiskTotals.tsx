import { useMemo } from 'react';
import { useBulwark } from '../../stores/store';
import { coverageView, totalsFigures } from './summary';

/** The book's Greeks, β-delta, θ/ν and NLV, with how many positions the Greeks cover. */
export function RiskTotals({ stale }: { stale: boolean }) {
  const frame = useBulwark((s) => s.risk.frame);
  const figures = useMemo(() => (frame ? totalsFigures(frame) : []), [frame]);
  if (!frame) return null;
  const coverage = coverageView(frame.coverage);
  return (
    <section className="risk-block" aria-labelledby="risk-book-title">
      <h3 className="risk-h3" id="risk-book-title">
        Book
      </h3>
      <dl className={stale ? 'risk-figures stale' : 'risk-figures'}>
        {figures.map((f) => (
          <div className="risk-figure" key={f.key} title={f.title}>
            <dt>
              <span aria-hidden="true">{f.label}</span>
              <span className="sr-only">{f.title}</span>
            </dt>
            <dd className={f.critical ? 'num critical' : 'num'}>
              {f.value}
              {f.sub ? <span className="risk-figure-sub">{f.sub}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p
        className={coverage.warn ? 'risk-coverage warn' : 'risk-coverage'}
        title={
          coverage.warn ? 'Positions without Greeks are left out of every Greek total' : undefined
        }
      >
        {coverage.text}
      </p>
    </section>
  );
}
