/** The core configuration tests use: headless, the simulator, contract validation on. */
import { DEFAULT_STALE_AFTER, type CoreConfig } from '../../src/main/config';

export function simCoreConfig(
  sim: { seed?: number; startTime?: number | null; largeBook?: number | null } = {},
): CoreConfig {
  return {
    runtime: 'headless',
    broker: {
      kind: 'sim',
      seed: sim.seed ?? 42,
      speed: 1,
      startTime: sim.startTime ?? null,
      largeBook: sim.largeBook ?? null,
    },
    staleAfter: DEFAULT_STALE_AFTER,
    validateContract: true,
    riskMatrix: null,
    dataDir: null,
  };
}
