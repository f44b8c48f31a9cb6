/** Item 2 of the fail-closed issue: a recompute that throws greys every light at once. */
import { describe, expect, it } from 'vitest';
import type { RiskFrame } from '@shared/domain/risk';
import { StreamHub } from '../../../../src/main/api/stream-hub';
import { loadMatrixOrThrow } from '../../../../src/main/core';
import { MarketCache } from '../../../../src/main/market/market-cache';
import { modelPricer } from '../../../../src/main/risk/engine/model-pricer';
import type { OptionPricer } from '../../../../src/main/risk/engine/pricer';
import { BetaTable } from '../../../../src/main/risk/live/beta-table';
import { RiskService } from '../../../../src/main/risk/live/risk-service';
import { memoryStartOfDayStore } from '../../../../src/main/risk/live/start-of-day-store';
import { InlineHeavyRunner, type HeavyRunner } from '../../../../src/main/risk/worker/heavy-runner';
import { DEFAULT_STALE_AFTER } from '../../../../src/main/config';
import { silentLogger } from '../../../../src/main/util/logger';
import { FakeBroker } from '../../../fakes/fake-broker';
import { FakeClock } from '../../../fakes/fake-clock';
import { inst } from '../../../fakes/instruments';

function setup(runner: HeavyRunner = new InlineHeavyRunner()) {
  const clock = new FakeClock();
  const broker = new FakeBroker(clock);
  const put = inst({
    secType: 'OPT',
    symbol: 'SPY',
    expiry: '2026-12-18',
    right: 'P',
    strike: 570,
  });
  broker.setPositions([{ account: 'DU1', instrument: put, quantity: -5, avgPrice: 6 }]);
  broker.setAccount({
    account: 'DU1',
    currency: 'USD',
    netLiquidation: 250_000,
    cash: 100_000,
    initMargin: 50_000,
    maintMargin: 40_000,
    excessLiquidity: 200_000,
    buyingPower: 400_000,
    cushion: 0.8,
    dailyPnl: 0,
    time: clock.now(),
  });
  const real = modelPricer();
  let broken = false;
  // The local model is the engine's only pricer here (no broker Greeks), so breaking it breaks
  // the recompute itself.
  const pricer: OptionPricer = {
    price: (s, v) => real.price(s, v),
    greeks: (s, v) => {
      if (broken) throw new Error('pricer exploded');
      return real.greeks(s, v);
    },
    impliedVol: (s, p) => real.impliedVol(s, p),
  };
  const cache = new MarketCache(broker);
  const hub = new StreamHub(silentLogger, true);
  const matrix = loadMatrixOrThrow(null);
  const service = new RiskService({
    cache,
    hub,
    clock,
    log: silentLogger,
    matrix,
    staleAfter: DEFAULT_STALE_AFTER,
    pricer,
    runner,
    betas: new BetaTable(matrix.benchmark, matrix.betas, broker, silentLogger),
    assumptions: { rate: 0.04, dividendYield: () => 0 },
    startOfDay: memoryStartOfDayStore(),
  });
  const frames: RiskFrame[] = [];
  hub.subscribe('risk.frame', (f) => frames.push(f));
  let spy = 590;
  const tick = () => {
    spy += 1; // a new price each time, so nothing can come from a cache
    for (const [key, mark] of [
      ['STK:SPY', spy],
      ['IND:SPX', out.spx],
      ['IND:VIX', 17],
      ['IND:VIX3M', 19],
      [put.key, 6.1],
    ] as const)
      broker.pushQuote(key, mark);
  };
  const out = {
    clock,
    broker,
    service,
    frames,
    tick,
    spx: 5_900,
    breakPricer: () => (broken = true),
  };
  return out;
}

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
