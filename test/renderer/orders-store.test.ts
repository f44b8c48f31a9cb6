import { describe, expect, it } from 'vitest';
import { legsSummary, walkText } from '../../src/renderer/src/features/orders/working-model';
import {
  applyOrderEvent,
  applyOrderRecords,
  doneOrders,
  EMPTY_ORDERS,
  workingOrders,
} from '../../src/renderer/src/stores/orders';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { NOW, orderRecord } from './orders-fixtures';

describe('working-orders store', () => {
  it('applies order events: a newer record replaces the older, an older one is ignored', () => {
    let s = applyOrderRecords(EMPTY_ORDERS, [orderRecord(1)], true);
    s = applyOrderEvent(s, {
      type: 'order',
      order: orderRecord(1, { status: 'partially-filled', filled: 1, updatedAt: NOW + 2 }),
    });
    expect(s.byId[1]?.status).toBe('partially-filled');
    // orders.list answering late with an older copy does not undo the event.
    s = applyOrderRecords(s, [orderRecord(1, { updatedAt: NOW + 1 })]);
    expect(s.byId[1]?.filled).toBe(1);
  });

  it('keeps its identity for fills (the order record that follows carries them)', () => {
    const s = applyOrderRecords(EMPTY_ORDERS, [orderRecord(1)], true);
    const fill = {
      type: 'fill' as const,
      orderId: 1,
      execId: 'e1',
      instrumentKey: 'OPT:SPX:2026-12-18:P:5700',
      side: 'SLD' as const,
      quantity: 1,
      price: 12,
      time: NOW,
    };
    expect(applyOrderEvent(s, fill)).toBe(s);
  });

  it('splits working from done, newest first', () => {
    const s = applyOrderRecords(
      EMPTY_ORDERS,
      [
        orderRecord(1, { sentAt: NOW }),
        orderRecord(2, { sentAt: NOW + 5 }),
        orderRecord(3, { status: 'filled', filled: 1, remaining: 0 }),
        orderRecord(4, { status: 'cancelled' }),
        orderRecord(5, { status: 'rejected', reason: 'margin' }),
        orderRecord(6, { status: 'inactive' }),
        orderRecord(7, { status: 'sent' }),
      ],
      true,
    );
    expect(workingOrders(s).map((o) => o.orderId)).toEqual([2, 7, 1]);
    expect(
      doneOrders(s)
        .map((o) => o.orderId)
        .sort(),
    ).toEqual([3, 4, 5, 6]);
  });

  it('keeps TWS notices for the trader until dismissed, the newest six', () => {
    const store = createAppStore(0);
    for (let i = 0; i < 8; i++) {
      store.getState().applyOrderEvent({
        type: 'notice',
        orderId: 1,
        code: '10311',
        message: `held ${i}`,
        time: NOW,
      });
    }
    const notices = store.getState().orderNotices;
    expect(notices).toHaveLength(6);
    expect(notices.at(-1)?.message).toBe('held 7');
    store.getState().dismissOrderNotice(notices[0]!.id);
    expect(store.getState().orderNotices).toHaveLength(5);
  });

  it('reads legs in the direction they trade and the walk as step, price and worst', () => {
    expect(legsSummary(orderRecord(1).request)).toBe('SPX 18 Dec 26: \u22125700P +5675P');
    expect(
      walkText({ step: 3, maxSteps: 10, currentPrice: 2.45, worstPrice: 2.2, ended: null }),
    ).toBe('3/10 2.45 \u2192 2.20');
    expect(walkText(null)).toBeNull();
  });
});
