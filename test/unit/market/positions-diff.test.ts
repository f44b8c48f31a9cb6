import { describe, expect, it } from 'vitest';
import type { PositionRow, PositionsView } from '@shared/domain/positions';
import { diff } from '../../../src/main/market/positions-publisher';
import { totalsOf } from '../../../src/main/market/positions-view';
import { inst } from '../../fakes/instruments';

function row(symbol: string, price: number): PositionRow {
  const instrument = inst({ secType: 'STK', symbol });
  return {
    id: `A|${instrument.key}`,
    account: 'A',
    instrument,
    underlying: symbol,
    quantity: 10,
    avgPrice: 1,
    price,
    priceTime: 1,
    priceStale: false,
    underlyingPrice: price,
    dte: null,
    marketValue: price * 10,
    unrealizedPnl: 0,
    greeks: { delta: 10, gamma: 0, theta: 0, vega: 0 },
    greeksSource: 'local',
    greeksTime: 1,
    greeksStale: false,
    iv: null,
  };
}

const view = (rows: PositionRow[]): PositionsView => ({
  asOf: 1,
  rows,
  groups: [],
  totals: totalsOf(rows),
});

describe('positions diff', () => {
  it('is null when nothing visible changed', () => {
    expect(diff(view([row('A', 1), row('B', 2)]), view([row('A', 1), row('B', 2)]))).toBeNull();
  });

  it('sends only the rows that changed', () => {
    const u = diff(view([row('A', 1), row('B', 2)]), view([row('A', 1), row('B', 3)]))!;
    expect(u.full).toBe(false);
    expect(u.upserts.map((r) => r.price)).toEqual([3]);
    expect(u.removed).toEqual([]);
  });

  it('sends a full, ordered update when a position is added', () => {
    const u = diff(view([row('B', 2)]), view([row('A', 1), row('B', 2)]))!;
    expect(u.full).toBe(true);
    expect(u.upserts.map((r) => r.underlying)).toEqual(['A', 'B']);
  });

  it('names the ids of removed positions', () => {
    const u = diff(view([row('A', 1), row('B', 2)]), view([row('B', 2)]))!;
    expect(u.removed).toEqual(['A|STK:A']);
  });
});
