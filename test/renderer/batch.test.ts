import { describe, expect, it } from 'vitest';
import { StreamBuffer, applyBatch } from '../../src/renderer/src/stores/batch';
import { ageOf, initialClock, serverNow } from '../../src/renderer/src/stores/clock';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { connection, quote, row, update } from './fixtures';

describe('StreamBuffer', () => {
  it('returns nothing when no event arrived', () => {
    expect(new StreamBuffer().take()).toBeNull();
  });

  it('keeps the latest connection and every positions update, then starts empty', () => {
    const b = new StreamBuffer();
    b.connection(connection({ status: 'connecting' }));
    b.connection(connection({ status: 'connected' }));
    b.positions(update({ asOf: 10 }), 100);
    b.positions(update({ asOf: 20 }), 110);
    const batch = b.take();
    expect(batch?.connection?.status).toBe('connected');
    expect(batch?.positions).toHaveLength(2);
    expect(batch?.latestAsOf).toEqual({ asOf: 20, receivedAt: 110 });
    expect(b.take()).toBeNull();
  });

  it('merges quotes by key', () => {
    const b = new StreamBuffer();
    b.quotes({ asOf: 1, quotes: [quote('IND:SPX', 1), quote('IND:VIX', 2)] }, 1);
    b.quotes({ asOf: 2, quotes: [quote('IND:SPX', 3)] }, 2);
    const batch = b.take();
    expect([...(batch?.quotes.values() ?? [])].map((q) => q.mark)).toEqual([3, 2]);
  });
});

describe('applyBatch', () => {
  it('applies a whole batch in one store update', () => {
    const store = createAppStore(0);
    let sets = 0;
    store.subscribe(() => sets++);
    const b = new StreamBuffer();
    b.connection(connection());
    b.positions(update({ full: true, upserts: [row('a')] }), 0);
    b.positions(update({ upserts: [row('a', { price: 2 })] }), 0);
    b.quotes({ asOf: 0, quotes: [quote('IND:SPX', 5800)] }, 0);
    store.getState().applyBatch(b.take()!, 50);
    expect(sets).toBe(1);
    const s = store.getState();
    expect(s.connection?.status).toBe('connected');
    expect(s.positions.rows[0]?.price).toBe(2);
    expect(s.quotes.byKey['IND:SPX']?.mark).toBe(5800);
    expect(s.clock.lastEventAt).toBe(50);
  });

  it('leaves slices without news untouched', () => {
    const store = createAppStore(0);
    const before = store.getState();
    const b = new StreamBuffer();
    b.connection(connection());
    const out = applyBatch(before, b.take()!, 1);
    expect(out.positions).toBeUndefined();
    expect(out.quotes).toBeUndefined();
  });

  it('estimates the core clock skew from the latest asOf', () => {
    const store = createAppStore(0);
    const b = new StreamBuffer();
    // The core's clock reads 10_500 when ours reads 10_000: the core is 500 ms ahead.
    b.positions(update({ asOf: 10_500 }), 10_000);
    store.getState().applyBatch(b.take()!, 10_000);
    const { clock } = store.getState();
    expect(clock.skewMs).toBe(500);
    expect(serverNow(clock)).toBe(10_500);
    store.getState().tick(12_000);
    expect(ageOf(10_500, store.getState().clock)).toBe(2_000);
  });
});

describe('ageOf', () => {
  it('counts on the core clock and never goes negative', () => {
    const c = { ...initialClock(1_000), skewMs: -200 };
    expect(ageOf(500, c)).toBe(300);
    expect(ageOf(5_000, c)).toBe(0);
    expect(ageOf(null, c)).toBeNull();
  });
});
