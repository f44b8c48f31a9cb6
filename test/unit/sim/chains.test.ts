import { describe, expect, it } from 'vitest';
import { buildChains, strikeLadder, upcomingWeekdays } from '../../../src/main/broker/sim/chains';
import { frontQuarterly, quarterlyOnOrAfter, thirdFriday } from '@shared/domain/futures-calendar';
import { weekday } from '@shared/domain/time';
import { FRIDAY_3PM } from './sim-helpers';

const WEDNESDAY_10AM = Date.parse('2026-11-18T10:00:00-05:00');
const WEDNESDAY_5PM = Date.parse('2026-11-18T17:00:00-05:00');
const SATURDAY = Date.parse('2026-11-21T12:00:00-05:00');

describe('option chains', () => {
  it('finds third Fridays', () => {
    expect(thirdFriday(2026, 11)).toBe('2026-11-20');
    expect(thirdFriday(2026, 12)).toBe('2026-12-18');
    expect(thirdFriday(2027, 3)).toBe('2027-03-19');
    // An option expiring on a quarterly's day is on that quarterly; a day later, on the next.
    expect(quarterlyOnOrAfter('2026-12-18')).toBe('2026-12-18');
    expect(quarterlyOnOrAfter('2026-12-04')).toBe('2026-12-18');
    expect(quarterlyOnOrAfter('2026-12-19')).toBe('2027-03-19');
  });

  it('picks the front quarterly future and rolls 8 days before expiry', () => {
    expect(frontQuarterly(FRIDAY_3PM)).toBe('2026-12-18');
    expect(frontQuarterly(Date.parse('2026-12-11T12:00:00-05:00'))).toBe('2027-03-19');
  });

  it('lists a 0-DTE SPX expiry on a weekday before the close', () => {
    const spx = buildChains(WEDNESDAY_10AM, '2026-12-18').get('SPX')!;
    expect(spx.expirations[0]).toBe('2026-11-18');
  });

  it('drops today once its 16:00 close has passed, and weekends have no expiries', () => {
    expect(upcomingWeekdays(WEDNESDAY_5PM, 1)).toEqual(['2026-11-19']);
    expect(upcomingWeekdays(SATURDAY, 2)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('gives SPX 8 daily expiries, weeklies and a year of monthlies, sorted and unique', () => {
    const spx = buildChains(WEDNESDAY_10AM, '2026-12-18').get('SPX')!;
    const e = spx.expirations;
    expect([...e].sort()).toEqual(e);
    expect(new Set(e).size).toBe(e.length);
    expect(e.slice(0, 8)).toEqual([
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(e).toContain('2027-10-15');
    for (const d of e) expect([1, 2, 3, 4, 5]).toContain(weekday(d));
    expect(spx.exercise).toBe('european');
  });

  it('classes SPX third-Friday monthlies as SPX (AM) and every other SPX expiry as SPXW (PM)', () => {
    const spx = buildChains(WEDNESDAY_10AM, '2026-12-18').get('SPX')!;
    expect([spx.tradingClass('2026-11-20'), spx.settlement('2026-11-20')]).toEqual(['SPX', 'AM']);
    expect([spx.tradingClass('2026-12-18'), spx.settlement('2026-12-18')]).toEqual(['SPX', 'AM']);
    expect([spx.tradingClass('2026-11-19'), spx.settlement('2026-11-19')]).toEqual(['SPXW', 'PM']);
    expect([spx.tradingClass('2026-11-27'), spx.settlement('2026-11-27')]).toEqual(['SPXW', 'PM']);
  });

  it('classes the ES quarterly option as ES (AM) and other ES options as EW (PM)', () => {
    const es = buildChains(WEDNESDAY_10AM, '2026-12-18').get('ES')!;
    expect([es.tradingClass('2026-12-18'), es.settlement('2026-12-18')]).toEqual(['ES', 'AM']);
    expect([es.tradingClass('2026-11-20'), es.settlement('2026-11-20')]).toEqual(['EW', 'PM']);
  });

  it('drops the AM SPX monthly once its 09:30 settlement has passed, keeping PM lines that day', () => {
    const chains = buildChains(FRIDAY_3PM, '2026-12-18');
    expect(chains.get('SPX')!.expirations[0]).toBe('2026-11-23');
    expect(chains.get('SPY')!.expirations[0]).toBe('2026-11-20');
  });

  it('gives single stocks Friday expiries only', () => {
    const aapl = buildChains(FRIDAY_3PM, '2026-12-18').get('AAPL')!;
    for (const d of aapl.expirations) expect(weekday(d)).toBe(5);
    expect(aapl.expirations.slice(0, 5)).toEqual([
      '2026-11-20',
      '2026-11-27',
      '2026-12-04',
      '2026-12-11',
      '2026-12-18',
    ]);
  });

  it('lists ES options up to and including the future’s own expiry', () => {
    const es = buildChains(FRIDAY_3PM, '2026-12-18').get('ES')!;
    expect(es.secType).toBe('FOP');
    expect(es.expirations.at(-1)).toBe('2026-12-18');
    expect(es.underlyingKey).toBe('FUT:ES:2026-12-18');
  });

  it('spaces strikes by product: SPX 5, SPY 1, NVDA 2.5, AAPL 5', () => {
    const chains = buildChains(FRIDAY_3PM, '2026-12-18');
    const step = (s: string): number => {
      const k = chains.get(s)!.strikes;
      return k[1]! - k[0]!;
    };
    expect(step('SPX')).toBe(5);
    expect(step('SPY')).toBe(1);
    expect(step('NVDA')).toBe(2.5);
    expect(step('AAPL')).toBe(5);
    const spx = chains.get('SPX')!.strikes;
    expect(spx[0]).toBe(4425);
    expect(spx.at(-1)).toBe(7375);
  });

  it('builds a ladder within the range', () => {
    expect(strikeLadder(100, 0.1, 2.5)).toEqual([90, 92.5, 95, 97.5, 100, 102.5, 105, 107.5, 110]);
  });
});
