import type { PositionTotals } from '@shared/domain/positions';
import { useBulwark } from '../../stores/store';
import { COLUMNS } from './model';
import { TotalsCells } from './TotalsCells';

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
  const deltaDollars = useBulwark((s) => s.risk.frame?.totals.deltaDollars ?? null);
  return (
    <>
      <tr className="totals-row">
        <td className="c-instr" colSpan={3}>
          <span className="totals-label">Book</span>
          {stale ? <span className="stale-tag">stale</span> : null}
        </td>
        <TotalsCells totals={t} stale={stale} bookDeltaDollars={deltaDollars} />
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
