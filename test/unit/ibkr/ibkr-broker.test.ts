import { describe, expect, it } from 'vitest';
import { IbkrBroker, tradingMode } from '../../../src/main/broker/ibkr/ibkr-broker';
import { silentLogger } from '../../../src/main/util/logger';
import { FakeClock } from '../../fakes/fake-clock';
import { inst } from '../../fakes/instruments';

describe('IBKR broker safety', () => {
  it('calls a session live on a live port or a non-paper account, paper otherwise', () => {
    expect(tradingMode(7497, 'DU1234567')).toBe('paper');
    expect(tradingMode(4002, null)).toBe('paper');
    expect(tradingMode(7496, 'DU1234567')).toBe('live');
    expect(tradingMode(4001, null)).toBe('live');
    expect(tradingMode(7497, 'U1234567')).toBe('live');
  });

  it('refuses every order call while the order path is not wired, sending nothing', async () => {
    const broker = new IbkrBroker(
      { host: '127.0.0.1', port: 7497, clientId: 17, account: 'DU1234567' },
      new FakeClock(),
      silentLogger,
    );
    const put = inst({
      secType: 'OPT',
      symbol: 'SPX',
      expiry: '2026-12-18',
      right: 'P',
      strike: 5800,
    });
    const order = {
      action: 'SELL' as const,
      quantity: 1,
      orderType: 'LMT' as const,
      limitPrice: 60,
      tif: 'DAY' as const,
      legs: [{ instrument: put, action: 'BUY' as const, ratio: 1 }],
    };
    await expect(broker.placeOrder(order)).rejects.toThrow(/not wired up yet/);
    await expect(broker.whatIf(order)).rejects.toThrow(/not wired up yet/);
    await expect(broker.cancelOrder(1)).rejects.toThrow(/not wired up yet/);
    expect(broker.openOrders()).toEqual([]);
    expect(broker.connectionState()).toMatchObject({
      broker: 'ibkr',
      status: 'disconnected',
      mode: 'paper',
    });
  });
});
