/**
 * The risk engine on the simulator's 2000-position book: the fast frame (broker Greeks, and
 * all-local Greeks from implied vols), the 41 × 5 scenario grid, Monte Carlo VaR, and how long
 * the main thread is ever blocked while the live core runs with the worker thread.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { test } from 'vitest';
import { SimBroker } from '../src/main/broker/sim';
import { Core } from '../src/main/core';
import { DEFAULT_STALE_AFTER } from '../src/main/config';
import { MarketCache } from '../src/main/market/market-cache';
import type { RiskBook } from '../src/main/risk/engine/book';
import { evaluateBook } from '../src/main/risk/engine/frame';
import { checkConfig, regimeAt, scenarioSpec } from '../src/main/risk/engine/matrix-config';
import { modelPricer } from '../src/main/risk/engine/model-pricer';
import { revaluables } from '../src/main/risk/engine/revalue';
import { scenarioGrid } from '../src/main/risk/engine/scenarios';
import { monteCarloVar } from '../src/main/risk/engine/var';
import { bookFromCache } from '../src/main/risk/live/book-from-cache';
import { DEFAULT_MATRIX_PATH, loadRiskMatrix } from '../src/main/risk/matrix/load';
import { systemClock } from '../src/main/util/clock';
import { silentLogger } from '../src/main/util/logger';
import { FakeClock } from '../test/fakes/fake-clock';
import { sourceRiskWorker } from '../test/fakes/source-risk-worker';
import { medianMs, record } from './metric';

const N = 2000;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function largeBook(): Promise<RiskBook> {
  const clock = new FakeClock(Date.parse('2026-11-20T11:00:00-05:00'));
  const sim = new SimBroker({ seed: 42, clock, book: { large: N } });
  const cache = new MarketCache(sim);
  await sim.start();
  for (const p of sim.positions()) sim.subscribeMarketData(p.instrument);
  for (const k of ['IND:SPX', 'IND:VIX', 'IND:VIX3M']) {
    const [inst] = await sim.lookupContract({ symbol: k.slice(4), secType: 'IND' });
    sim.subscribeMarketData(inst!);
  }
  clock.advance(1000);
  const book = bookFromCache({
    cache,
    now: clock.now(),
    staleAfter: DEFAULT_STALE_AFTER,
    benchmark: 'SPX',
    rate: 0.045,
    dividendYield: () => 0.01,
    beta: () => ({ beta: 1.1, source: 'user' }),
    startOfDay: { nlv: null, basis: 'not measured by the benchmark' },
  });
  await sim.stop();
  return book;
}

test('risk frame and scenario grid, 2000 positions', async (ctx) => {
  const matrixResult = loadRiskMatrix(DEFAULT_MATRIX_PATH);
  if (!matrixResult.ok) throw new Error('default matrix invalid');
  const matrix = matrixResult.matrix;
  const pricer = modelPricer();
  const book = await largeBook();
  const regime = regimeAt(matrix, book.market, book.valuationTime);
  const config = checkConfig(
    matrix,
    regime?.name ?? 'neutral',
    300_000,
    book.market.vix,
    regime?.termRatio ?? null,
  );
  const frameMs = medianMs(() => evaluateBook(book, config, regime, pricer), 51, 30);
  const noBroker: RiskBook = {
    ...book,
    positions: book.positions.map((p) => ({ ...p, brokerGreeks: null })),
  };
  const localMs = medianMs(() => evaluateBook(noBroker, config, regime, pricer), 11, 2);
  const { frame, resolved } = evaluateBook(book, config, regime, pricer);
  const items = revaluables(resolved).items;
  const spec = scenarioSpec(matrix);
  const scenarios = spec.movesPct.length * spec.volShiftsPts.length;
  const gridMs = medianMs(() => scenarioGrid(items, spec), 5, 1);
  const european = items.map((it) =>
    it.spec?.model === 'american' ? { ...it, spec: { ...it.spec, model: 'bsm' as const } } : it,
  );
  const gridEuroMs = medianMs(() => scenarioGrid(european, spec), 11, 2);
  const sigma = frame.var!.sigmaDaily;
  const mcMs = medianMs(() => monteCarloVar(items, sigma, matrix.var.paths, 7), 3, 1);
  const american = book.positions.filter((p) => p.option?.exercise === 'american').length;
  const detail = { positions: book.positions.length, american, coverage: frame.coverage.percent };
  record(ctx, {
    metric: 'risk.frame_2000_broker_greeks',
    value: round(frameMs),
    unit: 'ms',
    target: '<= 2',
    ...detail,
  });
  record(ctx, {
    metric: 'risk.frame_2000_local_greeks',
    value: round(localMs),
    unit: 'ms',
    ...detail,
  });
  record(ctx, {
    metric: 'risk.scenario_grid_2000',
    value: round(gridMs),
    unit: 'ms',
    target: '<= 15',
    scenarios,
    items: items.length,
    american,
  });
  record(ctx, {
    metric: 'risk.scenario_grid_2000_european',
    value: round(gridEuroMs),
    unit: 'ms',
    target: '<= 15',
    scenarios,
    note: 'the same book with every option priced European',
  });
  record(ctx, {
    metric: 'risk.mc_var_2000',
    value: round(mcMs),
    unit: 'ms',
    paths: matrix.var.paths,
  });
});

async function mainThreadBlock(largeBook: number | null) {
  const runner = sourceRiskWorker();
  const core = new Core(
    {
      runtime: 'headless',
      broker: { kind: 'sim', seed: 42, speed: 1, startTime: null, largeBook },
      staleAfter: DEFAULT_STALE_AFTER,
      validateContract: false,
      riskMatrix: null,
      dataDir: null,
    },
    { clock: systemClock, log: silentLogger, riskRunner: runner },
  );
  let frames = 0;
  core.api.streams.subscribe('risk.frame', () => frames++);
  await core.start();
  await new Promise((r) => setTimeout(r, 2_000)); // start-up and first worker run
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const before = frames;
  await new Promise((r) => setTimeout(r, 10_000));
  h.disable();
  await core.stop();
  await runner.close();
  return {
    maxMs: round(h.max / 1e6, 1),
    p99: round(h.percentile(99) / 1e6, 1),
    frames: frames - before,
  };
}

test('main thread never blocked: live core with the worker thread', async (ctx) => {
  for (const [label, size] of [
    ['demo', null],
    ['2000', N],
  ] as const) {
    const r = await mainThreadBlock(size);
    record(ctx, {
      metric: `risk.main_thread_max_block_${label}`,
      value: r.maxMs,
      unit: 'ms',
      target: '<= 20',
      p99: r.p99,
      frames: r.frames,
      seconds: 10,
    });
  }
});
