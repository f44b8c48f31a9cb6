import type { PositionTotals } from '@shared/domain/positions';
import {
  DASH,
  fmtCompactUsd,
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
  bookDeltaDollars,
}: {
  totals: PositionTotals | null;
  stale: boolean;
  /**
   * The book row only: its Δ cell shows dollar delta from the risk frame, because share counts
   * of different underlyings do not add up. Undefined for a group row (shares of one underlying).
   */
  bookDeltaDollars?: number | null;
}) {
  const s = (base: string) => (stale ? `${base} stale` : base);
  const delta =
    bookDeltaDollars === undefined ? (
      <td className={s('c-greek num')}>{t ? fmtDelta(t.greeks.delta) : DASH}</td>
    ) : (
      <td
        className={s('c-greek num')}
        title="Dollar delta of the book (shares of different underlyings do not add up)"
      >
        {fmtCompactUsd(bookDeltaDollars)}
      </td>
    );
  return (
    <>
      <td className={s('c-mv num')}>{t ? fmtMoney(t.marketValue) : DASH}</td>
      <td className={s(`c-pnl num ${t ? pnlClass(t.unrealizedPnl) : ''}`)}>
        {t ? fmtPnl(t.unrealizedPnl) : DASH}
      </td>
      {delta}
      <td className={s('c-greek num')}>{t ? fmtGamma(t.greeks.gamma) : DASH}</td>
      <td className={s('c-greek num')}>{t ? fmtTheta(t.greeks.theta) : DASH}</td>
      <td className={s('c-greek num')}>{t ? fmtVega(t.greeks.vega) : DASH}</td>
    </>
  );
}
