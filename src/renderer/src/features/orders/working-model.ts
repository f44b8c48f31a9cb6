/** How an order reads in the Working orders panel (pure). */
import { formatExpiry, formatStrike } from '@shared/domain/instrument';
import type { OrderLifecycle, OrderRecord, WalkState } from '@shared/domain/order-ticket';
import type { OrderRequest } from '@shared/domain/orders';
import { fmt, fmtPrice } from '../../format/numbers';

export const STATUS_TEXT: Record<OrderLifecycle, string> = {
  sent: 'sent',
  working: 'working',
  'partially-filled': 'partly filled',
  filled: 'filled',
  cancelled: 'cancelled',
  rejected: 'rejected',
  inactive: 'inactive',
};

/**
 * The legs in the direction they trade: an order SELL sells its BUY legs. Options of one root
 * and expiry read "SPX 18 Dec 26: −5750P +5725P"; anything else leg by leg.
 */
export function legsSummary(r: OrderRequest): string {
  const sign = (action: 'BUY' | 'SELL') => (action === r.action ? '+' : '\u2212');
  const legs = r.legs;
  const first = legs[0]?.instrument;
  const oneSeries =
    first !== undefined &&
    legs.every(
      (l) =>
        l.instrument.right !== undefined &&
        l.instrument.symbol === first.symbol &&
        l.instrument.expiry === first.expiry,
    );
  const ratio = (n: number) => (n > 1 ? String(n) : '');
  if (oneSeries && first.expiry) {
    const parts = legs.map(
      (l) =>
        `${sign(l.action)}${ratio(l.ratio)}${formatStrike(l.instrument.strike ?? 0)}${l.instrument.right}`,
    );
    return `${first.symbol} ${formatExpiry(first.expiry)}: ${parts.join(' ')}`;
  }
  return legs
    .map((l) => `${sign(l.action)}${ratio(l.ratio)} ${l.instrument.description}`)
    .join(' · ');
}

/** "3/10 2.45 → 2.20" while walking; how it ended once it has. */
export function walkText(w: WalkState | null): string | null {
  if (!w) return null;
  const base = `${w.step}/${w.maxSteps} ${fmtPrice(w.currentPrice)} \u2192 ${fmtPrice(w.worstPrice)}`;
  return w.ended ? `${base} (${w.ended})` : base;
}

export function filledText(o: OrderRecord): string {
  const n = (v: number) => fmt(v, Number.isInteger(v) ? 0 : 2);
  return `${n(o.filled)}/${n(o.remaining)}`;
}

export function orderSideText(o: OrderRecord): string {
  return `${o.request.action} ${o.request.quantity}`;
}
