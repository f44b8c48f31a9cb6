/** The positions slice's data and how a `positions.changed` event changes it (pure). */
import type {
  PositionGroup,
  PositionRow,
  PositionTotals,
  PositionsUpdate,
} from '@shared/domain/positions';

export interface PositionsState {
  /** False until the first full update arrived. */
  loaded: boolean;
  asOf: number | null;
  /** In the core's order (grouped by underlying). Unchanged rows keep their identity. */
  rows: readonly PositionRow[];
  /** id → index in `rows`. */
  index: ReadonlyMap<string, number>;
  groups: readonly PositionGroup[];
  totals: PositionTotals | null;
}

export const EMPTY_POSITIONS: PositionsState = {
  loaded: false,
  asOf: null,
  rows: [],
  index: new Map(),
  groups: [],
  totals: null,
};

function indexOf(rows: readonly PositionRow[]): Map<string, number> {
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(r.id, i));
  return index;
}

/**
 * A full update replaces every row in the order given; a partial one upserts rows by id (new
 * ids go last) and drops removed ids. Groups and totals are always replaced.
 */
export function applyPositionsUpdate(state: PositionsState, u: PositionsUpdate): PositionsState {
  const base = { loaded: true, asOf: u.asOf, groups: u.groups, totals: u.totals };
  if (u.full) {
    return { ...base, rows: u.upserts, index: indexOf(u.upserts) };
  }
  let rows = state.rows;
  let index = state.index;
  if (u.removed.length > 0) {
    const gone = new Set(u.removed);
    rows = rows.filter((r) => !gone.has(r.id));
    index = indexOf(rows);
  }
  if (u.upserts.length > 0) {
    const next = rows.slice();
    let appended = false;
    for (const row of u.upserts) {
      const i = index.get(row.id);
      if (i === undefined) {
        next.push(row);
        appended = true;
      } else {
        next[i] = row;
      }
    }
    rows = next;
    if (appended) index = indexOf(rows);
  }
  return { ...base, rows, index };
}

/** Applies updates in order; everything before the last full update is skipped. */
export function applyPositionsUpdates(
  state: PositionsState,
  updates: readonly PositionsUpdate[],
): PositionsState {
  let start = 0;
  for (let i = updates.length - 1; i >= 0; i--) {
    if (updates[i]?.full) {
      start = i;
      break;
    }
  }
  let s = state;
  for (let i = start; i < updates.length; i++) {
    const u = updates[i];
    if (u) s = applyPositionsUpdate(s, u);
  }
  return s;
}
