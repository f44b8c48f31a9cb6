/** Item 7 of the fail-closed issue: an order request says what it is, or it is refused. */
import { describe, expect, it } from 'vitest';
import { OrderRequestSchema } from '@shared/domain/orders';
import { inst } from '../fakes/instruments';

const put = inst({ secType: 'OPT', symbol: 'SPY', expiry: '2026-12-18', right: 'P', strike: 570 });
const base = {
  action: 'BUY',
  quantity: 1,
  tif: 'DAY',
  legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
} as const;

describe('OrderRequestSchema', () => {
  it('refuses a LMT order without a limit price', () => {
    const r = OrderRequestSchema.safeParse({ ...base, orderType: 'LMT' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['limitPrice'],
      message: 'a LMT order needs a limitPrice',
    });
  });

  it('refuses a MKT order that carries a limit price', () => {
    expect(OrderRequestSchema.safeParse({ ...base, orderType: 'MKT', limitPrice: 2 }).success).toBe(
      false,
    );
  });

  it('accepts a LMT order with its price and a bare MKT order', () => {
    expect(
      OrderRequestSchema.safeParse({ ...base, orderType: 'LMT', limitPrice: 6.1 }).success,
    ).toBe(true);
    expect(OrderRequestSchema.safeParse({ ...base, orderType: 'MKT' }).success).toBe(true);
  });
});
