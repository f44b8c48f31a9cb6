import { useCallback, useMemo, useRef, useState } from 'react';
import { useFeedStaleReason, useStaleLimits } from '../../stores/selectors';
import { useBulwark } from '../../stores/store';
import { PlainBody, VirtualBody, type RenderItem } from './bodies';
import { expiryLevels } from './expiry';
import { GroupRow } from './GroupRow';
import { COLUMNS, VIRTUALIZE_ABOVE, buildDisplayItems } from './model';
import { PositionRowView } from './PositionRow';
import { TotalsRow } from './TotalsRow';

function Head() {
  return (
    <thead>
      <tr>
        {COLUMNS.map((c) => (
          <th key={c.id} scope="col" className={c.className} title={c.title}>
            {c.title && c.label.length <= 2 ? (
              <>
                <span aria-hidden="true">{c.label}</span>
                <span className="sr-only">{c.title}</span>
              </>
            ) : (
              c.label
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function EmptyBody({ text }: { text: string }) {
  return (
    <tbody>
      <tr className="empty-row">
        <td colSpan={COLUMNS.length}>{text}</td>
      </tr>
    </tbody>
  );
}

/** The book, grouped by underlying, with subtotals and book totals. */
export function PositionsTable() {
  const rows = useBulwark((s) => s.positions.rows);
  const groups = useBulwark((s) => s.positions.groups);
  const totals = useBulwark((s) => s.positions.totals);
  const loaded = useBulwark((s) => s.positions.loaded);
  const broker = useBulwark((s) => s.app?.broker ?? s.connection?.broker ?? null);
  const feedStale = useFeedStaleReason();
  const limits = useStaleLimits();
  const alarms = useBulwark((s) => s.risk.frame?.alarms);
  const levels = useMemo(() => expiryLevels(alarms), [alarms]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const scrollRef = useRef<HTMLDivElement>(null);

  const toggle = useCallback((underlying: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(underlying)) next.add(underlying);
      return next;
    });
  }, []);

  const items = useMemo(
    () => buildDisplayItems(rows, groups, collapsed),
    [rows, groups, collapsed],
  );

  const renderItem: RenderItem = (item) =>
    item.kind === 'group' ? (
      <GroupRow key={item.key} item={item} feedStale={feedStale !== null} onToggle={toggle} />
    ) : (
      <PositionRowView
        key={item.key}
        row={item.row}
        broker={broker}
        feedStale={feedStale}
        quoteLimitMs={limits.quote}
        greeksLimitMs={limits.greeks}
        expiry={levels.get(item.row.instrument.description) ?? null}
      />
    );

  let body;
  if (!loaded) body = <EmptyBody text="Waiting for positions from the core…" />;
  else if (rows.length === 0) body = <EmptyBody text="No open positions." />;
  else if (rows.length > VIRTUALIZE_ABOVE)
    body = <VirtualBody items={items} renderItem={renderItem} scrollRef={scrollRef} />;
  else body = <PlainBody items={items} renderItem={renderItem} />;

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className={feedStale ? 'positions feed-stale' : 'positions'} aria-label="Positions">
        <Head />
        {body}
        <tfoot>
          <TotalsRow totals={totals} feedStale={feedStale !== null} />
        </tfoot>
      </table>
    </div>
  );
}
