import { describe, expect, it } from 'vitest';
import { KeyedBatcher, Throttle } from '@shared/util/throttle';
import { FakeClock } from '../fakes/fake-clock';

describe('Throttle', () => {
  it('flushes at most once per interval however often it is scheduled', () => {
    const clock = new FakeClock();
    let flushes = 0;
    const t = new Throttle(clock, 100, () => flushes++);
    for (let ms = 0; ms < 1000; ms += 5) {
      t.schedule();
      clock.advance(5);
    }
    clock.advance(200);
    expect(flushes).toBeGreaterThanOrEqual(10);
    expect(flushes).toBeLessThanOrEqual(11);
  });

  it('flushes a lone change promptly, not after a full interval', () => {
    const clock = new FakeClock();
    let flushes = 0;
    const t = new Throttle(clock, 100, () => flushes++);
    t.schedule();
    clock.advance(0);
    expect(flushes).toBe(1);
  });

  it('drains what is pending on flushPending', () => {
    const clock = new FakeClock();
    let flushes = 0;
    const t = new Throttle(clock, 100, () => flushes++);
    t.schedule();
    clock.advance(0);
    t.schedule();
    t.flushPending();
    expect(flushes).toBe(2);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('does not flush after cancel', () => {
    const clock = new FakeClock();
    let flushes = 0;
    const t = new Throttle(clock, 100, () => flushes++);
    t.schedule();
    t.cancel();
    clock.advance(1_000);
    expect(flushes).toBe(0);
  });
});

describe('KeyedBatcher', () => {
  it('keeps only the latest value per key in a batch', () => {
    const clock = new FakeClock();
    const batches: number[][] = [];
    const b = new KeyedBatcher<number>(clock, 100, (batch) => batches.push(batch));
    b.put('a', 1);
    b.put('a', 2);
    b.put('b', 3);
    clock.advance(100);
    expect(batches).toEqual([[2, 3]]);
  });
});
