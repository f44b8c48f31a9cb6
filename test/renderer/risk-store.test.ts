import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src/renderer/src/api/api';
import { StreamBuffer, applyBatch } from '../../src/renderer/src/stores/batch';
import { startFeeds } from '../../src/renderer/src/stores/feed';
import { EMPTY_RISK, applyRiskFrame, riskStaleReason } from '../../src/renderer/src/stores/risk';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { FakeBridge } from './fake-bridge';
import { appInfo, connection } from './fixtures';
import { T0, riskFrame, staleFrame } from './risk-fixtures';

describe('risk frames in the store', () => {
  it('keeps only the latest frame of a batch', () => {
    const b = new StreamBuffer();
    b.risk(riskFrame({ asOf: T0 }), T0);
    b.risk(riskFrame({ asOf: T0 + 100, netLiquidation: 2 }), T0 + 100);
    const batch = b.take();
    expect(batch?.risk?.netLiquidation).toBe(2);
    expect(batch?.events).toBe(2);
    expect(batch?.latestAsOf).toEqual({ asOf: T0 + 100, receivedAt: T0 + 100 });
  });

  it('applies a frame in one store update and leaves it alone when none came', () => {
    const store = createAppStore(T0);
    let sets = 0;
    store.subscribe(() => sets++);
    const b = new StreamBuffer();
    b.risk(riskFrame(), T0);
    store.getState().applyBatch(b.take()!, T0);
    expect(sets).toBe(1);
    const frame = store.getState().risk.frame;
    expect(frame?.regime.name).toBe('high_volatility');

    b.connection(connection());
    const out = applyBatch(store.getState(), b.take()!, T0 + 1);
    expect(out.risk).toBeUndefined();
  });

  it('never lets an older frame replace a newer one', () => {
    const newer = applyRiskFrame(EMPTY_RISK, riskFrame({ asOf: T0 + 500 }));
    expect(applyRiskFrame(newer, riskFrame({ asOf: T0 })).frame?.asOf).toBe(T0 + 500);
    expect(applyRiskFrame(newer, riskFrame({ asOf: T0 + 600 })).frame?.asOf).toBe(T0 + 600);
  });
});

describe('riskStaleReason', () => {
  const base = { feedReason: null, ageMs: 200, limitMs: 30_000 };

  it('is null for a fresh frame on a live feed', () => {
    expect(riskStaleReason({ ...base, frame: riskFrame() })).toBeNull();
  });

  it("gives the core's own reason first", () => {
    const frame = staleFrame('SPX quote older than 10s');
    expect(riskStaleReason({ ...base, frame, feedReason: 'broker is down' })).toBe(
      'SPX quote older than 10s',
    );
  });

  it('is stale while the feed is down, even when the last frame was fresh', () => {
    expect(riskStaleReason({ ...base, frame: riskFrame(), feedReason: 'broker is down' })).toBe(
      'broker is down',
    );
  });

  it('is stale when no new frame came within the limit, or none at all', () => {
    expect(riskStaleReason({ ...base, frame: riskFrame(), ageMs: 31_000 })).toBe(
      'no new risk frame for over 30s',
    );
    expect(riskStaleReason({ ...base, frame: null })).toBe('no risk frame from the core yet');
  });
});

describe('the risk.frame feed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies a burst of frames as one update with the latest frame', () => {
    const bridge = new FakeBridge({ 'app.info': () => ({ ok: true, value: appInfo() }) });
    const store = createAppStore(Date.now());
    const stop = startFeeds(bridge, createApi(bridge), store);
    expect(bridge.subscriberCount('risk.frame')).toBe(1);
    let sets = 0;
    store.subscribe(() => sets++);
    for (let i = 0; i < 20; i++) bridge.emit('risk.frame', riskFrame({ asOf: T0 + i }));
    expect(store.getState().risk.frame).toBeNull();
    vi.advanceTimersByTime(100);
    expect(sets).toBe(1);
    expect(store.getState().risk.frame?.asOf).toBe(T0 + 19);
    stop();
    expect(bridge.subscriberCount('risk.frame')).toBe(0);
  });
});
