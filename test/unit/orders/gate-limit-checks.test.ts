import { describe, expect, it } from 'vitest';
import {
  contractCaps,
  duplicateOrder,
  notionalCap,
  orderRate,
  priceCollar,
} from '../../../src/main/orders/gate/checks-order';
import { orderFingerprint } from '../../../src/main/orders/gate/order-facts';
import type { CheckResult } from '../../../src/main/orders/gate/types';
import { condor, context, NOW, orderOf, settingsWith, shortPut, spyShares } from './gate-context';

const codeOf = (r: CheckResult) => (r.outcome === 'warn' || r.outcome === 'deny' ? r.code : null);
const invalid = { ok: false as const, problems: ['broken'] };

describe('contract caps', () => {
  it('passes an order at the per-order cap', () => {
    const r = contractCaps(context(shortPut({ quantity: 50 })));
    expect(r.outcome).toBe('pass');
  });

  it('denies one contract over the per-order cap with MAX_CONTRACTS', () => {
    expect(contractCaps(context(shortPut({ quantity: 51 })))).toMatchObject({
      outcome: 'deny',
      code: 'MAX_CONTRACTS',
      details: { contracts: 51, cap: 50 },
    });
  });

  it('measures the largest leg of a combo (quantity × ratio)', () => {
    const s = condor({ quantity: 26 });
    s.legs[1]!.ratio = 2;
    s.ticket.legs[1]!.ratio = 2;
    expect(contractCaps(context(s))).toMatchObject({
      code: 'MAX_CONTRACTS',
      details: { contracts: 52 },
    });
    expect(contractCaps(context(condor({ quantity: 26 }))).outcome).toBe('pass');
  });

  it('counts shares per 100', () => {
    expect(contractCaps(context(spyShares(5_000))).outcome).toBe('pass');
    expect(contractCaps(context(spyShares(5_100)))).toMatchObject({
      code: 'MAX_CONTRACTS',
      details: { contracts: 51 },
    });
  });

  it('follows the cap in Settings', () => {
    const ctx = context(condor(), {
      settings: settingsWith({ orders: { maxContractsPerOrder: 1 } }),
    });
    expect(contractCaps(ctx)).toMatchObject({ code: 'MAX_CONTRACTS', details: { cap: 1 } });
  });

  it('never stops an order that only reduces, however large', () => {
    const close = context(shortPut({ action: 'BUY', quantity: 80 }, -120));
    expect(close.reduce.reduces).toBe(true);
    expect(contractCaps(close).outcome).toBe('pass');
  });

  it('denies an option position growing past the regime cap per position', () => {
    const ctx = context(shortPut({ quantity: 20 }, -90), { regime: 'stressed' });
    const r = contractCaps(ctx);
    expect(r).toMatchObject({
      outcome: 'deny',
      code: 'MAX_CONTRACTS',
      details: { key: 'OPT:SPX:2026-12-18:P:5800', after: 110, cap: 100 },
    });
    expect(r.message).toContain('stressed regime');
    expect(contractCaps(context(shortPut({ quantity: 10 }, -90))).outcome).toBe('pass');
  });

  it('skips without valid settings', () => {
    expect(contractCaps(context(condor(), { settings: invalid })).outcome).toBe('skip');
  });
});

