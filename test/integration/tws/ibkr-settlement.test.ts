/**
 * AM/PM settlement over the socket: the fake TWS describes the simulator's options with their
 * trading class (SPX third-Friday monthlies as SPX, other SPX expiries as SPXW; the ES
 * quarterly as ES), and the adapter turns the class into the instrument's settlement.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adapterOnSim, closeAdapters, spxOptionVia } from './adapter-harness';

afterEach(closeAdapters);

describe('IBKR adapter: settlement from the trading class', () => {
  it('reads an SPX monthly (class SPX) as AM and an SPXW weekly as PM', async () => {
    const a = await adapterOnSim();
    const monthly = await spxOptionVia(a, '2026-12-18', 'P', 0.95);
    const weekly = await spxOptionVia(a, '2026-11-27', 'P', 0.95);
    expect(monthly).toMatchObject({ tradingClass: 'SPX', settlement: 'AM' });
    expect(weekly).toMatchObject({ tradingClass: 'SPXW', settlement: 'PM' });
    expect(a.tws.protocolErrors).toEqual([]);
  });

  it('reads the quarterly ES option as AM and an ES weekly as PM', async () => {
    const { broker, tws } = await adapterOnSim();
    const es = async (expiry: string) => {
      const found = await broker.lookupContract({
        symbol: 'ES',
        secType: 'FOP',
        expiry,
        strike: 5900,
        right: 'C',
      });
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    expect(await es('2026-12-18')).toMatchObject({ tradingClass: 'ES', settlement: 'AM' });
    expect(await es('2026-11-27')).toMatchObject({ tradingClass: 'EW', settlement: 'PM' });
    expect(tws.protocolErrors).toEqual([]);
  });

  it('carries the settlement on held positions too', async () => {
    const { broker } = await adapterOnSim();
    const fop = broker
      .positions()
      .filter((p) => p.instrument.secType === 'FOP' && p.instrument.expiry === '2026-12-18');
    expect(fop.length).toBeGreaterThan(0);
    for (const p of fop) expect(p.instrument.settlement).toBe('AM');
    for (const p of broker.positions()) {
      if (p.instrument.right) expect(p.instrument.settlement, p.instrument.key).toBeDefined();
    }
  });
});
