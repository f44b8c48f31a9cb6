import { describe, expect, it } from 'vitest';
import type { OrderRecord, WalkState } from '@shared/domain/order-ticket';
import { walkPrice, WalkingLimits } from '../../../src/main/orders/walking-limit';
import { inRegularHours } from '../../../src/main/orders/review-parts';
import { silentLogger } from '../../../src/main/util/logger';
import { FakeClock } from '../../fakes/fake-clock';

describe('walkPrice', () => {
  it('steps evenly from the start to the worst price on the tick grid', () => {
    const prices = [1, 2, 3, 4].map((s) => walkPrice(2.0, 2.4, s, 4, 0.05, null));
    expect(prices).toEqual([2.1, 2.2, 2.3, 2.4]);
  });

  it('rounds toward the start, so a step never lands past the worst price', () => {
    // 1/3 of 0.10 is 0.0333: rounded down to the tick, not up past it.
    expect(walkPrice(1.0, 1.1, 1, 3, 0.05, null)).toBe(1.0);
    expect(walkPrice(1.0, 1.1, 3, 3, 0.05, null)).toBe(1.1);
  });

  it('walks down for a credit (worst below start) and never below the worst', () => {
    expect(walkPrice(-1.0, -1.4, 2, 4, 0.05, null)).toBe(-1.2);
    expect(walkPrice(3.0, 2.5, 9, 4, 0.05, null)).toBe(2.5);
  });

  it('stops at the natural price: paying through the far side gains nothing', () => {
    expect(walkPrice(2.0, 3.0, 4, 4, 0.05, 2.35)).toBe(2.35);
  });
});

describe('inRegularHours', () => {
  it('is 09:30 to 16:00 New York on weekdays', () => {
    expect(inRegularHours(Date.parse('2026-11-20T09:29:00-05:00'))).toBe(false);
    expect(inRegularHours(Date.parse('2026-11-20T09:30:00-05:00'))).toBe(true);
    expect(inRegularHours(Date.parse('2026-11-20T15:59:00-05:00'))).toBe(true);
    expect(inRegularHours(Date.parse('2026-11-20T16:00:00-05:00'))).toBe(false);
    expect(inRegularHours(Date.parse('2026-11-21T11:00:00-05:00'))).toBe(false); // Saturday
  });
});

type Hold = { kind: 'stop' | 'pause'; why: string } | null;

function harness(hours = true) {
  let hold: Hold = null;
  const clock = new FakeClock(Date.parse('2026-11-20T11:00:00-05:00'));
  const sent: number[] = [];
  const cancelled: number[] = [];
  const walks: WalkState[] = [];
  let record: OrderRecord = {
    orderId: 7,
    clientRef: 'BW-1',
    status: 'working',
    request: {
      action: 'BUY',
      quantity: 2,
      orderType: 'LMT',
      limitPrice: 2.0,
      tif: 'DAY',
      legs: [],
    },
    strategy: null,
    rationale: null,
    filled: 0,
    remaining: 2,
    avgFillPrice: null,
    commission: 0,
    reason: null,
    walk: null,
    sentAt: clock.now(),
    updatedAt: clock.now(),
  };
  const walker = new WalkingLimits({
    clock,
    log: silentLogger,
    record: () => record,
    setWalk: (_id, w) => walks.push(w),
    modify: (_id, price) => {
      sent.push(price);
      record = { ...record, request: { ...record.request, limitPrice: price } };
      return Promise.resolve();
    },
    cancel: (id) => {
      cancelled.push(id);
      record = { ...record, status: 'cancelled' };
      return Promise.resolve();
    },
    natural: () => null,
    tick: () => 0.05,
    inRegularHours: () => hours,
    hold: () => hold,
  });
  const step = async (ms: number) => {
    clock.advance(ms);
    await Promise.resolve();
    await Promise.resolve();
  };
  return {
    walker,
    sent,
    cancelled,
    walks,
    step,
    clock,
    fill: (n: number) =>
      (record = { ...record, status: 'partially-filled', filled: n, remaining: 2 - n }),
    end: () => (record = { ...record, status: 'filled' }),
    setHold: (h: Hold) => (hold = h),
  };
}

describe('WalkingLimits', () => {
  it('reprices each step toward the worst, then cancels the rest and says why', async () => {
    const h = harness();
    h.walker.begin(7, 2.0, 2.2, { stepSeconds: 5, maxSteps: 2, regularHoursOnly: true });
    await h.step(5_000);
    await h.step(5_000);
    expect(h.sent).toEqual([2.1, 2.2]);
    expect(h.sent.every((p) => p <= 2.2)).toBe(true);
    await h.step(5_000);
    expect(h.cancelled).toEqual([7]);
    expect(h.walks.at(-1)?.ended).toMatch(/cancelled/);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('keeps walking the remainder after a partial fill, stops once filled', async () => {
    const h = harness();
    h.walker.begin(7, 2.0, 2.3, { stepSeconds: 5, maxSteps: 3, regularHoursOnly: true });
    h.fill(1);
    await h.step(5_000);
    expect(h.sent).toEqual([2.1]);
    h.end();
    await h.step(5_000);
    expect(h.sent).toEqual([2.1]);
    expect(h.cancelled).toEqual([]);
    expect(h.walks.at(-1)?.ended).toBe('order filled');
  });

  it('does not step outside regular hours', async () => {
    const h = harness(false);
    h.walker.begin(7, 2.0, 2.3, { stepSeconds: 5, maxSteps: 3, regularHoursOnly: true });
    await h.step(5_000);
    await h.step(5_000);
    expect(h.sent).toEqual([]);
    h.walker.end(7, 'cancelled by the trader');
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('stops where it is when told to (a halt), sending nothing more and cancelling nothing', async () => {
    const h = harness();
    h.walker.begin(7, 2.0, 2.3, { stepSeconds: 5, maxSteps: 3, regularHoursOnly: true });
    await h.step(5_000);
    expect(h.sent).toEqual([2.1]);
    h.setHold({ kind: 'stop', why: 'trading halted (test)' });
    await h.step(5_000);
    await h.step(5_000);
    expect(h.sent).toEqual([2.1]);
    expect(h.cancelled).toEqual([]);
    expect(h.walks.at(-1)?.ended).toBe('stopped: trading halted (test)');
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('skips steps while a quote is missing or stale, and goes on once it is back', async () => {
    const h = harness();
    h.walker.begin(7, 2.0, 2.3, { stepSeconds: 5, maxSteps: 3, regularHoursOnly: true });
    h.setHold({ kind: 'pause', why: 'no fresh quote' });
    await h.step(5_000);
    await h.step(5_000);
    expect(h.sent).toEqual([]);
    h.setHold(null);
    await h.step(5_000);
    expect(h.sent).toEqual([2.1]);
    h.walker.end(7, 'cancelled by the trader');
  });
});
