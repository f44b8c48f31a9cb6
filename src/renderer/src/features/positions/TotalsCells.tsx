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

/**
 * Market value, P&L and the four Greeks of a sum (a group or the book), in the positions
 * table's columns. One component for both rows, so they cannot drift out of line.
 */
export function TotalsCells({
  totals: t,
  stale,
}: {
  totals: PositionTotals | null;
  stale: boolean;
}) {
  const s = (base: string) => (stale ? `${base} stale` : base);
  return (
    <>
      <td className={s('c-mv num')}>{t ? fmtMoney(t.marketValue) : DASH}</td>
      <td className={s(`c-pnl num ${t ? pnlClass(t.unrealizedPnl) : ''}`)}>
        {t ? fmtPnl(t.unrealizedPnl) : DASH}
      </td>
      <td className={s('c-greek num')}>{t ? fmtDelta(t.greeks.delta) : DASH}</td>
      <td className={s('c-greek num')}>{t ? fmtGamma(t.greeks.gamma) : DASH}</td>
      <td className={s('c-greek num')}>{t ? fmtTheta(t.greeks.theta) : DASH}</td>
      <td className={s('c-greek num')}>{t ? fmtVega(t.greeks.vega) : DASH}</td>
    </>
  );
}
