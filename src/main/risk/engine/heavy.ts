/**
 * The heavy half of a risk frame: the scenario grid, the standard shocks and Monte Carlo VaR.
 * Inputs are plain data (Revaluable[]) so a worker thread can run it; the CLI runs it inline.
 */
import type { HeavyStamp, RiskFrame, ScenarioGrid, StandardShock } from '@shared/domain/risk';
import type { Revaluable } from './revalue';
import { scenarioGrid, standardShocks, type ScenarioSpec } from './scenarios';
import { monteCarloVar, type McResult } from './var';

export interface HeavyRequest {
  items: Revaluable[];
  scenarios: ScenarioSpec;
  /** One-day benchmark σ (fraction); null skips Monte Carlo. */
  sigmaDaily: number | null;
  paths: number;
  seed: number;
}

export interface HeavyResult {
  scenarios: ScenarioGrid;
  standardShocks: StandardShock[];
  mc: McResult | null;
  computeMs: number;
}

export function computeHeavy(req: HeavyRequest): HeavyResult {
  const t0 = performance.now();
  const scenarios = scenarioGrid(req.items, req.scenarios, 'beta');
  const shocks = standardShocks(req.items);
  const mc =
    req.sigmaDaily !== null && req.sigmaDaily > 0 && req.paths > 0
      ? monteCarloVar(req.items, req.sigmaDaily, req.paths, req.seed)
      : null;
  return { scenarios, standardShocks: shocks, mc, computeMs: performance.now() - t0 };
}

/** The frame with the heavy results filled in (a new object; the input is not changed). */
export function withHeavy(
  frame: RiskFrame,
  heavy: HeavyResult,
  seed: number,
  stamp: HeavyStamp,
): RiskFrame {
  return {
    ...frame,
    heavy: stamp,
    scenarios: heavy.scenarios,
    standardShocks: heavy.standardShocks,
    var: frame.var
      ? {
          ...frame.var,
          mc95: heavy.mc?.var95 ?? null,
          mc99: heavy.mc?.var99 ?? null,
          paths: heavy.mc?.paths ?? 0,
          seed,
        }
      : null,
  };
}
