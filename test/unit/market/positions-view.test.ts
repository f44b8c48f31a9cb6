import { describe, expect, it } from 'vitest';
import type { Quote } from '@shared/domain/market';
import { PositionRowSchema, PositionsViewSchema } from '@shared/domain/positions';
import type { BrokerPosition } from '../../../src/main/broker/port';
import type { ValidGreeks } from '../../../src/main/market/option-model';
import { buildPositionsView, type ViewInputs } from '../../../src/main/market/positions-view';
import { inst } from '../../fakes/instruments';

const NOW = Date.parse('2026-11-20T15:00:00-05:00');
const spxPut = inst({
  secType: 'OPT',
  symbol: 'SPX',
  expiry: '2026-12-18',
  right: 'P',
  strike: 5800,
  exercise: 'european',
  underlyingKey: 'IND:SPX',
});
const es = inst({ secType: 'FUT', symbol: 'ES', expiry: '2026-12-18' });
const aapl = inst({ secType: 'STK', symbol: 'AAPL' });

const positions: BrokerPosition[] = [
  { account: 'A', instrument: spxPut, quantity: -2, avgPrice: 65 },
  { account: 'A', instrument: es, quantity: 1, avgPrice: 5900 },
  { account: 'A', instrument: aapl, quantity: 100, avgPrice: 220 },
];

function quote(key: string, mark: number, age = 0): Quote {
  return {
    key,
    bid: mark - 0.05,
    ask: mark + 0.05,
    last: null,
    mark,
    bidSize: 1,
    askSize: 1,
    delayed: false,
    time: NOW - age,
  };
}

function inputs(over: Partial<ViewInputs> = {}): ViewInputs {
  const quotes = new Map([
    [spxPut.key, quote(spxPut.key, 61.35)],
    ['IND:SPX', quote('IND:SPX', 5900)],
    [es.key, quote(es.key, 5915)],
    [aapl.key, quote(aapl.key, 230)],
  ]);
  const greeks = new Map<string, ValidGreeks>([
    [
      spxPut.key,
      { delta: -0.25, gamma: 0.0012, vega: 6.5, theta: -1.1, iv: 0.18, time: NOW - 1000 },
    ],
  ]);
  return {
    positions,
    quote: (k) => quotes.get(k),
    greeks: (k) => greeks.get(k),
    now: NOW,
    connected: true,
    staleAfter: { quoteMs: 10_000, greeksMs: 30_000 },
    ...over,
  };
}

describe('positions view', () => {
  it('falls back to the risk engine’s local Greeks when the broker’s are stale, labelled local', () => {
    const old = new Map<string, ValidGreeks>([
      [spxPut.key, { delta: -0.3, gamma: 0.001, vega: 6, theta: -1, iv: 0.2, time: NOW - 31_000 }],
    ]);
    const local: ValidGreeks = {
      delta: -0.2,
      gamma: 0.001,
      vega: 6,
      theta: -1,
      iv: 0.17,
      time: NOW - 200,
    };
    const view = buildPositionsView(
      inputs({
        greeks: (k) => old.get(k),
        localGreeks: (id) => (id === `A|${spxPut.key}` ? local : undefined),
      }),
    );
    const row = view.rows.find((r) => r.instrument.key === spxPut.key)!;
    expect(row.greeksSource).toBe('local');
    expect(row.greeks!.delta).toBeCloseTo(40, 12);
    expect(row.greeksStale).toBe(false);
    expect(row.iv).toBe(0.17);
    // Fresh broker Greeks win over local ones.
    const fresh = buildPositionsView(inputs({ localGreeks: () => local })).rows.find(
      (r) => r.instrument.key === spxPut.key,
    )!;
    expect(fresh.greeksSource).toBe('broker');
  });

  it('scales per-share broker Greeks by multiplier and signed quantity', () => {
    const row = buildPositionsView(inputs()).rows.find((r) => r.instrument.key === spxPut.key)!;
    // Short 2 puts, multiplier 100: delta −0.25 → +50 share-equivalents.
    expect(row.greeks!.delta).toBeCloseTo(50, 12);
    expect(row.greeks!.gamma).toBeCloseTo(-0.24, 12);
    expect(row.greeks!.theta).toBeCloseTo(220, 12);
    expect(row.greeks!.vega).toBeCloseTo(-1300, 12);
    expect(row.greeksSource).toBe('broker');
    expect(row.iv).toBe(0.18);
  });

  it('values options and stock at mark × multiplier × quantity, futures at their open P&L', () => {
    const rows = buildPositionsView(inputs()).rows;
    const byKey = new Map(rows.map((r) => [r.instrument.key, r]));
    expect(byKey.get(spxPut.key)!.marketValue).toBeCloseTo(-12_270, 6);
    expect(byKey.get(spxPut.key)!.unrealizedPnl).toBeCloseTo(730, 6);
    expect(byKey.get(es.key)!.marketValue).toBeCloseTo(750, 6);
    expect(byKey.get(es.key)!.greeks!.delta).toBe(50);
    expect(byKey.get(aapl.key)!.marketValue).toBe(23_000);
    expect(byKey.get(aapl.key)!.unrealizedPnl).toBe(1_000);
  });

  it('counts DTE in New York days and gives the underlying price', () => {
    const row = buildPositionsView(inputs()).rows.find((r) => r.instrument.key === spxPut.key)!;
    expect(row.dte).toBe(28);
    expect(row.underlyingPrice).toBe(5900);
  });

  it('flags an option without valid Greeks and leaves it out of the sums', () => {
    const view = buildPositionsView(inputs({ greeks: () => undefined }));
    const row = view.rows.find((r) => r.instrument.key === spxPut.key)!;
    expect(row.greeks).toBeNull();
    expect(row.greeksSource).toBe('none');
    expect(view.totals.greeksValid).toBe(2);
    expect(view.totals.greeksNeeded).toBe(3);
    expect(view.totals.greeks.delta).toBe(150);
  });

  it('marks old prices and old Greeks stale', () => {
    const old = inputs();
    const view = buildPositionsView({ ...old, now: NOW + 31_000 });
    const row = view.rows.find((r) => r.instrument.key === spxPut.key)!;
    expect(row.priceStale).toBe(true);
    expect(row.greeksStale).toBe(true);
    expect(view.totals.stale).toBe(3);
  });

  it('marks everything stale while the broker is not connected, however fresh', () => {
    const view = buildPositionsView(inputs({ connected: false }));
    expect(view.rows.every((r) => r.priceStale && r.greeksStale)).toBe(true);
  });

  it('groups by underlying with subtotals that add up to the book totals', () => {
    const view = buildPositionsView(inputs());
    expect(view.groups.map((g) => g.underlying)).toEqual(['AAPL', 'ES', 'SPX']);
    const sum = view.groups.reduce((s, g) => s + g.totals.greeks.delta, 0);
    expect(sum).toBeCloseTo(view.totals.greeks.delta, 9);
    expect(view.groups.find((g) => g.underlying === 'SPX')!.underlyingPrice).toBe(5900);
  });

  it('produces rows that satisfy the contract schema', () => {
    const view = buildPositionsView(inputs());
    expect(() => PositionsViewSchema.parse(view)).not.toThrow();
    for (const r of view.rows) expect(() => PositionRowSchema.parse(r)).not.toThrow();
  });

  it('shows a missing price as null, never as zero', () => {
    const view = buildPositionsView(inputs({ quote: () => undefined }));
    const row = view.rows.find((r) => r.instrument.key === aapl.key)!;
    expect(row.price).toBeNull();
    expect(row.marketValue).toBeNull();
    expect(row.priceStale).toBe(true);
  });
});
