/** A RiskService on a FakeBroker holding five short SPY puts, priced by the local model only. */
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

export function setup(runner: HeavyRunner = new InlineHeavyRunner()) {
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
    put,
    tick,
    spx: 5_900,
    breakPricer: () => (broken = true),
  };
  return out;
}
