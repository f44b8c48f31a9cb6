import { useEffect } from 'react';
import { toApiError } from '../../api/errors';
import type { CommandContext } from '../../commands/types';
import { refreshOrders } from './ticket-actions';

/** The session's orders and the trading state, asked whenever the link (re)opens: orders sent
 * while this window was away come in here, the streams keep them current after. */
export function loadOrders(ctx: CommandContext): void {
  void refreshOrders(ctx);
  ctx.api.call('trading.state', {}).then(
    (t) => ctx.store.getState().setTrading(t),
    (e: unknown) => {
      const error = toApiError(e);
      if (error.code !== 'TRANSPORT_CLOSED') ctx.store.getState().pushNotice(error, Date.now());
    },
  );
}

export function useOrdersLoad(ctx: CommandContext): void {
  useEffect(() => {
    if (ctx.store.getState().link.status === 'open') loadOrders(ctx);
    return ctx.store.subscribe((s, prev) => {
      if (s.link.status === 'open' && prev.link.status !== 'open') loadOrders(ctx);
    });
  }, [ctx]);
}
