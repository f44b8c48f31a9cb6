/** Streams fed straight from the cache: connection (at once), account and quotes (coalesced). */
import type { StreamHub } from '../api/stream-hub';
import type { Clock } from '../util/clock';
import { KeyedBatcher, Throttle } from '@shared/util/throttle';
import type { MarketCache } from './market-cache';
import { PUBLISH_INTERVAL_MS } from './positions-publisher';

export function publishCacheStreams(cache: MarketCache, hub: StreamHub, clock: Clock): () => void {
  hub.provideInitial('connection.state', () => cache.connection());
  hub.provideInitial('account.changed', () => cache.account());
  hub.provideInitial('market.quotes', () => ({ asOf: clock.now(), quotes: cache.allQuotes() }));

  const quotes = new KeyedBatcher(
    clock,
    PUBLISH_INTERVAL_MS,
    (batch: ReturnType<MarketCache['allQuotes']>) =>
      hub.publish('market.quotes', { asOf: clock.now(), quotes: batch }),
  );
  const account = new Throttle(clock, PUBLISH_INTERVAL_MS, () => {
    const a = cache.account();
    if (a) hub.publish('account.changed', a);
  });
  const offs = [
    cache.changes.on('connection', (c) => hub.publish('connection.state', c)),
    cache.changes.on('quote', (q) => quotes.put(q.key, q)),
    cache.changes.on('account', () => account.schedule()),
  ];
  return () => {
    quotes.flushPending();
    account.flushPending();
    for (const off of offs) off();
  };
}
