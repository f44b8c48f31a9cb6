import { describe, expect, it } from 'vitest';
import {
  buildDisplayItems,
  greeksSourceLabel,
  oldestTime,
} from '../../src/renderer/src/features/positions/model';
import { totalsSummary } from '../../src/renderer/src/features/positions/TotalsRow';
import { group, row, totals } from './fixtures';

describe('buildDisplayItems', () => {
  const rows = [
    row('a', { underlying: 'AAPL' }),
    row('b', { underlying: 'AAPL' }),
    row('c', { underlying: 'SPX' }),
  ];
  const groups = [
    group('AAPL', { totals: totals({ positions: 2 }) }),
    group('SPX', { totals: totals({ positions: 1 }) }),
  ];

  it('puts a header before each underlying and its rows in the core order', () => {
    const items = buildDisplayItems(rows, groups, new Set());
    expect(items.map((i) => (i.kind === 'group' ? `#${i.underlying}` : i.row.id))).toEqual([
      '#AAPL',
      'a',
      'b',
      '#SPX',
      'c',
    ]);
    expect(items[0]).toMatchObject({ kind: 'group', count: 2, collapsed: false });
  });

  it('leaves out the rows of a collapsed group but keeps its header', () => {
    const items = buildDisplayItems(rows, groups, new Set(['AAPL']));
    expect(items.map((i) => i.key)).toEqual(['group:AAPL', 'group:SPX', 'c']);
    expect(items[0]).toMatchObject({ collapsed: true, count: 2 });
  });

  it('still shows rows whose underlying has no group', () => {
    const items = buildDisplayItems([...rows, row('d', { underlying: 'QQQ' })], groups, new Set());
    expect(items.slice(-2).map((i) => i.key)).toEqual(['group:QQQ', 'd']);
    expect(items.at(-2)).toMatchObject({ totals: null });
  });
});

describe('labels', () => {
  it('names the Greeks source by broker', () => {
    expect(greeksSourceLabel('broker', 'sim')).toBe('SIM');
    expect(greeksSourceLabel('broker', 'ibkr')).toBe('IB');
    expect(greeksSourceLabel('local', 'ibkr')).toBe('local');
    expect(greeksSourceLabel('none', 'sim')).toBe('n/a');
  });

  it('ages a row by its older value', () => {
    expect(oldestTime(row('a', { priceTime: 5, greeksTime: 3 }))).toBe(3);
    expect(oldestTime(row('a', { priceTime: 5, greeks: null, greeksTime: null }))).toBe(5);
    expect(oldestTime(row('a', { priceTime: null, greeks: null, greeksTime: null }))).toBeNull();
  });

  it('summarises the book', () => {
    expect(
      totalsSummary(totals({ positions: 2000, greeksValid: 1990, greeksNeeded: 2000, stale: 3 })),
    ).toBe('2,000 positions · 1990/2000 with Greeks · 3 stale');
  });
});

describe('settlement on expiry week', () => {
  it('marks an option AM or PM within a week of expiry, nothing before or for stock', async () => {
    const { settlementMark } = await import('../../src/renderer/src/features/positions/model');
    const opt = { secType: 'OPT', settlement: 'AM' } as const;
    const row = (dte: number | null, instrument: object) =>
      ({ dte, instrument }) as unknown as Parameters<typeof settlementMark>[0];
    expect(settlementMark(row(3, opt))).toBe(' AM');
    expect(settlementMark(row(0, { secType: 'OPT' }))).toBe(' PM');
    expect(settlementMark(row(20, opt))).toBe('');
    expect(settlementMark(row(null, { secType: 'STK' }))).toBe('');
  });
});
