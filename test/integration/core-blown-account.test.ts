/** Item 8 of the fail-closed issue: a blown account screams red, it never goes grey. */
import { afterEach, describe, expect, it } from 'vitest';
import type { RiskFrame } from '@shared/domain/risk';
import { Core } from '../../src/main/core';
import { silentLogger } from '../../src/main/util/logger';
import { simCoreConfig } from '../fakes/core-config';
import { FakeClock } from '../fakes/fake-clock';

const START = Date.parse('2026-11-20T11:00:00-05:00');
let core: Core | null = null;

afterEach(async () => {
  await core?.stop();
  core = null;
});

describe('a blown account', () => {
  it('SPX -20%, VIX +30 turns margin cushion and drawdown red with a margin-call alarm', async () => {
    const clock = new FakeClock(START);
    core = new Core(simCoreConfig({ seed: 42, startTime: START }), { clock, log: silentLogger });
    await core.start();
    clock.advance(1_000);
    const frames: RiskFrame[] = [];
    core.api.streams.subscribe('risk.frame', (f) => frames.push(f));
    const r = await core.api.commands.dispatch('sim.control', {
      action: 'shock-spec',
      spec: 'SPX -20%, VIX +30',
    });
    expect(r.ok).toBe(true);
    clock.advance(2_000);
    const f = frames.at(-1)!;
    const light = (code: string) => f.lights.find((l) => l.code === code)!;
    expect(f.netLiquidation).not.toBeNull();
    expect(light('MARGIN_CUSHION').light).toBe('red');
    expect(light('DAILY_DRAWDOWN').light).toBe('red');
    expect(f.alarms.find((a) => a.code === 'MARGIN_CALL')).toMatchObject({ severity: 'critical' });
    if (f.stale) expect(f.staleReason).toBeTruthy();
  });
});
