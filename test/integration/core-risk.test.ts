/**
 * The live risk frame on the real core and simulator (FakeClock, heavy work inline): published
 * on `risk.frame`, recomputed as the market moves, and turning red on a crash with a VIX spike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RegimeChange, RiskFrame } from '@shared/domain/risk';
import { Core } from '../../src/main/core';
import { silentLogger } from '../../src/main/util/logger';
import { simCoreConfig } from '../fakes/core-config';
import { FakeClock } from '../fakes/fake-clock';

const START = Date.parse('2026-11-20T11:00:00-05:00');
let core: Core | null = null;

async function startCore() {
  const clock = new FakeClock(START);
  core = new Core(simCoreConfig({ seed: 42, startTime: START }), { clock, log: silentLogger });
  const frames: RiskFrame[] = [];
  const changes: RegimeChange[] = [];
  core.api.streams.subscribe('risk.frame', (f) => frames.push(f));
  core.api.streams.subscribe('risk.regimeChanged', (c) => changes.push(c));
  await core.start();
  await settle(clock, 3_000);
  return { core, clock, frames, changes };
}

/** Advances fake time in steps, letting the inline heavy runner's promises resolve. */
async function settle(clock: FakeClock, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 250) {
    clock.advance(250);
    await new Promise((r) => setImmediate(r));
  }
}

const light = (f: RiskFrame, code: string) => f.lights.find((l) => l.code === code)!;

afterEach(async () => {
  await core?.stop();
  core = null;
});

describe('live risk frame on the simulator', () => {
  it('publishes a complete frame: every position with Greeks, lights, scenarios and both VaRs', async () => {
    const { frames } = await startCore();
    const f = frames.at(-1)!;
    expect(f.coverage.percent).toBe(100);
    expect(f.coverage.broker).toBeGreaterThan(0);
    expect(f.benchmark.price).toBeGreaterThan(5000);
    expect(f.regime.name).toBe('neutral');
    expect(f.lights.map((l) => l.code)).toContain('BETA_DELTA');
    expect(f.scenarios?.pnl).toHaveLength(5);
    expect(f.var?.mc95).toBeGreaterThan(0);
    expect(f.positions).toBeUndefined();
    expect(f.stale).toBe(false);
  });

  it('SPX −6%, VIX +15: β-delta and short vega go red and the regime changes', async () => {
    const { core, clock, frames, changes } = await startCore();
    const before = frames.at(-1)!;
    expect(light(before, 'BETA_DELTA').light).not.toBe('red');
    expect(light(before, 'SHORT_VEGA').light).not.toBe('red');
    const r = await core.api.commands.dispatch('sim.control', {
      action: 'shock-spec',
      spec: 'SPX -6%, VIX +15',
    });
    expect(r.ok).toBe(true);
    await settle(clock, 2_000);
    const after = frames.at(-1)!;
    expect(light(after, 'BETA_DELTA').light).toBe('red');
    expect(light(after, 'SHORT_VEGA').light).toBe('red');
    expect(after.regime.name).not.toBe(before.regime.name);
    expect(changes.at(-1)).toMatchObject({ from: before.regime.name, to: after.regime.name });
  });
});
