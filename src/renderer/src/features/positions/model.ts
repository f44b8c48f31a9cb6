/** Pure display logic for the positions table: grouping, collapse, labels. */
import { isOption } from '@shared/domain/instrument';
import type { BrokerKind } from '@shared/domain/account';
import type {
  GreeksSource,
  PositionGroup,
  PositionRow,
  PositionTotals,
} from '@shared/domain/positions';

/** Render every row up to this many positions; virtualize above. */
export const VIRTUALIZE_ABOVE = 300;
/** Fixed row height (px) shared by CSS and the virtualizer. */
export const ROW_HEIGHT = 26;

export interface GroupItem {
  kind: 'group';
  key: string;
  underlying: string;
  underlyingPrice: number | null;
  /** Null when the core sent rows for an underlying without a group (never expected). */
  totals: PositionTotals | null;
  count: number;
  collapsed: boolean;
}

export interface RowItem {
  kind: 'row';
  key: string;
  row: PositionRow;
}

export type DisplayItem = GroupItem | RowItem;

/**
 * Group header then its rows, in the core's group order; rows keep the core's order. Rows of a
 * collapsed group are left out.
 */
export function buildDisplayItems(
  rows: readonly PositionRow[],
  groups: readonly PositionGroup[],
  collapsed: ReadonlySet<string>,
): DisplayItem[] {
  const byUnderlying = new Map<string, PositionRow[]>();
  for (const r of rows) {
    const list = byUnderlying.get(r.underlying);
    if (list) list.push(r);
    else byUnderlying.set(r.underlying, [r]);
  }
  const items: DisplayItem[] = [];
  const push = (g: Omit<GroupItem, 'kind' | 'key' | 'count' | 'collapsed'>) => {
    const members = byUnderlying.get(g.underlying) ?? [];
    byUnderlying.delete(g.underlying);
    const isCollapsed = collapsed.has(g.underlying);
    items.push({
      kind: 'group',
      key: `group:${g.underlying}`,
      ...g,
      count: members.length,
      collapsed: isCollapsed,
    });
    if (!isCollapsed) for (const row of members) items.push({ kind: 'row', key: row.id, row });
  };
  for (const g of groups) {
    if (byUnderlying.has(g.underlying) || g.totals.positions > 0) push(g);
  }
  for (const [underlying, members] of [...byUnderlying]) {
    push({ underlying, underlyingPrice: members[0]?.underlyingPrice ?? null, totals: null });
  }
  return items;
}

/** "SIM" or "IB" for broker Greeks, "local" for our model, "n/a" when there are none. */
export function greeksSourceLabel(source: GreeksSource, broker: BrokerKind | null): string {
  switch (source) {
    case 'broker':
      return broker === 'ibkr' ? 'IB' : broker === 'sim' ? 'SIM' : 'broker';
    case 'local':
      return 'local';
    case 'none':
      return 'n/a';
  }
}

/** The older of the price and Greeks timestamps (the age a row is as good as). */
export function oldestTime(row: PositionRow): number | null {
  const times = [row.priceTime, row.greeks ? row.greeksTime : null].filter(
    (t): t is number => t !== null,
  );
  return times.length === 0 ? null : Math.min(...times);
}

export interface Column {
  id: string;
  label: string;
  /** Spoken / tooltip name when the label is a symbol. */
  title?: string;
  className: string;
}

export const COLUMNS: readonly Column[] = [
  { id: 'instrument', label: 'Instrument', className: 'c-instr' },
  { id: 'qty', label: 'Qty', title: 'Quantity (negative = short)', className: 'c-qty num' },
  { id: 'price', label: 'Mark', title: 'Mark price', className: 'c-price num' },
  { id: 'mv', label: 'Mkt value', title: 'Market value', className: 'c-mv num' },
  { id: 'pnl', label: 'Unrl P&L', title: 'Unrealized P&L', className: 'c-pnl num' },
  { id: 'delta', label: 'Δ', title: 'Delta (share-equivalents)', className: 'c-greek num' },
  {
    id: 'gamma',
    label: 'Γ',
    title: 'Gamma (share-equivalents per point)',
    className: 'c-greek num',
  },
  { id: 'theta', label: 'Θ', title: 'Theta ($ per day)', className: 'c-greek num' },
  { id: 'vega', label: 'Vega', title: 'Vega ($ per vol point)', className: 'c-vega num' },
  { id: 'iv', label: 'IV', title: 'Implied volatility', className: 'c-iv num' },
  { id: 'dte', label: 'DTE', title: 'Calendar days to expiry', className: 'c-dte num' },
  { id: 'src', label: 'Src', title: 'Source of the Greeks', className: 'c-src' },
  { id: 'age', label: 'Age', title: 'Age of price / Greeks', className: 'c-age num' },
];

/** On expiry week an option's AM or PM settlement matters: 09:30 and 16:00 are a day apart. */
export const EXPIRY_WEEK_DTE = 7;

export function settlementMark(row: PositionRow): string {
  if (row.dte === null || row.dte > EXPIRY_WEEK_DTE || !isOption(row.instrument)) return '';
  return ` ${row.instrument.settlement ?? 'PM'}`;
}
