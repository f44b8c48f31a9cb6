import { EventEmitter } from 'node:events';
import type { IBApi } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { MarketDataLines } from '../../../src/main/broker/ibkr/market-data';
import { inst } from '../../fakes/instruments';

/** Just enough of IBApi: events plus a record of line requests and cancels. */
class FakeIbClient extends EventEmitter {
  readonly requested: number[] = [];
  readonly cancelled: number[] = [];
  reqMktData(reqId: number): this {
    this.requested.push(reqId);
    return this;
  }
  cancelMktData(reqId: number): this {
    this.cancelled.push(reqId);
    return this;
  }
}

function lines(maxLines: number, held: Set<string>) {
  const refused: string[] = [];
  let id = 1;
  const l = new MarketDataLines(
    {
      quote: () => {},
      optionModel: () => {},
      refused: (key, _code, msg) => refused.push(`${key}: ${msg}`),
    },
    () => id++,
    () => 0,
    { maxLines, isPriority: (k) => held.has(k) },
  );
  const api = new FakeIbClient();
  l.attach(api as unknown as IBApi);
  return { l, api, refused };
}

const stock = (symbol: string) => inst({ secType: 'STK', symbol });

describe('market-data line budget', () => {
  it('never holds more lines than the budget; a held position takes a watch-only line', () => {
    const { l, api, refused } = lines(2, new Set(['STK:AAPL']));
    l.subscribe(stock('QQQ'));
    l.subscribe(stock('IWM'));
    expect(api.requested).toEqual([1, 2]);
    l.subscribe(stock('AAPL'));
    expect(api.cancelled).toEqual([1]); // QQQ gave way
    expect(api.requested).toEqual([1, 2, 3]);
    expect(l.waitingKeys()).toEqual(['STK:QQQ']);
    l.subscribe(stock('TSLA'));
    expect(refused).toEqual(['STK:TSLA: over the market-data line budget (2 lines)']);
    expect(api.requested).toHaveLength(3);
  });

  it('gives a freed line to the next waiting instrument, priority first', () => {
    const { l, api } = lines(1, new Set(['STK:AAPL']));
    const unsubscribeQqq = l.subscribe(stock('QQQ'));
    const unsubscribeAapl = l.subscribe(stock('AAPL'));
    expect(l.waitingKeys()).toEqual(['STK:QQQ']);
    unsubscribeAapl();
    expect(l.waitingKeys()).toEqual([]);
    expect(api.requested).toHaveLength(3); // QQQ, AAPL, QQQ again
    unsubscribeQqq();
    expect(api.cancelled.length).toBe(3);
  });
});
