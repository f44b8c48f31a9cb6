import { describe, expect, it } from 'vitest';
import { InstrumentSchema } from '@shared/domain/instrument';
import { isThirdFriday } from '@shared/domain/settlement';
import { daysToExpiry } from '@shared/domain/time';
import { makeSim, started } from './sim-helpers';

describe('demo book', () => {
  it('holds about 30 valid instruments, each quoted after one step', async () => {
    const { sim, clock } = await started();
    const positions = sim.positions();
    expect(positions.length).toBeGreaterThanOrEqual(28);
    expect(positions.length).toBeLessThanOrEqual(34);
    for (const p of positions) {
      expect(InstrumentSchema.parse(p.instrument)).toEqual(p.instrument);
      expect(p.account).toBe('SIM-DEMO');
      sim.subscribeMarketData(p.instrument);
    }
    clock.advance(250);
    for (const p of positions) {
      const q = sim.lastQuote(p.instrument.key);
      expect(q?.mark, p.instrument.key).toBeGreaterThan(0);
      expect(q!.time).toBe(clock.now());
    }
  });

  it('contains the kinds an options seller holds', async () => {
    const { sim } = await started();
    const ps = sim.positions();
    const now = sim.status().simTime;
    const shortOpt = (sym: string, right?: 'C' | 'P') =>
      ps.filter(
        (p) =>
          p.instrument.symbol === sym &&
          p.instrument.secType === 'OPT' &&
          p.quantity < 0 &&
          (!right || p.instrument.right === right),
      );
    for (const sym of ['SPX', 'SPY', 'QQQ']) {
      expect(shortOpt(sym, 'P').length, sym).toBeGreaterThanOrEqual(2);
      expect(shortOpt(sym, 'C').length, sym).toBeGreaterThanOrEqual(1);
    }
    // A put spread in the nearest SPX expiry for expiry alarms: 0–2 DTE, or Monday (3 DTE) on a
    // third Friday afternoon, when the day's only SPX line, the AM monthly, has settled.
    const [chain] = await sim.optionChain('SPX');
    const first = chain!.expirations[0]!;
    expect(daysToExpiry(first, now)).toBeLessThanOrEqual(3);
    const nearSpx = ps.filter(
      (p) => p.instrument.symbol === 'SPX' && p.instrument.expiry === first,
    );
    expect(nearSpx.map((p) => Math.sign(p.quantity)).sort()).toEqual([-1, 1]);
    // Short puts on single stocks close to expiry.
    for (const sym of ['AAPL', 'TSLA', 'NVDA']) {
      const put = shortOpt(sym, 'P')[0]!;
      expect(daysToExpiry(put.instrument.expiry!, now)).toBeLessThanOrEqual(7);
    }
    // Covered call: 100 shares per short call.
    const aaplShares = ps.find((p) => p.instrument.key === 'STK:AAPL')!.quantity;
    expect(aaplShares).toBeGreaterThanOrEqual(100 * -shortOpt('AAPL', 'C')[0]!.quantity);
    expect(ps.find((p) => p.instrument.key === 'STK:NVDA')?.quantity).toBe(200);
    expect(ps.some((p) => p.instrument.secType === 'FUT' && p.instrument.symbol === 'ES')).toBe(
      true,
    );
    expect(ps.some((p) => p.instrument.secType === 'FUT' && p.instrument.symbol === 'MES')).toBe(
      true,
    );
    const fop = ps.find((p) => p.instrument.secType === 'FOP')!;
    expect(fop.quantity).toBeLessThan(0);
    expect(fop.instrument.underlyingKey).toMatch(/^FUT:ES:/);
    expect(ps.find((p) => p.instrument.symbol === 'SPX')!.instrument.exercise).toBe('european');
    expect(
      ps.find((p) => p.instrument.symbol === 'SPY' && p.instrument.secType === 'OPT')!.instrument
        .exercise,
    ).toBe('american');
  });

  it('starts near zero P&L with net liquidation of $250–300k and a healthy cushion', async () => {
    const { sim } = await started();
    const a = sim.accountSummary()!;
    expect(a.netLiquidation).toBeGreaterThan(250_000);
    expect(a.netLiquidation).toBeLessThan(300_000);
    expect(a.cushion).toBeGreaterThan(0.3);
    for (const p of sim.positions()) {
      const mark = sim.lastQuote(p.instrument.key)?.mark ?? null;
      if (mark === null) continue;
      expect(Math.abs(p.avgPrice / mark - 1), p.instrument.key).toBeLessThan(0.2);
    }
    expect(sim.positions().some((p) => p.avgPrice !== sim.lastQuote(p.instrument.key)?.mark)).toBe(
      true,
    );
  });

  it('builds the same book for the same seed', () => {
    const a = makeSim({ seed: 7 }).sim.positions();
    const b = makeSim({ seed: 7 }).sim.positions();
    expect(b).toEqual(a);
  });

  it('builds a large deterministic book of n valid positions across all underlyings', () => {
    const { sim } = makeSim({ book: { large: 2000 } });
    const ps = sim.positions();
    expect(ps).toHaveLength(2000);
    expect(new Set(ps.map((p) => p.instrument.key)).size).toBe(2000);
    for (const p of ps) InstrumentSchema.parse(p.instrument);
    const roots = new Set(ps.map((p) => p.instrument.symbol));
    for (const r of ['SPX', 'SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA', 'NVDA', 'ES', 'MES'])
      expect(roots).toContain(r);
    expect(makeSim({ book: { large: 2000 } }).sim.positions()).toEqual(ps);
    expect(sim.accountSummary()!.cushion).toBeGreaterThan(0.3);
  });

  it('holds an AM-settled SPX monthly (class SPX) and the AM ES quarterly; other options PM', async () => {
    // From 1 December the ~45-DTE SPX strangle lands on the January monthly.
    const { sim } = await started({ startTime: Date.parse('2026-12-01T10:00:00-05:00') });
    const options = sim.positions().filter((p) => p.instrument.right !== undefined);
    const classOf = (p: (typeof options)[number]) =>
      `${p.instrument.symbol} ${p.instrument.tradingClass} ${p.instrument.settlement}`;
    const spxMonthly = options.filter(
      (p) => p.instrument.symbol === 'SPX' && isThirdFriday(p.instrument.expiry!),
    );
    expect(spxMonthly.length).toBeGreaterThan(0);
    for (const p of spxMonthly) expect(classOf(p)).toBe('SPX SPX AM');
    const esQuarterly = options.filter(
      (p) => p.instrument.expiry === '2026-12-18' && p.instrument.secType === 'FOP',
    );
    for (const p of esQuarterly) expect(classOf(p)).toBe('ES ES AM');
    for (const p of options) {
      if (!spxMonthly.includes(p) && !esQuarterly.includes(p)) {
        expect(p.instrument.settlement, p.instrument.key).toBe('PM');
      }
    }
  });
});