describe('notional cap', () => {
  it('measures Σ |contracts| × multiplier × underlying price', () => {
    const r = notionalCap(context(condor()));
    // 4 legs × 2 contracts × 100 × 5900
    expect(r).toMatchObject({ outcome: 'pass', details: { notional: 4_720_000 } });
  });

  it('denies an order above the cap with MAX_NOTIONAL', () => {
    // 50 × 100 × 5900 = 29.5 M, above the 25 M default; 50 contracts is within the cap.
    const ctx = context(shortPut({ quantity: 50 }));
    expect(contractCaps(ctx).outcome).toBe('pass');
    expect(notionalCap(ctx)).toMatchObject({
      outcome: 'deny',
      code: 'MAX_NOTIONAL',
      details: { notional: 29_500_000, cap: 25_000_000 },
    });
    expect(notionalCap(context(shortPut({ quantity: 42 }))).outcome).toBe('pass');
  });

  it('denies with STALE_DATA when an opening leg has no underlying price', () => {
    const s = condor();
    s.legs[3]!.underlyingPrice = null;
    expect(codeOf(notionalCap(context(s)))).toBe('STALE_DATA');
  });

  it('never stops an order that only reduces, even without an underlying price', () => {
    const big = context(shortPut({ action: 'BUY', quantity: 50 }, -60));
    expect(notionalCap(big).outcome).toBe('pass');
    const blind = shortPut({ action: 'BUY', quantity: 1 }, -60);
    blind.legs[0]!.underlyingPrice = null;
    expect(notionalCap(context(blind)).outcome).toBe('pass');
  });
});

describe('price collar', () => {
  // Condor: SELL, mid 20.20, natural 18.80; allowance max(10 % × 20.20, 10 × 0.05) = 2.02.
  it('passes a limit at the mid and one further from the market', () => {
    expect(priceCollar(context(condor({ limitPrice: 20.2 }))).outcome).toBe('pass');
    expect(priceCollar(context(condor({ limitPrice: 24 }))).outcome).toBe('pass');
  });

  it('denies a SELL limit far below the mid with PRICE_COLLAR', () => {
    const r = priceCollar(context(condor({ limitPrice: 18 })));
    expect(r).toMatchObject({
      outcome: 'deny',
      code: 'PRICE_COLLAR',
      details: { limit: 18, mid: 20.2, through: 2.2 },
    });
    expect(r.outcome === 'deny' && r.details?.allowance).toBeCloseTo(2.02, 9);
  });

  it('warns MARKETABLE for a limit through the natural but inside the collar', () => {
    expect(priceCollar(context(condor({ limitPrice: 18.5 })))).toMatchObject({
      outcome: 'warn',
      code: 'MARKETABLE',
      details: { natural: 18.8 },
    });
  });

  it('denies a BUY limit far above the mid', () => {
    // Closing the short put: BUY, mid 59, allowance max(5.90, 10 × 0.10) = 5.90.
    const over = shortPut({ action: 'BUY', limitPrice: 65 }, -1);
    expect(priceCollar(context(over))).toMatchObject({
      code: 'PRICE_COLLAR',
      details: { limit: 65 },
    });
    const marketable = shortPut({ action: 'BUY', limitPrice: 60 }, -1);
    expect(priceCollar(context(marketable))).toMatchObject({ outcome: 'warn', code: 'MARKETABLE' });
  });

  it('uses the tick allowance when it is larger than the percentage', () => {
    // A 1.00-wide quote on a cheap combo: 10 % of 1.00 is 0.10, ten 0.05 ticks are 0.50.
    const s = condor({ limitPrice: 0.55 });
    const ctx = context(s, { prices: { mid: 1, natural: 0.5, tick: 0.05 } });
    expect(priceCollar(ctx).outcome).toBe('pass');
    expect(priceCollar({ ...ctx, ticket: { ...ctx.ticket, limitPrice: 0.45 } })).toMatchObject({
      code: 'PRICE_COLLAR',
    });
  });

  it('denies a walk whose worst price goes through the collar, though it starts at the mid', () => {
    const s = condor({ limitPrice: 20.2, execution: { kind: 'walk', worstPrice: 17.5 } });
    expect(priceCollar(context(s))).toMatchObject({
      outcome: 'deny',
      code: 'PRICE_COLLAR',
      details: { limit: 17.5 },
    });
    const ok = condor({ limitPrice: 20.2, execution: { kind: 'walk', worstPrice: 18.5 } });
    expect(priceCollar(context(ok)).outcome).toBe('pass');
  });

  it('applies even to a closing order (a fat finger is one whatever it does)', () => {
    const close = context(shortPut({ action: 'BUY', limitPrice: 80 }, -3));
    expect(close.reduce.reduces).toBe(true);
    expect(codeOf(priceCollar(close))).toBe('PRICE_COLLAR');
  });

  it('denies with STALE_DATA when there is no mid to measure against', () => {
    const ctx = context(condor(), { prices: { mid: null, natural: null, tick: 0.05 } });
    expect(codeOf(priceCollar(ctx))).toBe('STALE_DATA');
  });

  it('skips a market order', () => {
    const ctx = context(shortPut({ orderType: 'MKT', limitPrice: undefined }));
    expect(priceCollar(ctx).outcome).toBe('skip');
  });
});

