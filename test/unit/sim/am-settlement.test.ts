import { describe, expect, it } from 'vitest';
import type { OptionModel } from '@shared/domain/market';
import { MarketModel } from '../../../src/main/broker/sim/market-model';
import { SPX } from '../../../src/main/broker/sim/universe';
import { optionOf, started, strikeNear } from './sim-helpers';

/** Friday 2026-12-18, the December third Friday, 09:00 New York. */
const EXPIRY_MORNING = Date.parse('2026-12-18T09:00:00-05:00');

describe('AM settlement in the simulator', () => {
  it('records the 09:30 opening print beside the 16:00 close', () => {
    const m = new MarketModel(1, EXPIRY_MORNING, '2027-03-19');
    m.step(29 * 60);
    expect(m.settlement('2026-12-18', 'AM')).toBeUndefined();
    m.step(2 * 60);
    const open = m.settlement('2026-12-18', 'AM');
    expect(open?.[SPX]).toBeGreaterThan(0);
    expect(m.settlement('2026-12-18', 'PM')).toBeUndefined();
  });

  it('settles the SPX monthly at the 09:30 print while the PM SPY option of that day trades on', async () => {
    const { sim, clock } = await started({ startTime: EXPIRY_MORNING, speed: 60 });
    const spx = await optionOf(
      sim,
      'SPX',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPX', sim.snapshot().prices.SPX!),
    );
    const spy = await optionOf(
      sim,
      'SPY',
      '2026-12-18',
      'P',
      await strikeNear(sim, 'SPY', sim.snapshot().prices.SPY!),
    );
    expect([spx.tradingClass, spx.settlement, spy.settlement]).toEqual(['SPX', 'AM', 'PM']);
    const models = new Map<string, OptionModel>();
    sim.events.on('optionModel', (m) => models.set(m.key, m));
    sim.subscribeMarketData(spx);
    sim.subscribeMarketData(spy);
    clock.advance(29_000); // 09:29 sim time: still alive
    expect(models.get(spx.key)!.vega).toBeGreaterThan(0);
    clock.advance(2_000); // 09:31: settled on the opening print
    const settled = models.get(spx.key)!;
    const print = settled.underlyingPrice!;
    expect(settled.modelPrice).toBeCloseTo(Math.max(0, spx.strike! - print), 9);
    expect([settled.gamma, settled.vega, settled.theta]).toEqual([0, 0, 0]);
    expect(models.get(spy.key)!.vega).toBeGreaterThan(0);
    clock.advance(60_000); // an hour later the settled value no longer follows the index
    expect(sim.snapshot().prices.SPX).not.toBe(print);
    expect(models.get(spx.key)!.underlyingPrice).toBe(print);
    await sim.stop();
  });
});
