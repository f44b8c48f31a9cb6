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

  const brokerOn = (port: number, account: string, allowLive = false) =>
    new IbkrBroker(
      { host: '127.0.0.1', port, clientId: 17, account, allowLive },
      new FakeClock(),
      silentLogger,
    );

  it('refuses every order call without a TWS session, sending nothing', async () => {
    const broker = brokerOn(7497, 'DU1234567');
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
    await expect(broker.placeOrder(order)).rejects.toThrow(/no TWS session/);
    await expect(broker.whatIf(order)).rejects.toThrow(/no TWS session/);
    await expect(broker.cancelOrder(1)).rejects.toThrow(/no TWS session/);
    expect(broker.openOrders()).toEqual([]);
    expect(broker.connectionState()).toMatchObject({
      broker: 'ibkr',
      status: 'disconnected',
      mode: 'paper',
    });
    // A live account refuses before anything else, unless live trading is enabled explicitly.
    await expect(brokerOn(7496, 'DU1234567').placeOrder(order)).rejects.toThrow(/LIVE account/);
    await expect(brokerOn(7497, 'U7654321').whatIf(order)).rejects.toThrow(/LIVE account/);
    await expect(brokerOn(7496, 'U7654321', true).placeOrder(order)).rejects.toThrow(
      /no TWS session/,
    );
  });
});
