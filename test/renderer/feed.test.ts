import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src/renderer/src/api/api';
import { startFeeds } from '../../src/renderer/src/stores/feed';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { FakeBridge } from './fake-bridge';
import { appInfo, connection, row, update } from './fixtures';

describe('startFeeds', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const bridge = new FakeBridge({ 'app.info': () => ({ ok: true, value: appInfo() }) });
    const store = createAppStore(Date.now());
    const stop = startFeeds(bridge, createApi(bridge), store);
    return { bridge, store, stop };
  }

  it('subscribes to every stream the UI shows', () => {
    const { bridge, stop } = setup();
    for (const s of [
      'connection.state',
      'positions.changed',
      'market.quotes',
      'account.changed',
      'sim.status',
      'risk.frame',
    ] as const) {
      expect(bridge.subscriberCount(s)).toBe(1);
    }
    stop();
    expect(bridge.subscriberCount('positions.changed')).toBe(0);
  });

  it('applies a burst of events as one store update', () => {
    const { bridge, store, stop } = setup();
    let sets = 0;
    store.subscribe(() => sets++);
    bridge.emit('connection.state', connection());
    for (let i = 0; i < 50; i++) {
      bridge.emit(
        'positions.changed',
        update({ full: i === 0, upserts: [row('a', { price: i })] }),
      );
    }
    expect(store.getState().positions.loaded).toBe(false);
    vi.advanceTimersByTime(100);
    expect(sets).toBe(1);
    expect(store.getState().positions.rows[0]?.price).toBe(49);
    stop();
  });

  it('asks for app.info when the link opens', async () => {
    const { bridge, store, stop } = setup();
    expect(bridge.calls).toHaveLength(0);
    store.getState().setLink({ status: 'open', everOpen: true, retries: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.calls.map((c) => c.name)).toEqual(['app.info']);
    expect(store.getState().app?.broker).toBe('sim');
    stop();
  });

  it('ticks the clock once a second with no events', () => {
    const { store, stop } = setup();
    const t0 = store.getState().clock.now;
    vi.advanceTimersByTime(3_000);
    expect(store.getState().clock.now).toBe(t0 + 3_000);
    stop();
  });

  it('shows a stream the core ended as a notice', () => {
    const { bridge, store, stop } = setup();
    bridge.end('sim.status', { code: 'UNKNOWN_STREAM', message: 'gone' });
    expect(store.getState().notices[0]?.error.code).toBe('UNKNOWN_STREAM');
    stop();
  });
});
