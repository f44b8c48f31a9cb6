import { describe, expect, it } from 'vitest';
import {
  EMPTY_POSITIONS,
  applyPositionsUpdate,
  applyPositionsUpdates,
} from '../../src/renderer/src/stores/positions';
import { group, row, totals, update } from './fixtures';

const ids = (s: { rows: readonly { id: string }[] }) => s.rows.map((r) => r.id);

describe('applyPositionsUpdate', () => {
  it('replaces every row, in the order given, on a full update', () => {
    const before = applyPositionsUpdate(
      EMPTY_POSITIONS,
      update({ full: true, upserts: [row('a'), row('b')] }),
    );
    const after = applyPositionsUpdate(
      before,
      update({ full: true, upserts: [row('c'), row('a')] }),
    );
    expect(ids(after)).toEqual(['c', 'a']);
    expect(after.index.get('a')).toBe(1);
    expect(after.loaded).toBe(true);
  });

  it('upserts changed rows in place and keeps the identity of unchanged rows', () => {
    const a = row('a');
    const b = row('b');
    const s1 = applyPositionsUpdate(EMPTY_POSITIONS, update({ full: true, upserts: [a, b] }));
    const b2 = row('b', { price: 12 });
    const s2 = applyPositionsUpdate(s1, update({ upserts: [b2] }));
    expect(ids(s2)).toEqual(['a', 'b']);
    expect(s2.rows[0]).toBe(a);
    expect(s2.rows[1]).toBe(b2);
    expect(s2.rows).not.toBe(s1.rows);
  });

  it('drops removed ids and appends rows it has not seen', () => {
    const s1 = applyPositionsUpdate(
      EMPTY_POSITIONS,
      update({ full: true, upserts: [row('a'), row('b'), row('c')] }),
    );
    const s2 = applyPositionsUpdate(
      s1,
      update({ removed: ['b'], upserts: [row('d'), row('c', { quantity: -5 })] }),
    );
    expect(ids(s2)).toEqual(['a', 'c', 'd']);
    expect(s2.rows[1]?.quantity).toBe(-5);
    expect([...s2.index]).toEqual([
      ['a', 0],
      ['c', 1],
      ['d', 2],
    ]);
  });

  it('always replaces groups, totals and asOf', () => {
    const s1 = applyPositionsUpdate(EMPTY_POSITIONS, update({ full: true, upserts: [row('a')] }));
    const g = [group('SPX')];
    const t = totals({ positions: 1, unrealizedPnl: 42 });
    const s2 = applyPositionsUpdate(s1, update({ asOf: 5_000, groups: g, totals: t }));
    expect(s2.groups).toBe(g);
    expect(s2.totals).toBe(t);
    expect(s2.asOf).toBe(5_000);
    expect(s2.rows).toBe(s1.rows);
  });
});

describe('applyPositionsUpdates', () => {
  it('applies a batch in order, skipping everything before the last full update', () => {
    const s0 = applyPositionsUpdate(EMPTY_POSITIONS, update({ full: true, upserts: [row('x')] }));
    const s = applyPositionsUpdates(s0, [
      update({ upserts: [row('y')] }),
      update({ full: true, upserts: [row('a'), row('b')] }),
      update({ upserts: [row('b', { price: 1 })] }),
      update({ removed: ['a'] }),
    ]);
    expect(ids(s)).toEqual(['b']);
    expect(s.rows[0]?.price).toBe(1);
  });
});
