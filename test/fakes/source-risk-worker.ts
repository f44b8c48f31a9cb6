/**
 * The risk worker straight from its TypeScript source, run under tsx (tests and benchmarks;
 * the app runs the built out/main/risk-worker.js). tsx in the worker resolves the @shared
 * alias through the base tsconfig, which the environment variable points it to.
 */
import { fileURLToPath } from 'node:url';
import { WorkerHeavyRunner } from '../../src/main/risk/worker/heavy-runner';

export function sourceRiskWorker(): WorkerHeavyRunner {
  process.env.TSX_TSCONFIG_PATH = fileURLToPath(
    new URL('../../tsconfig.base.json', import.meta.url),
  );
  return new WorkerHeavyRunner({
    url: new URL('../../src/main/risk/worker/risk-worker.ts', import.meta.url),
    execArgv: ['--import', 'tsx'],
  });
}
