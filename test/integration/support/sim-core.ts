/** The real core on the simulator (seed 42, a Friday morning) on a FakeClock, for order tests. */
import { Core } from '../../../src/main/core';
import { silentLogger } from '../../../src/main/util/logger';
import { simCoreConfig } from '../../fakes/core-config';
import { FakeClock } from '../../fakes/fake-clock';

export const SIM_START = Date.parse('2026-11-20T11:00:00-05:00');

let running: Core | null = null;

/** Started, with a second of market behind it (quotes, account, a first risk frame). */
export async function startSimCore(): Promise<{ core: Core; clock: FakeClock }> {
  const clock = new FakeClock(SIM_START);
  const core = new Core(simCoreConfig({ seed: 42, startTime: SIM_START }), {
    clock,
    log: silentLogger,
  });
  running = core;
  await core.start();
  clock.advance(1_000);
  return { core, clock };
}

/** For afterEach. */
export async function stopSimCore(): Promise<void> {
  await running?.stop();
  running = null;
}

type Name = Parameters<Core['api']['commands']['dispatch']>[0];

/** A command's result, or the test fails with its code and message. */
export async function ok<T>(c: Core, name: Name, input: unknown): Promise<T> {
  const r = await c.api.commands.dispatch(name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
