/** Building the positions view (rows, groups, totals) and diffing it, for a 2000-position book. */
import { test } from 'vitest';
import { SimBroker } from '../src/main/broker/sim';
import { MarketCache } from '../src/main/market/market-cache';
import { diff } from '../src/main/market/positions-publisher';
import { buildPositionsView, type ViewInputs } from '../src/main/market/positions-view';
import { FakeClock } from '../test/fakes/fake-clock';
import { medianMs, record } from './metric';

test('positions view, 2000 positions', async (ctx) => {
  const clock = new FakeClock();
  const sim = new SimBroker({ seed: 42, clock, book: { large: 2000 } });
  const cache = new MarketCache(sim);
  await sim.start();
  for (const p of sim.positions()) sim.subscribeMarketData(p.instrument);
  clock.advance(1000);
  const inputs = (): ViewInputs => ({
    positions: cache.positions(),
    quote: (k) => cache.quote(k),
    greeks: (k) => cache.optionGreeks(k),
    now: clock.now(),
    connected: true,
    staleAfter: { quoteMs: 10_000, greeksMs: 30_000 },
  });
  const build = medianMs(() => buildPositionsView(inputs()));
  const before = buildPositionsView(inputs());
  clock.advance(250);
  const after = buildPositionsView(inputs());
  const diffMs = medianMs(() => diff(before, after));
  await sim.stop();
  record(ctx, {
    metric: 'positions.view.build_2000',
    value: Math.round(build * 1000) / 1000,
    unit: 'ms',
  });
  record(ctx, {
    metric: 'positions.view.diff_2000',
    value: Math.round(diffMs * 1000) / 1000,
    unit: 'ms',
  });
});
