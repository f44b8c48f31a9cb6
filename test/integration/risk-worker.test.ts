/**
 * The risk worker thread for real: the TypeScript worker entry run under tsx, answering a
 * heavy request with the same numbers the inline runner computes, and failing cleanly when closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeHeavy, type HeavyRequest } from '../../src/main/risk/engine/heavy';
import { DEFAULT_SCENARIOS } from '../../src/main/risk/engine/scenarios';
import type { WorkerHeavyRunner } from '../../src/main/risk/worker/heavy-runner';
import { sourceRiskWorker } from '../fakes/source-risk-worker';

let runner: WorkerHeavyRunner | null = null;

function request(): HeavyRequest {
  const spec = {
    model: 'bsm' as const,
    right: 'P' as const,
    spot: 5900,
    strike: 5800,
    t: 0.08,
    rate: 0.045,
    carry: 0.032,
  };
  return {
    items: [
      {
        id: 'put',
        underlying: 'SPX',
        beta: 1,
        units: -200,
        spot: 5900,
        spec,
        vol: 0.17,
      },
      {
        id: 'fut',
        underlying: 'ES',
        beta: 1,
        units: 50,
        spot: 5915,
        spec: null,
        vol: 0,
      },
    ],
    scenarios: DEFAULT_SCENARIOS,
    sigmaDaily: 0.011,
    paths: 2_000,
    seed: 5,
  };
}

afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe('risk worker thread', () => {
  it('computes the grid and Monte Carlo off the main thread, identical to inline', async () => {
    runner = sourceRiskWorker();
    const inWorker = await runner.run(request());
    const inline = computeHeavy(request());
    expect(inWorker.scenarios).toEqual(inline.scenarios);
    expect(inWorker.mc).toEqual(inline.mc);
    expect(inWorker.standardShocks).toEqual(inline.standardShocks);
  });

  it('fails the request in flight when closed, and refuses new work', async () => {
    runner = sourceRiskWorker();
    const failed = expect(runner.run(request())).rejects.toThrow(/closed/);
    await runner.close();
    await failed;
    await expect(runner.run(request())).rejects.toThrow(/closed/);
  });
});
