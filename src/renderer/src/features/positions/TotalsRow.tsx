import type { PositionTotals } from '@shared/domain/positions';
import {
  DASH,
  fmtDelta,
  fmtGamma,
  fmtMoney,
  fmtPnl,
  fmtTheta,
  fmtVega,
  pnlClass,
} from '../../format/numbers';
import { COLUMNS } from './model';

interface Props {
  totals: PositionTotals | null;
  feedStale: boolean;
}

export function totalsSummary(t: PositionTotals): string {
  const n = t.positions.toLocaleString('en-US');
  return `${n} position${t.positions === 1 ? '' : 's'} · ${t.greeksValid}/${t.greeksNeeded} with Greeks · ${t.stale} stale`;
}

/**
 * Book totals (the core's sums; Greeks of positions without valid Greeks are left out) and a
 * summary line: positions, how many have Greeks, how many are stale.
 */
export function TotalsRow({ totals: t, feedStale }: Props) {
  const incomplete = t !== null && t.greeksValid < t.greeksNeeded;
  const stale = feedStale || t === null || t.stale > 0;
  const s = (base: string) => (stale ? `${base} stale` : base);
  return (
    <>
      <tr className="totals-row">
        <td className="c-instr" colSpan={3}>
          <span className="totals-label">Book</span>
          {stale ? <span className="stale-tag">stale</span> : null}
        </td>
        <td className={s('c-mv num')}>{t ? fmtMoney(t.marketValue) : DASH}</td>
        <td className={s(`c-pnl num ${t ? pnlClass(t.unrealizedPnl) : ''}`)}>
          {t ? fmtPnl(t.unrealizedPnl) : DASH}
        </td>
        <td className={s('c-greek num')}>{t ? fmtDelta(t.greeks.delta) : DASH}</td>
        <td className={s('c-greek num')}>{t ? fmtGamma(t.greeks.gamma) : DASH}</td>
        <td className={s('c-greek num')}>{t ? fmtTheta(t.greeks.theta) : DASH}</td>
        <td className={s('c-greek num')}>{t ? fmtVega(t.greeks.vega) : DASH}</td>
        <td colSpan={4} />
      </tr>
      <tr className="summary-row">
        <td colSpan={COLUMNS.length}>
          <span className={incomplete || (t?.stale ?? 0) > 0 ? 'warn' : undefined}>
            {t ? totalsSummary(t) : 'No positions yet'}
          </span>
          {incomplete ? (
            <span className="summary-note">
              Positions without Greeks are left out of every Greek total.
            </span>
          ) : null}
        </td>
      </tr>
    </>
  );
}
