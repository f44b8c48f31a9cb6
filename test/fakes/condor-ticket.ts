/** The SPX iron condor ticket tests and benches send, legs by key. */
import type { OrderTicket } from '@shared/domain/order-ticket';

/**
 * IB's combo convention: buying these legs (long put, short put, short call, long call) is the
 * short condor, for a credit (a negative price).
 */
export function condorTicket(
  keys: readonly string[],
  limitPrice: number,
  extra: Partial<OrderTicket> = {},
): OrderTicket {
  const [lp, sp, sc, lc] = keys;
  return {
    action: 'BUY',
    quantity: 1,
    orderType: 'LMT',
    limitPrice,
    tif: 'DAY',
    strategy: 'iron condor',
    legs: [
      { instrument: { key: lp! }, action: 'BUY', ratio: 1 },
      { instrument: { key: sp! }, action: 'SELL', ratio: 1 },
      { instrument: { key: sc! }, action: 'SELL', ratio: 1 },
      { instrument: { key: lc! }, action: 'BUY', ratio: 1 },
    ],
    ...extra,
  };
}
