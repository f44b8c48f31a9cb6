import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysToExpiry,
  expiryInstant,
  newYorkDate,
  weekday,
  yearsToExpiry,
} from '@shared/domain/time';

describe('market time', () => {
  it('puts expiry at 16:00 New York: 21:00 UTC in winter, 20:00 UTC in summer', () => {
    expect(new Date(expiryInstant('2026-12-18')).toISOString()).toBe('2026-12-18T21:00:00.000Z');
    expect(new Date(expiryInstant('2026-07-17')).toISOString()).toBe('2026-07-17T20:00:00.000Z');
  });

  it('handles the daylight-saving switch days', () => {
    expect(new Date(expiryInstant('2026-03-08')).toISOString()).toBe('2026-03-08T20:00:00.000Z');
    expect(new Date(expiryInstant('2026-11-01')).toISOString()).toBe('2026-11-01T21:00:00.000Z');
  });

  it('measures time to expiry in 365-day years from the valuation instant', () => {
    const now = Date.parse('2026-11-20T15:00:00-05:00');
    // 28 days and one hour to 16:00 ET on Dec 18.
    expect(yearsToExpiry('2026-12-18', now)).toBeCloseTo((28 + 1 / 24) / 365, 12);
  });

  it('counts DTE in New York calendar days, 0 on expiry day', () => {
    const lateEvening = Date.parse('2026-11-20T23:30:00-05:00'); // already Nov 21 in UTC
    expect(newYorkDate(lateEvening)).toBe('2026-11-20');
    expect(daysToExpiry('2026-11-20', lateEvening)).toBe(0);
    expect(daysToExpiry('2026-11-27', lateEvening)).toBe(7);
    expect(daysToExpiry('2026-11-19', lateEvening)).toBe(-1);
  });

  it('adds days and names weekdays across month ends', () => {
    expect(addDays('2026-11-28', 5)).toBe('2026-12-03');
    expect(weekday('2026-12-18')).toBe(5);
  });
});
