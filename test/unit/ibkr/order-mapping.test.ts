import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '@shared/domain/orders';
import { ibOrder } from '../../../src/main/broker/ibkr/order-mapping';
import { inst } from '../../fakes/instruments';

const put = inst({ secType: 'OPT', symbol: 'SPY', expiry: '2026-12-18', right: 'P', strike: 570 });

function single(action: 'BUY' | 'SELL', leg: 'BUY' | 'SELL', limitPrice: number): OrderRequest {
  const legs = [{ instrument: put, action: leg, ratio: 1 }];
  return { action, quantity: 2, orderType: 'LMT', limitPrice, tif: 'DAY', legs };
}

describe('single-leg orders on TWS', () => {
  it('send the contract with the order side and the price as given when the leg is bought', () => {
    expect(ibOrder(7, single('SELL', 'BUY', 2.1))).toMatchObject({ action: 'SELL', lmtPrice: 2.1 });
    expect(ibOrder(7, single('BUY', 'BUY', 2.1))).toMatchObject({ action: 'BUY', lmtPrice: 2.1 });
  });

  it('fold a sold leg into the side and the sign: BUY 1 × [SELL x] at −2.10 sells x at 2.10', () => {
    expect(ibOrder(7, single('BUY', 'SELL', -2.1))).toMatchObject({
      action: 'SELL',
      lmtPrice: 2.1,
    });
    expect(ibOrder(7, single('SELL', 'SELL', -2.1))).toMatchObject({
      action: 'BUY',
      lmtPrice: 2.1,
    });
  });
});
