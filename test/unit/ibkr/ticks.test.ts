import { describe, expect, it } from 'vitest';
import { OptionModelSchema, QuoteSchema } from '@shared/domain/market';
import {
  optionModelOf,
  TICK as TickType,
  TickAssembler,
} from '../../../src/main/broker/ibkr/ticks';

const T = 1_795_190_400_000;

describe('ticks → quote', () => {
  it('builds a two-sided quote with the mid as mark and sizes', () => {
    const a = new TickAssembler('OPT:SPX:2026-12-18:P:5800');
    a.price(TickType.BID, 61.2, T);
    a.size(TickType.BID_SIZE, 12, T);
    a.price(TickType.ASK, 61.5, T);
    const q = a.size(TickType.ASK_SIZE, 9, T)!;
    expect(QuoteSchema.parse(q)).toEqual(q);
    expect(q).toMatchObject({
      bid: 61.2,
      ask: 61.5,
      mark: 61.35,
      bidSize: 12,
      askSize: 9,
      delayed: false,
    });
  });

  it('drops −1 and sentinels from bid/ask, keeping the last trade as mark', () => {
    const a = new TickAssembler('STK:AAPL');
    a.price(TickType.LAST, 230.1, T);
    a.price(TickType.BID, -1, T);
    const q = a.price(TickType.ASK, 1.7976931348623157e308, T)!;
    expect(q).toMatchObject({ bid: null, ask: null, last: 230.1, mark: 230.1 });
  });

  it('marks the line delayed on delayed tick types', () => {
    const a = new TickAssembler('IND:SPX');
    expect(a.price(TickType.DELAYED_LAST, 5900, T)).toMatchObject({ last: 5900, delayed: true });
  });

  it('ignores ticks Bulwark does not show', () => {
    expect(new TickAssembler('STK:AAPL').price(TickType.HIGH, 231, T)).toBeNull();
  });
});

describe('option computation → model values', () => {
  it('keeps computed values and turns −1/−2 and sentinels into null', () => {
    const m = optionModelOf(
      'OPT:SPX:2026-12-18:P:5800',
      {
        impliedVol: 0.165,
        delta: -0.31,
        optPrice: -1,
        gamma: -2,
        vega: 6.1,
        theta: 1.7976931348623157e308,
        undPrice: 5900,
      },
      T,
    );
    expect(OptionModelSchema.parse(m)).toEqual(m);
    expect(m).toMatchObject({
      iv: 0.165,
      delta: -0.31,
      modelPrice: null,
      gamma: null,
      vega: 6.1,
      theta: null,
      underlyingPrice: 5900,
    });
  });
});
