import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../src/main/util/recent-ids';

describe('RecentIds', () => {
  it('remembers an id for the retention, then forgets it, oldest first, telling the owner', () => {
    const forgotten: string[] = [];
    const ids = new RecentIds<string>(1_000, (id) => forgotten.push(id));
    ids.add('a', 0);
    ids.add('b', 400);
    expect(ids.has('a')).toBe(true);
    ids.prune(999);
    expect([ids.has('a'), ids.size]).toEqual([true, 2]);
    ids.add('c', 1_000);
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true]);
    ids.prune(1_400);
    expect(forgotten).toEqual(['a', 'b']);
    expect(ids.size).toBe(1);
  });

  it('re-adding an id refreshes it rather than keeping its first time', () => {
    const ids = new RecentIds<number>(1_000);
    ids.add(1, 0);
    ids.add(2, 100);
    ids.add(1, 900);
    ids.prune(1_500);
    expect([ids.has(1), ids.has(2)]).toEqual([true, false]);
  });
});
