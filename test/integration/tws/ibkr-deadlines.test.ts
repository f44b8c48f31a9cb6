/**
 * A TWS that never answers: every request of the IBKR adapter ends at its deadline on the
 * adapter's own clock — not a wall-clock timer the app's injected time cannot reach — with a
 * plain-words reason, and leaves nothing pending behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRequest } from '@shared/domain/orders';
import { FakeClock } from '../../fakes/fake-clock';
import { adapterOnSim, closeAdapters, simQuotes, spxOptionVia } from './adapter-harness';

afterEach(closeAdapters);

const QUIET = { liveness: { intervalMs: 3_600_000, deadlineMs: 3_600_000 } };

async function quietAdapter() {
  const clock = new FakeClock(Date.parse('2026-11-20T10:00:00-05:00'));
  const a = await adapterOnSim({}, QUIET, clock);
  return { ...a, brokerClock: clock };
}

/** Waits until the fake TWS has read a client message with this id (the request went out). */
async function sent(a: Awaited<ReturnType<typeof quietAdapter>>, messageId: string, after: number) {
  await expect.poll(() => a.tws.received.slice(after).some((f) => f[0] === messageId)).toBe(true);
}

/** Settles the promise as an outcome, so the test can look at it without awaiting it. */
function outcome<T>(p: Promise<T>): { state: 'pending' | 'resolved' | 'rejected'; error?: Error } {
  const o: { state: 'pending' | 'resolved' | 'rejected'; error?: Error } = { state: 'pending' };
  p.then(
    () => (o.state = 'resolved'),
    (e: Error) => {
      o.state = 'rejected';
      o.error = e;
    },
  );
  return o;
}

const flush = () => new Promise((r) => setTimeout(r, 20));

describe('IBKR deadlines on the adapter’s clock', () => {
  it('a what-if TWS never answers fails at 15 s of the adapter’s time, not before', async () => {
    const a = await quietAdapter();
    const put = await spxOptionVia(a, '2026-12-18', 'P', 0.95);
    const order: OrderRequest = {
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 5,
      tif: 'DAY',
      legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
    };
    a.tws.ignoreRequests(['3']);
    const before = a.tws.received.length;
    const o = outcome(a.broker.whatIf(order));
    await sent(a, '3', before);
    a.brokerClock.advance(14_999);
    await flush();
    expect(o.state).toBe('pending');
    a.brokerClock.advance(1);
    await flush();
    expect(o.state).toBe('rejected');
    expect(o.error!.message).toMatch(
      /what-if margin for order \d+: no answer from TWS within 15 s/,
    );
  });

  it('a contract lookup and daily bars TWS never answers fail at 30 s of the adapter’s time', async () => {
    const a = await quietAdapter();
    a.tws.ignoreRequests(['9', '20']);
    const before = a.tws.received.length;
    const lookup = outcome(a.broker.lookupContract({ symbol: 'SPX', secType: 'IND' }));
    const bars = outcome(a.broker.historicalDaily('AAPL', 20));
    await sent(a, '9', before);
    await sent(a, '20', before);
    a.brokerClock.advance(29_999);
    await flush();
    expect([lookup.state, bars.state]).toEqual(['pending', 'pending']);
    a.brokerClock.advance(1);
    await flush();
    expect(lookup.state).toBe('rejected');
    expect(lookup.error!.message).toMatch(/no answer from TWS within 30 s/);
    expect(bars.state).toBe('rejected');
    expect(bars.error!.message).toMatch(/daily bars for AAPL: no answer from TWS within 30 s/);
    // Answered again once TWS is: the failed requests left no listener behind to confuse it.
    a.tws.ignoreRequests([]);
    const [spx] = await a.broker.lookupContract({ symbol: 'SPX', secType: 'IND' });
    expect(spx).toMatchObject({ key: 'IND:SPX' });
    expect(a.tws.protocolErrors).toEqual([]);
  });
});

describe('IBKR order memory stays bounded', () => {
  it('forgets an ended order’s statuses and fills after the replay window, not before', async () => {
    const clock = new FakeClock(Date.parse('2026-11-20T10:00:00-05:00'));
    const month = 30 * 24 * 3_600_000;
    const a = await adapterOnSim({}, { liveness: { intervalMs: month, deadlineMs: month } }, clock);
    const put = await spxOptionVia(a, '2026-12-18', 'P', 0.95);
    const [q] = simQuotes(a, [put]);
    const statuses: string[] = [];
    a.broker.events.on('orderStatus', (e) => statuses.push(e.status));
    await a.broker.placeOrder({
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: Math.max(0.05, Math.floor(q!.bid! * 20) / 20),
      tif: 'DAY',
      legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
    });
    await expect.poll(async () => (await a.step(), statuses.at(-1))).toBe('Filled');
    const filled = a.broker.orderMemory();
    expect(filled.executions).toBeGreaterThan(0);
    expect(filled.statuses).toBe(1);
    // Seven days on, a replayed fill must still be recognised: nothing forgotten yet.
    clock.advance(7 * 24 * 3_600_000);
    const resting = {
      action: 'SELL' as const,
      quantity: 1,
      orderType: 'LMT' as const,
      limitPrice: Math.round(q!.ask! * 60) / 20,
      tif: 'DAY' as const,
      legs: [{ instrument: put, action: 'BUY' as const, ratio: 1 }],
    };
    await a.broker.placeOrder(resting);
    await expect.poll(async () => (await a.step(), a.broker.orderMemory().statuses)).toBe(2);
    expect(a.broker.orderMemory().executions).toBe(filled.executions);
    // Past the eight-day window the ended order is forgotten at the next event.
    clock.advance(1.5 * 24 * 3_600_000);
    await a.broker.placeOrder({ ...resting, limitPrice: resting.limitPrice + 0.05 });
    await expect
      .poll(async () => (await a.step(), a.broker.orderMemory()))
      .toMatchObject({ working: 2, statuses: 2, executions: 0, commissions: 0 });
  });
});
