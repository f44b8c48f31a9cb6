import { OptionType, SecType } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { InstrumentSchema } from '@shared/domain/instrument';
import {
  contractOf,
  fromIbDate,
  instrumentOf,
  UnsupportedContract,
} from '../../../src/main/broker/ibkr/contracts';
import {
  instrumentForHistory,
  requestInstrument,
} from '../../../src/main/broker/ibkr/reference-data';

describe('IB contracts as Bulwark instruments', () => {
  it('reads an SPXW weekly put as a European SPX option on the index', () => {
    const inst = instrumentOf({
      conId: 701,
      symbol: 'SPX',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: '20261218',
      strike: 5800,
      right: OptionType.Put,
      multiplier: 100,
      exchange: 'CBOE',
      currency: 'USD',
      tradingClass: 'SPXW',
    });
    expect(InstrumentSchema.parse(inst)).toEqual(inst);
    expect(inst).toMatchObject({
      key: 'OPT:SPX:2026-12-18:P:5800',
      exercise: 'european',
      underlyingKey: 'IND:SPX',
      conId: 701,
      description: 'SPX 18 Dec 26 5800 P',
    });
  });

  it('reads trading class SPX on a third Friday as AM-settled and SPXW the same day as PM', () => {
    const spx = (tradingClass: string) =>
      instrumentOf({
        symbol: 'SPX',
        secType: SecType.OPT,
        lastTradeDateOrContractMonth: '20261218',
        strike: 5800,
        right: OptionType.Put,
        multiplier: 100,
        exchange: 'CBOE',
        currency: 'USD',
        tradingClass,
      });
    expect(spx('SPX')).toMatchObject({ tradingClass: 'SPX', settlement: 'AM' });
    expect(spx('SPXW')).toMatchObject({ tradingClass: 'SPXW', settlement: 'PM' });
    expect(contractOf(spx('SPX')).tradingClass).toBe('SPX');
  });

  it('takes the class from a class-named symbol (SPXW) when TWS leaves the field empty', () => {
    const inst = instrumentOf({
      symbol: 'SPXW',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: '20261218',
      strike: 5800,
      right: OptionType.Call,
      multiplier: 100,
      currency: 'USD',
    });
    expect(inst).toMatchObject({ symbol: 'SPX', tradingClass: 'SPXW', settlement: 'PM' });
  });

  it('puts an ES option on the quarterly expiring on or after it, American, multiplier 50', () => {
    const inst = instrumentOf({
      symbol: 'ES',
      secType: SecType.FOP,
      lastTradeDateOrContractMonth: '20261204',
      strike: 5700,
      right: 'PUT' as OptionType,
      multiplier: 50,
      exchange: 'CME',
      currency: 'USD',
    });
    expect(inst).toMatchObject({
      key: 'FOP:ES:2026-12-04:P:5700',
      exercise: 'american',
      underlyingKey: 'FUT:ES:2026-12-18',
      multiplier: 50,
    });
  });

  it('falls back to the multiplier table, and reads equity options as American on the stock', () => {
    expect(
      instrumentOf({
        symbol: 'MES',
        secType: SecType.FUT,
        lastTradeDateOrContractMonth: '20261218',
        currency: 'USD',
      }).multiplier,
    ).toBe(5);
    expect(
      instrumentOf({
        symbol: 'AAPL',
        secType: SecType.OPT,
        lastTradeDateOrContractMonth: '20261127',
        strike: 220,
        right: OptionType.Put,
        currency: 'USD',
      }),
    ).toMatchObject({ multiplier: 100, exercise: 'american', underlyingKey: 'STK:AAPL' });
    expect(instrumentOf({ symbol: 'VIX', secType: SecType.IND, currency: 'USD' }).key).toBe(
      'IND:VIX',
    );
  });

  it('refuses what Bulwark does not trade', () => {
    expect(() => instrumentOf({ symbol: 'EUR', secType: SecType.CASH, currency: 'USD' })).toThrow(
      UnsupportedContract,
    );
    expect(() => instrumentOf({ symbol: 'SAP', secType: SecType.STK, currency: 'EUR' })).toThrow(
      /USD only/,
    );
  });

  it('round-trips an instrument to the contract IB expects', () => {
    const inst = instrumentOf({
      conId: 9,
      symbol: 'ES',
      secType: SecType.FOP,
      lastTradeDateOrContractMonth: '20261218',
      strike: 6000,
      right: OptionType.Call,
      multiplier: 50,
      exchange: 'CME',
      currency: 'USD',
    });
    expect(contractOf(inst)).toEqual({
      conId: 9,
      symbol: 'ES',
      secType: 'FOP',
      lastTradeDateOrContractMonth: '20261218',
      strike: 6000,
      right: 'C',
      multiplier: 50,
      exchange: 'CME',
      currency: 'USD',
    });
    expect(
      contractOf(instrumentOf({ symbol: 'SPX', secType: SecType.IND, currency: 'USD' })),
    ).toMatchObject({ secType: 'IND', exchange: 'CBOE' });
  });

  it('reads IB dates with or without a time or dashes', () => {
    expect(fromIbDate('20261218')).toBe('2026-12-18');
    expect(fromIbDate('20261218 16:00:00 US/Eastern')).toBe('2026-12-18');
    expect(fromIbDate('2026-12-18')).toBe('2026-12-18');
    expect(fromIbDate('')).toBeUndefined();
  });
});

describe('what Bulwark asks TWS about', () => {
  it('names the futures exchange for futures and their options, CBOE for indexes, SMART otherwise', () => {
    const ask = (parts: Parameters<typeof requestInstrument>[0]) =>
      contractOf(requestInstrument(parts)).exchange;
    expect(ask({ symbol: 'ES', secType: 'FUT', expiry: '2026-12-18' })).toBe('CME');
    expect(
      ask({ symbol: 'CL', secType: 'FOP', expiry: '2026-12-16', right: 'P', strike: 60 }),
    ).toBe('NYMEX');
    expect(ask({ symbol: 'SPX', secType: 'IND' })).toBe('CBOE');
    expect(
      ask({ symbol: 'AAPL', secType: 'OPT', expiry: '2026-12-18', right: 'C', strike: 250 }),
    ).toBe('SMART');
    expect(contractOf(instrumentForHistory('FUT:MES:2026-12-18'))).toMatchObject({
      exchange: 'CME',
      lastTradeDateOrContractMonth: '20261218',
    });
  });
});
