import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '@shared/domain/order-ticket';
import type { OrderRequest } from '@shared/domain/orders';
import { Emitter } from '@shared/util/emitter';
import type { BrokerEvents } from '../../../src/main/broker/port';
import { OrderTracker } from '../../../src/main/orders/order-tracker';
import { silentLogger } from '../../../src/main/util/logger';
import { spxOption } from './gate-context';

const request: OrderRequest = {
  action: 'SELL',
  quantity: 1,
  orderType: 'LMT',
  limitPrice: 2.5,
  tif: 'DAY',
  legs: [{ instrument: spxOption('P', 5600), action: 'BUY', ratio: 1 }],
};

function setUp() {
  const events = new Emitter<BrokerEvents>();
  const published: OrderEvent[] = [];
  const tracker = new OrderTracker(
    events,
    (e) => published.push(e),
    () => 1,
    silentLogger,
  );
  tracker.track(9, request, { clientRef: 'BW-9', strategy: null, rationale: null });
  const status = (s: 'Submitted' | 'Cancelled') =>
    events.emit('orderStatus', {
      orderId: 9,
      status: s,
      filled: 0,
      remaining: 1,
      avgFillPrice: null,
      lastFillPrice: null,
      reason: null,
      time: 1,
    });
  const error = (code: string) =>
    events.emit('error', { code, message: 'price does not conform', orderId: 9 });
  return { tracker, published, status, error };
}

describe('OrderTracker and broker refusals', () => {
  it('a refusal before the broker accepted the order rejects it', () => {
    const t = setUp();
    t.error('201');
    expect(t.tracker.get(9)?.status).toBe('rejected');
  });

  it('a refused modify leaves the order working at its previous limit, with a notice', () => {
    const t = setUp();
    t.status('Submitted');
    t.tracker.setLimit(9, 2.37);
    t.error('110');
    const r = t.tracker.get(9)!;
    expect(r.status).toBe('working');
    expect(r.request.limitPrice).toBe(2.5);
    const notice = t.published.find((e) => e.type === 'notice');
    expect(notice).toMatchObject({ code: '110' });
    expect(notice && 'message' in notice ? notice.message : '').toMatch(/still works at 2.5/);
  });

  it('counts the unfilled remainder of working orders per instrument, signed', () => {
    const t = setUp();
    t.status('Submitted');
    const key = request.legs[0]!.instrument.key;
    expect(t.tracker.remainingChange(key)).toBe(-1);
    expect(t.tracker.remainingChange(key, 9)).toBe(0);
    t.status('Cancelled');
    expect(t.tracker.remainingChange(key)).toBe(0);
  });
});
