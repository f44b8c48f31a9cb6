import { describe, expect, it } from 'vitest';
import { SessionPnl, sessionOpenAfter } from '../../../src/main/broker/sim/session-pnl';
import { of, started } from './sim-helpers';

const ny = (wall: string): number => Date.parse(`${wall}-05:00`);

describe('simulator daily P&L', () => {
  it('counts from the first value it sees when started mid-session', () => {
    const pnl = new SessionPnl();
    expect(pnl.observe(ny('2026-11-17T11:00:00'), 300_000)).toBe(0);
    expect(pnl.observe(ny('2026-11-17T15:00:00'), 298_500)).toBe(-1_500);
  });

  it('takes net liq at the 09:30 New York open as the base of the next session', () => {
    const pnl = new SessionPnl();
    pnl.observe(ny('2026-11-17T08:00:00'), 100_000);
    // Before the open the previous session still runs.
    expect(pnl.observe(ny('2026-11-17T09:29:00'), 101_000)).toBe(1_000);
    expect(pnl.due(ny('2026-11-17T09:30:00'))).toBe(true);
    expect(pnl.observe(ny('2026-11-17T09:30:05'), 102_000)).toBe(0);
    expect(pnl.observe(ny('2026-11-17T16:00:00'), 99_000)).toBe(-3_000);
  });

  it('runs Friday’s session through the weekend to Monday’s open', () => {
    expect(sessionOpenAfter(ny('2026-11-20T10:00:00'))).toBe(ny('2026-11-23T09:30:00'));
    const pnl = new SessionPnl();
    pnl.observe(ny('2026-11-20T10:00:00'), 100_000);
    expect(pnl.due(ny('2026-11-22T12:00:00'))).toBe(false);
    expect(pnl.observe(ny('2026-11-22T12:00:00'), 100_500)).toBe(500);
  });

  it('reports dailyPnl on the account: net liq minus net liq at the session open', async () => {
    // Monday 09:00 at 60× speed: the open comes 30 wall seconds in.
    const { sim, clock, log } = await started({ startTime: ny('2026-11-23T09:00:00'), speed: 60 });
    const first = of(log, 'account')[0]!;
    expect(first.dailyPnl).toBe(0);
    clock.advance(20_000);
    const before = sim.accountSummary()!;
    expect(before.dailyPnl).toBeCloseTo(before.netLiquidation - first.netLiquidation, 6);
    const count = of(log, 'account').length;
    clock.advance(15_000);
    const atOpen = of(log, 'account')
      .slice(count)
      .find((a) => a.dailyPnl === 0);
    expect(atOpen).toBeDefined();
    clock.advance(5_000);
    const later = sim.accountSummary()!;
    expect(later.dailyPnl).toBeCloseTo(later.netLiquidation - atOpen!.netLiquidation, 6);
    await sim.stop();
  });
});
