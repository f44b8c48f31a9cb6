/** Handlers for the order path and the trading state: thin, the order service decides. */
import { ApiFailure } from '@shared/api/errors';
import type { OrderService } from '../orders/order-service';
import { TradingStateRefused } from '../orders/trading-state';
import type { CommandRegistry } from './command-registry';

export function registerOrderCommands(registry: CommandRegistry, orders: OrderService): void {
  registry.register('orders.preview', (ticket) => orders.preview(ticket));
  registry.register('orders.submit', ({ confirmToken }) => orders.submit(confirmToken));
  registry.register('orders.cancel', ({ orderId }) => orders.cancel(orderId));
  registry.register('orders.modify', ({ orderId, limitPrice }) =>
    orders.modify(orderId, limitPrice),
  );
  registry.register('orders.list', () => orders.list());
  registry.register('trading.state', () => orders.trading.current());
  registry.register('trading.set', ({ state, reason }) => {
    try {
      return orders.trading.set(state, reason, 'user');
    } catch (e) {
      if (e instanceof TradingStateRefused) throw new ApiFailure('ORDER_DENIED', e.message);
      throw e;
    }
  });
}