describe('duplicate order check', () => {
  const sentAgo = (ms: number, fingerprint = orderFingerprint(orderOf(condor()))) => [
    { fingerprint, time: NOW - ms },
  ];

  it('passes when nothing identical was sent', () => {
    const other = orderFingerprint(orderOf(condor({ quantity: 3 })));
    expect(duplicateOrder(context(condor(), { recentSends: sentAgo(1_000, other) })).outcome).toBe(
      'pass',
    );
  });

  it('denies the same order within the window with DUPLICATE_ORDER', () => {
    expect(duplicateOrder(context(condor(), { recentSends: sentAgo(12_000) }))).toMatchObject({
      outcome: 'deny',
      code: 'DUPLICATE_ORDER',
      details: { agoSeconds: 12 },
    });
  });

  it('treats a different limit price as the same order', () => {
    const ctx = context(condor({ limitPrice: 20.5 }), { recentSends: sentAgo(1_000) });
    expect(codeOf(duplicateOrder(ctx))).toBe('DUPLICATE_ORDER');
  });

  it('only warns when the trader chose to send it again', () => {
    const ctx = context(condor({ sendAgain: true }), { recentSends: sentAgo(12_000) });
    expect(duplicateOrder(ctx)).toMatchObject({ outcome: 'warn', code: 'DUPLICATE_ORDER' });
  });

  it('passes once the window has gone by', () => {
    expect(duplicateOrder(context(condor(), { recentSends: sentAgo(30_000) })).outcome).toBe(
      'pass',
    );
    expect(codeOf(duplicateOrder(context(condor(), { recentSends: sentAgo(29_999) })))).toBe(
      'DUPLICATE_ORDER',
    );
  });

  it('is off with a zero-second window', () => {
    const ctx = context(condor(), {
      recentSends: sentAgo(0),
      settings: settingsWith({ orders: { duplicateWindowSeconds: 0 } }),
    });
    expect(duplicateOrder(ctx).outcome).toBe('pass');
  });
});

describe('order rate check', () => {
  const sends = (n: number, spacingMs: number) =>
    Array.from({ length: n }, (_, i) => ({
      fingerprint: `f${i}`,
      time: NOW - (n - i) * spacingMs,
    }));

  it('passes below the throttle', () => {
    expect(orderRate(context(condor(), { recentSends: sends(9, 1_000) })).outcome).toBe('pass');
  });

  it('denies with ORDER_RATE once maxOrders were sent within perSeconds', () => {
    expect(orderRate(context(condor(), { recentSends: sends(10, 1_000) }))).toMatchObject({
      outcome: 'deny',
      code: 'ORDER_RATE',
      details: { recent: 10, maxOrders: 10, perSeconds: 60 },
    });
  });

  it('counts only the sends inside the rolling window', () => {
    // Ten sends 6.5 s apart: the oldest went 65 s ago, so nine count.
    expect(orderRate(context(condor(), { recentSends: sends(10, 6_500) })).outcome).toBe('pass');
  });

  it('follows the throttle in Settings', () => {
    const ctx = context(condor(), {
      recentSends: sends(2, 1_000),
      settings: settingsWith({ orders: { rate: { maxOrders: 2 } } }),
    });
    expect(codeOf(orderRate(ctx))).toBe('ORDER_RATE');
  });
});
