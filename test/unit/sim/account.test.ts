import { describe, expect, it } from 'vitest';
import { AccountSummarySchema } from '@shared/domain/account';
import { MarginImpactSchema } from '@shared/domain/orders';
import { accountValues } from '../../../src/main/broker/sim/account';
import { commissionFor } from '../../../src/main/broker/sim/commissions';
import { optionOf, started, strikeNear } from './sim-helpers';

describe('account values', () => {
  it('sums cash, market values and futures P&L; derives excess, cushion and buying power', () => {
    const base = { description: '', currency: 'USD' as const, exchange: 'SMART' };
    const stock = {
      ...base,
      key: 'STK:NVDA',
      symbol: 'NVDA',
      secType: 'STK' as const,
      multiplier: 1,
    };
    const fut = {
      ...base,
      key: 'FUT:ES:2026-12-18',
      symbol: 'ES',
      secType: 'FUT' as const,
      multiplier: 50,
      expiry: '2026-12-18',
    };
    const v = accountValues(100_000, [
      { instrument: stock, quantity: 100, price: 140, underlyingPrice: 140, avgPrice: 130 },
      { instrument: fut, quantity: 1, price: 5910, underlyingPrice: 5910, avgPrice: 5900 },
    ]);
    // NLV = 100 000 + 14 000 (stock value) + 500 (futures P&L; no market value)
    expect(v.netLiquidation).toBeCloseTo(114_500, 6);
    // maint = 25 % × 14 000 + 6 % × 5910 × 50; init = 50 % × 14 000 + 1.1 × 17 730
    expect(v.maintMargin).toBeCloseTo(3500 + 17_730, 6);
    expect(v.initMargin).toBeCloseTo(7000 + 19_503, 6);
    expect(v.excessLiquidity).toBeCloseTo(v.netLiquidation - v.maintMargin, 9);
    expect(v.cushion).toBeCloseTo(v.excessLiquidity / v.netLiquidation, 12);
    expect(v.buyingPower).toBeCloseTo(4 * (v.netLiquidation - v.initMargin), 6);
  });

  it('keeps the identities in the broker’s account summary', async () => {
    const { sim, clock } = await started();
    clock.advance(5000);
    const a = AccountSummarySchema.parse(sim.accountSummary());
    expect(a.account).toBe('SIM-DEMO');
    expect(a.excessLiquidity).toBeCloseTo(a.netLiquidation - a.maintMargin, 6);
    expect(a.cushion).toBeCloseTo(a.excessLiquidity / a.netLiquidation, 9);
  });

  it('emits account values at most about once a wall second while running', async () => {
    const { sim, clock } = await started();
    let count = 0;
    sim.events.on('account', () => count++);
    clock.advance(10_000);
    expect(count).toBeGreaterThanOrEqual(9);
    expect(count).toBeLessThanOrEqual(11);
  });
});

describe('what-if margin', () => {
  it('adds a naked SPX put’s requirement and the commission estimate', async () => {
    const { sim } = await started();
    const spot = sim.snapshot().prices.SPX!;
    const put = await optionOf(
      sim,
      'SPX',
      '2027-03-19',
      'P',
      await strikeNear(sim, 'SPX', spot * 0.9),
    );
    sim.subscribeMarketData(put);
    const q = sim.lastQuote(put.key)!;
    const impact = MarginImpactSchema.parse(
      await sim.whatIf({
        action: 'SELL',
        quantity: 1,
        orderType: 'LMT',
        limitPrice: q.bid!,
        tif: 'DAY',
        legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
      }),
    );
    const k = put.strike!;
    const naked = (q.mark! + Math.max(0.15 * spot - (spot - k), 0.1 * k)) * 100;
    expect(impact.maintMarginChange).toBeCloseTo(naked, -1);
    expect(impact.initMarginChange).toBeCloseTo(naked, -1);
    expect(impact.commission).toBe(commissionFor(put, 1));
    expect(impact.equityWithLoanBefore - impact.equityWithLoanAfter).toBeCloseTo(1, 6);
    expect(impact.warning).toBeNull();
  });

  it('warns when the cushion after the order would fall below 0.20', async () => {
    const { sim } = await started();
    const spot = sim.snapshot().prices.SPX!;
    const put = await optionOf(sim, 'SPX', '2027-03-19', 'P', await strikeNear(sim, 'SPX', spot));
    const impact = await sim.whatIf({
      action: 'SELL',
      quantity: 20,
      orderType: 'MKT',
      tif: 'DAY',
      legs: [{ instrument: put, action: 'BUY', ratio: 1 }],
    });
    expect(impact.warning).toMatch(/cushion after the order would be -?\d+\.\d\d, below 0\.20/);
  });

  it('rejects a what-if for an unknown instrument', async () => {
    const { sim } = await started();
    const [aapl] = await sim.lookupContract({ symbol: 'AAPL', secType: 'STK' });
    await expect(
      sim.whatIf({
        action: 'BUY',
        quantity: 1,
        orderType: 'MKT',
        tif: 'DAY',
        legs: [
          { instrument: { ...aapl!, key: 'STK:NOPE', symbol: 'NOPE' }, action: 'BUY', ratio: 1 },
        ],
      }),
    ).rejects.toThrow(/unknown instrument STK:NOPE/);
  });
});
