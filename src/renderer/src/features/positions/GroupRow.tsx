import { memo } from 'react';
import { fmtPrice } from '../../format/numbers';
import type { GroupItem } from './model';
import { TotalsCells } from './TotalsCells';

interface Props {
  item: GroupItem;
  feedStale: boolean;
  onToggle: (underlying: string) => void;
}

/** Header of one underlying: its price and subtotals; click to collapse. */
export const GroupRow = memo(function GroupRow({ item, feedStale, onToggle }: Props) {
  const t = item.totals;
  // Sums that include a stale row are not live either: grey, never green or red.
  const stale = feedStale || t === null || t.stale > 0;
  const s = (base: string) => (stale ? `${base} stale` : base);
  return (
    <tr className="group-row" data-underlying={item.underlying}>
      <td className="c-instr">
        <button
          type="button"
          className="group-toggle"
          aria-expanded={!item.collapsed}
          title={item.collapsed ? 'Show positions' : 'Hide positions'}
          onClick={() => onToggle(item.underlying)}
        >
          <span className="chevron" aria-hidden="true">
            {item.collapsed ? '▸' : '▾'}
          </span>
          <span className="group-name">{item.underlying}</span>
        </button>
        <span className="group-count">
          {item.count} pos
          {t && t.greeksValid < t.greeksNeeded
            ? ` · ${t.greeksValid}/${t.greeksNeeded} Greeks`
            : ''}
        </span>
      </td>
      <td className="c-qty num" />
      <td className={s('c-price num')} title="Underlying price">
        {fmtPrice(item.underlyingPrice)}
      </td>
      <TotalsCells totals={t} stale={stale} />
      <td className="c-group-meta" colSpan={4}>
        {stale ? (
          <span className="stale-tag" title="Subtotals include stale values">
            {feedStale || t === null ? 'stale' : `${t.stale} stale`}
          </span>
        ) : null}
      </td>
    </tr>
  );
});
