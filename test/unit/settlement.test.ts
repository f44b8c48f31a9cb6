/** Item 4 of the fail-closed issue: AM-settled expiries end at the 09:30 opening print. */
import { describe, expect, it } from 'vitest';
import { isThirdFriday, settlementFor } from '@shared/domain/settlement';
import { daysToExpiry, expiryInstant, yearsToExpiry } from '@shared/domain/time';

describe('AM and PM settlement', () => {
  it.each([
    [
      'SPX monthly (class SPX)',
      { symbol: 'SPX', secType: 'OPT', expiry: '2026-12-18', tradingClass: 'SPX' },
      'AM',
    ],
    [
      'SPXW on the same Friday',
      { symbol: 'SPX', secType: 'OPT', expiry: '2026-12-18', tradingClass: 'SPXW' },
      'PM',
    ],
    [
      'SPXW weekly',
      { symbol: 'SPX', secType: 'OPT', expiry: '2026-12-11', tradingClass: 'SPXW' },
      'PM',
    ],
    [
      'NDX monthly',
      { symbol: 'NDX', secType: 'OPT', expiry: '2026-12-18', tradingClass: 'NDX' },
      'AM',
    ],
    ['NDXP', { symbol: 'NDX', secType: 'OPT', expiry: '2026-12-18', tradingClass: 'NDXP' }, 'PM'],
    [
      'RUT monthly',
      { symbol: 'RUT', secType: 'OPT', expiry: '2026-12-18', tradingClass: 'RUT' },
      'AM',
    ],
    [
      'VIX (a Wednesday)',
      { symbol: 'VIX', secType: 'OPT', expiry: '2026-12-16', tradingClass: 'VIX' },
      'AM',
    ],
    [
      'quarterly ES option',
      { symbol: 'ES', secType: 'FOP', expiry: '2026-12-18', tradingClass: 'ES' },
      'AM',
    ],
    [
      'ES end-of-month',
      { symbol: 'ES', secType: 'FOP', expiry: '2026-11-30', tradingClass: 'EW' },
      'PM',
    ],
    [
      'ES weekly on a quarterly Friday',
      { symbol: 'ES', secType: 'FOP', expiry: '2026-12-18', tradingClass: 'EW3' },
      'PM',
    ],
    [
      'SPY (an ETF)',
      { symbol: 'SPY', secType: 'OPT', expiry: '2026-12-18', tradingClass: 'SPY' },
      'PM',
    ],
    [
      'SPX without a trading class (book default)',
      { symbol: 'SPX', secType: 'OPT', expiry: '2026-12-18' },
      'PM',
    ],
  ] as const)('%s settles %s', (_name, contract, expected) => {
    expect(settlementFor(contract)).toBe(expected);
  });

  it('knows the third Friday', () => {
    expect(['2026-12-18', '2026-12-11', '2026-12-25', '2027-01-15'].map(isThirdFriday)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('an AM expiry ends 6.5 hours before the PM one on the same date', () => {
    expect(expiryInstant('2026-12-18', 'AM')).toBe(Date.parse('2026-12-18T09:30:00-05:00'));
    expect(expiryInstant('2026-12-18', 'PM')).toBe(Date.parse('2026-12-18T16:00:00-05:00'));
    const now = Date.parse('2026-12-17T15:00:00-05:00');
    const gapHours =
      (yearsToExpiry('2026-12-18', now, 'PM') - yearsToExpiry('2026-12-18', now, 'AM')) * 365 * 24;
    expect(gapHours).toBeCloseTo(6.5, 9);
  });

  it("an AM option's last trading day is the day before: its DTE reads 0 then", () => {
    const thursday = Date.parse('2026-12-17T12:00:00-05:00');
    expect(daysToExpiry('2026-12-18', thursday, 'AM')).toBe(0);
    expect(daysToExpiry('2026-12-18', thursday, 'PM')).toBe(1);
    const fridayMorning = Date.parse('2026-12-18T08:00:00-05:00');
    expect(daysToExpiry('2026-12-18', fridayMorning, 'AM')).toBe(0);
  });
});
