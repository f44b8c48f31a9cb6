/** Item 2 of the fail-closed issue: a recompute that throws greys every light at once. */
import { describe, expect, it } from 'vitest';
import { InlineHeavyRunner, type HeavyRunner } from '../../../../src/main/risk/worker/heavy-runner';
import { setup } from './risk-service-fixture';

describe('risk service failures', () => {
  it('a failed recompute publishes a frame with every light grey and the reason, at once', async () => {
    const s = setup();
    await s.broker.start();
    s.service.start();
    s.tick();
    s.clock.advance(1_000);
    const good = s.frames.at(-1)!;
    expect(good.failure).toBeNull();
    expect(good.lights.some((l) => l.light === 'green')).toBe(true);
    s.breakPricer();
    s.tick();
    s.clock.advance(300); // one recompute interval, far below the stale timeout
    const failed = s.frames.at(-1)!;
    expect(failed.failure).toMatch(/pricer exploded/);
    expect(failed.stale).toBe(true);
    expect(failed.staleReason).toMatch(/Risk engine failed: pricer exploded/);
    expect(failed.lights).toHaveLength(good.lights.length);
    expect(failed.lights.every((l) => l.light === 'stale')).toBe(true);
    expect(failed.lights.every((l) => /pricer exploded/.test(l.explanation))).toBe(true);
    expect(failed.alarms.map((a) => a.code)).toContain('ENGINE_FAILED');
    s.service.stop();
  });

  it('an unexpected error elsewhere marks the frame failed until the next good frame', async () => {
    const s = setup();
    await s.broker.start();
    s.service.start();
    s.tick();
    s.clock.advance(1_000);
    s.service.fail('unexpected error (unhandledRejection): boom');
    expect(s.frames.at(-1)!.lights.every((l) => l.light === 'stale')).toBe(true);
    s.tick();
    s.clock.advance(1_000);
    expect(s.frames.at(-1)!.failure).toBeNull();
    s.service.stop();
  });
});

describe('heavy results', () => {
  it('carry their own input time, and are marked stale once the book has moved', async () => {
    let answering = true;
    const inline = new InlineHeavyRunner();
    // Answers until told to hang: then the book moves on while the grid does not.
    const runner: HeavyRunner = {
      run: (req) => (answering ? inline.run(req) : new Promise(() => {})),
      close: () => inline.close(),
    };
    const s = setup(runner);
    await s.broker.start();
    s.tick(); // prices first, so the one answered run is of a priced book
    s.service.start();
    for (let i = 0; i < 6; i++) {
      s.clock.advance(500);
      await new Promise((r) => setImmediate(r)); // let the runner's answer land
    }
    const fresh = s.frames.at(-1)!;
    expect(fresh.heavy).toMatchObject({ stale: false });
    expect(fresh.heavy!.inputTime).toBeLessThanOrEqual(fresh.valuationTime);
    answering = false;
    s.clock.advance(1_500); // the last answered run lands; the next one hangs
    await new Promise((r) => setImmediate(r));
    s.spx = 5_800; // −1.7 %
    s.tick();
    s.clock.advance(1_000);
    const later = s.frames.at(-1)!;
    expect(later.heavy).toMatchObject({ stale: true, inputTime: fresh.heavy!.inputTime });
    s.service.stop();
  });
});
