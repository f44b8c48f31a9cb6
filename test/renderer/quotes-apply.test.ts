import { describe, expect, it } from 'vitest';
import { EMPTY_QUOTES, applyQuotes, compareWatchKeys } from '../../src/renderer/src/stores/quotes';
import { quote } from './fixtures';

describe('applyQuotes', () => {
  it('keeps the latest quote per key', () => {
    const s1 = applyQuotes(EMPTY_QUOTES, [quote('IND:SPX', 5800)], 1);
    const s2 = applyQuotes(s1, [quote('IND:SPX', 5790), quote('STK:AAPL', 230)], 2);
    expect(s2.byKey['IND:SPX']?.mark).toBe(5790);
    expect(s2.byKey['STK:AAPL']?.mark).toBe(230);
    expect(s2.asOf).toBe(2);
  });

  it('lists indices, futures and stocks for the market watch, not options', () => {
    const s = applyQuotes(
      EMPTY_QUOTES,
      [
        quote('STK:AAPL', 230),
        quote('OPT:SPX:2026-12-18:P:5800', 40),
        quote('FUT:ES:2026-12-18', 5810),
        quote('IND:VIX3M', 19),
        quote('IND:VIX', 17),
        quote('IND:SPX', 5800),
      ],
      1,
    );
    expect(s.watchKeys).toEqual([
      'IND:SPX',
      'IND:VIX',
      'IND:VIX3M',
      'FUT:ES:2026-12-18',
      'STK:AAPL',
    ]);
  });

  it('keeps the watch list identity when no new key appears', () => {
    const s1 = applyQuotes(EMPTY_QUOTES, [quote('IND:SPX', 5800)], 1);
    const s2 = applyQuotes(s1, [quote('IND:SPX', 5801), quote('OPT:SPX:2026-12-18:P:5800', 3)], 2);
    expect(s2.watchKeys).toBe(s1.watchKeys);
  });

  it('orders SPX, VIX, VIX3M first', () => {
    expect(['STK:A', 'IND:VIX3M', 'IND:SPX'].sort(compareWatchKeys)).toEqual([
      'IND:SPX',
      'IND:VIX3M',
      'STK:A',
    ]);
  });
});
