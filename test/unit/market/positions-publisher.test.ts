import { describe, expect, it } from 'vitest';
import type { PositionsUpdate } from '@shared/domain/positions';
import { StreamHub } from '../../../src/main/api/stream-hub';
import { MarketCache } from '../../../src/main/market/market-cache';
import { PositionsPublisher } from '../../../src/main/market/positions-publisher';
import { silentLogger } from '../../../src/main/util/logger';
import { FakeBroker } from '../../fakes/fake-broker';
import { FakeClock } from '../../fakes/fake-clock';
import { inst } from '../../fakes/instruments';

function setup() {
  const clock = new FakeClock();
  const broker = new FakeBroker(clock);
  const cache = new MarketCache(broker);
  const hub = new StreamHub(silentLogger, true);
  const publisher = new PositionsPublisher(cache, hub, clock, {
    quoteMs: 10_000,
    greeksMs: 30_000,
  });
  const aapl = inst({ secType: 'STK', symbol: 'AAPL' });
  broker.setConnection('connected', 'test');
  broker.setPositions([{ account: 'A', instrument: aapl, quantity: 100, avgPrice: 200 }]);
  broker.pushQuote(aapl.key, 210);
  publisher.start();
  clock.advance(1_000);
  const seen: PositionsUpdate[] = [];
  hub.subscribe('positions.changed', (u) => seen.push(u));
  return { clock, broker, publisher, hub, aapl, seen };
}

const lastPrice = (seen: PositionsUpdate[], key: string) =>
  seen
    .flatMap((u) => u.upserts)
    .filter((r) => r.instrument.key === key)
    .at(-1)?.price;

describe('PositionsPublisher', () => {
  it('publishes a price change to subscribers even when a snapshot was taken before the flush', () => {
    const { clock, broker, publisher, aapl, seen } = setup();
    broker.pushQuote(aapl.key, 215);
    publisher.current(); // positions.snapshot from another front end, before the flush
    clock.advance(200);
    expect(lastPrice(seen, aapl.key)).toBe(215);
  });

  it('publishes a price change to subscribers even when another front end subscribes meanwhile', () => {
    const { clock, broker, hub, aapl, seen } = setup();
    broker.pushQuote(aapl.key, 216);
    hub.subscribe('positions.changed', () => {});
    clock.advance(200);
    expect(lastPrice(seen, aapl.key)).toBe(216);
  });
});
