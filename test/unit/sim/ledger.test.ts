import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import { Ledger } from '../../../src/main/broker/sim/ledger';

const put: Instrument = {
  key: 'OPT:AAPL:2026-12-18:P:220',
  symbol: 'AAPL',
  secType: 'OPT',
  currency: 'USD',
  multiplier: 100,
  exchange: 'SMART',
  description: 'AAPL 18 Dec 26 220 P',
  expiry: '2026-12-18',
  strike: 220,
  right: 'P',
  exercise: 'american',
  underlyingKey: 'STK:AAPL',
};
const es: Instrument = {
  key: 'FUT:ES:2026-12-18',
  symbol: 'ES',
  secType: 'FUT',
  currency: 'USD',
  multiplier: 50,
  exchange: 'CME',
  description: 'ES 18 Dec 26',
  expiry: '2026-12-18',
};

describe('ledger', () => {
  it('moves option premium through cash and averages adds', () => {
    const l = new Ledger(10_000);
    expect(l.apply(put, -2, 1.5, 1.3)).toBeNull();
    expect(l.cash).toBeCloseTo(10_000 + 300 - 1.3, 9);
    l.apply(put, -2, 2.5, 1.3);
    expect(l.get(put.key)).toMatchObject({ quantity: -4, avgPrice: 2 });
  });

  it('realises P&L against the average on a reduction and removes a closed position', () => {
    const l = new Ledger(0, [{ instrument: put, quantity: -4, avgPrice: 2 }]);
    expect(l.apply(put, 1, 1.2, 1)).toBeCloseTo(80, 9); // (1.2 − 2) × −1 × 100
    expect(l.get(put.key)?.quantity).toBe(-3);
    expect(l.apply(put, 3, 1, 1.95)).toBeCloseTo(300, 9);
    expect(l.get(put.key)).toBeUndefined();
    expect(l.positions()).toEqual([]);
  });

  it('opens the remainder at the fill price when a trade crosses zero', () => {
    const l = new Ledger(0, [{ instrument: put, quantity: -1, avgPrice: 2 }]);
    l.apply(put, 3, 1.5, 1.95);
    expect(l.get(put.key)).toMatchObject({ quantity: 2, avgPrice: 1.5 });
  });

  it('moves only commission through cash for futures, and realised P&L on reduction', () => {
    const l = new Ledger(1000);
    l.apply(es, 1, 5900, 2.25);
    expect(l.cash).toBeCloseTo(1000 - 2.25, 9);
    expect(l.apply(es, -1, 5910.5, 2.25)).toBeCloseTo(525, 9);
    expect(l.cash).toBeCloseTo(1000 - 4.5 + 525, 9);
  });
});
