import { fmtGamma, fmtUsd } from '../../format/numbers';
import { useBulwark } from '../../stores/store';

/** Gamma per expiry bucket, with Γ$ for a 1% move and a bar for its size. */
export function GammaByDte({ stale }: { stale: boolean }) {
  const buckets = useBulwark((s) => s.risk.frame?.gammaByDte);
  if (!buckets) return null;
  const max = Math.max(1e-9, ...buckets.map((b) => Math.abs(b.gammaDollarsPer1Pct)));
  return (
    <section className="risk-block" aria-labelledby="risk-gamma-title">
      <h3 className="risk-h3" id="risk-gamma-title">
        Gamma by DTE
      </h3>
      <table className={stale ? 'risk-table gamma-table stale' : 'risk-table gamma-table'}>
        <thead>
          <tr>
            <th scope="col">DTE</th>
            <th scope="col" className="num" title="Gamma (share-equivalents per point)">
              Γ
            </th>
            <th scope="col" className="num" title="Change in dollar delta for a 1% move">
              Γ$ / 1%
            </th>
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.bucket}>
              <th scope="row">{b.bucket}</th>
              <td className="num">{fmtGamma(b.gamma)}</td>
              <td className="num">{fmtUsd(b.gammaDollarsPer1Pct)}</td>
              <td className="gamma-bar-cell" aria-hidden="true">
                <span
                  className={b.gammaDollarsPer1Pct < 0 ? 'gamma-bar short' : 'gamma-bar'}
                  style={{ width: `${(Math.abs(b.gammaDollarsPer1Pct) / max) * 100}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
