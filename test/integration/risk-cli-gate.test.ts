/**
 * `npm run risk -- book.json --proposed legs.json` runs the order gate on the proposed legs:
 * exit 3 and every denial when it would refuse them, exit 0 when it would let them through,
 * with the local margin model moving the cushion.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { risk, tmpFile } from './support/risk-cli';

const BOOK = 'resources/examples/book.json';

interface GateOut {
  gate: {
    decision: 'allowed' | 'warned' | 'denied';
    denials: Array<{ code: string; message: string; details: Record<string, unknown> }>;
    warnings: Array<{ code: string }>;
    checks: Array<{ check: string; outcome: string }>;
    order: { action: string; quantity: number; limitPrice: number; legs: unknown[] };
    margin: { maintMarginChange: number };
  };
}

const spx = (right: 'C' | 'P', strike: number, quantity: number, price: number) => ({
  symbol: 'SPX',
  secType: 'OPT',
  right,
  strike,
  expiry: '2026-12-18',
  exercise: 'european',
  quantity,
  price,
});

/** A put bought below the book's short 5800 put: it hedges and releases margin. */
const hedge = [spx('P', 5700, 1, 38.5)];

function gateOf(r: ReturnType<typeof risk>): GateOut['gate'] {
  return (JSON.parse(r.out) as GateOut).gate;
}

function bookWith(change: (b: Record<string, unknown>) => void): string {
  const b = JSON.parse(readFileSync(BOOK, 'utf8')) as Record<string, unknown>;
  change(b);
  return tmpFile('book.json', b);
}

describe('npm run risk --proposed: the order gate', () => {
  it('lets a hedge through: exit 0, no denial, margin released', () => {
    const r = risk(BOOK, '--proposed', tmpFile('legs.json', hedge), '--json');
    expect(r.code, r.err).toBe(0);
    const gate = gateOf(r);
    expect(gate.decision).not.toBe('denied');
    expect(gate.denials).toEqual([]);
    expect(gate.margin.maintMarginChange).toBeLessThan(0);
    expect(gate.checks.map((c) => c.check)).toContain('margin cushion');
  });

  it('exits 3 and lists the denials of a trade that breaches a limit', () => {
    const legs = tmpFile('legs.json', [
      { symbol: 'ES', secType: 'FUT', expiry: '2026-12-18', quantity: 3, price: 5915 },
    ]);
    const r = risk(BOOK, '--proposed', legs);
    expect(r.code, r.err).toBe(3);
    expect(r.out).toContain('Order gate: DENIED');
    expect(r.out).toMatch(/DENIED {2}RISK_LIMIT .*Beta-weighted delta/);
  });

  it('reviews four legs as one combo at their mid', () => {
    const condor = [
      spx('P', 5600, 1, 20.1),
      spx('P', 5650, -1, 25.4),
      spx('C', 6150, -1, 11.2),
      spx('C', 6200, 1, 7.3),
    ];
    const r = risk(BOOK, '--proposed', tmpFile('legs.json', condor), '--json');
    const gate = gateOf(r);
    expect(gate.order.action).toBe('BUY');
    expect(gate.order.quantity).toBe(1);
    expect(gate.order.legs).toHaveLength(4);
    // Bought wings minus sold shorts: a credit of 9.20, negative in IB's combo convention.
    expect(gate.order.limitPrice).toBeCloseTo(20.1 - 25.4 - 11.2 + 7.3, 6);
    expect(r.code).toBe(gate.decision === 'denied' ? 3 : 0);
  });

  it('the local margin model moves the cushion: naked puts on a thin account are denied', () => {
    // 22 % cushion before the trade: above the 20 % minimum until the puts are sold.
    const thin = bookWith((b) => {
      (b.account as Record<string, number>).excessLiquidity = 55_000;
    });
    const put = { symbol: 'SPY', secType: 'OPT', right: 'P', strike: 550, expiry: '2026-12-31' };
    const legs = tmpFile('legs.json', [{ ...put, quantity: -2, price: 2.1 }]);
    const r = risk(thin, '--proposed', legs, '--json');
    expect(r.code, r.err).toBe(3);
    const cushion = gateOf(r).denials.find((d) => d.code === 'MARGIN_CUSHION');
    expect(cushion?.details.source).toBe('local');
    expect(Number(cushion?.details.cushionAfter)).toBeLessThan(0.2);
    // The same trade on the example account's excess liquidity keeps the cushion.
    const roomy = risk(BOOK, '--proposed', legs, '--json');
    expect(gateOf(roomy).denials.map((d) => d.code)).not.toContain('MARGIN_CUSHION');
  });

  it('uses the caps from a settings file: one contract over the cap is MAX_CONTRACTS', () => {
    const settings = tmpFile('settings.json', {
      ...DEFAULT_SETTINGS,
      orders: { ...DEFAULT_SETTINGS.orders, maxContractsPerOrder: 2 },
    });
    const legs = tmpFile('legs.json', [spx('P', 5500, -3, 12.0)]);
    const r = risk(BOOK, '--proposed', legs, '--settings', settings, '--json');
    expect(r.code, r.err).toBe(3);
    expect(gateOf(r).denials.map((d) => d.code)).toContain('MAX_CONTRACTS');
    const ok = risk(BOOK, '--proposed', legs, '--json');
    expect(gateOf(ok).denials.map((d) => d.code)).not.toContain('MAX_CONTRACTS');
  });

  it('exits 2 on an invalid settings file, naming the problem', () => {
    const settings = tmpFile('settings.json', { ...DEFAULT_SETTINGS, version: 2 });
    const r = risk(BOOK, '--proposed', tmpFile('legs.json', hedge), '--settings', settings);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/settings\.json: version: /);
  });

  it('a leg without a price has no quote: denied STALE_DATA, fail closed', () => {
    const legs = tmpFile('legs.json', [{ ...spx('P', 5500, -1, 0), price: undefined, iv: 0.2 }]);
    const r = risk(BOOK, '--proposed', legs, '--json');
    expect(r.code, r.err).toBe(3);
    expect(gateOf(r).denials.map((d) => d.code)).toContain('STALE_DATA');
  });
});
