import { describe, expect, it } from 'vitest';
import {
  cushionAfter,
  marginCushion,
  projectedRisk,
} from '../../../src/main/orders/gate/checks-risk';
import type { CheckResult, GateContext } from '../../../src/main/orders/gate/types';
import { condor, context, esOrder, impact, shortPut } from './gate-context';
import {
  betaDeltaBreach,
  staleProjection,
  unchangedProjection,
  withCurrentLight,
  withProjectedLight,
} from './gate-projections';

const codeOf = (r: CheckResult) => (r.outcome === 'warn' || r.outcome === 'deny' ? r.code : null);
const detail = (r: CheckResult, key: string) =>
  r.outcome !== 'skip' && r.details ? r.details[key] : undefined;

/** BUY 3 ES: opens new exposure. */
const buyEs = (over: Partial<GateContext> = {}) => context(esOrder(), over);
/** SELL 3 ES out of 5 held long: only reduces. */
const sellHeldEs = (over: Partial<GateContext> = {}) =>
  context(esOrder({ action: 'SELL', limitPrice: 5914.75 }, 5), over);

describe('projected risk check', () => {
  it('passes a trade under which no light turns red or worse', () => {
    const r = projectedRisk(buyEs({ projection: unchangedProjection() }));
    expect(r.outcome).toBe('pass');
  });

  it('denies an order that would push beta delta past the limit with RISK_LIMIT', () => {
    const projection = betaDeltaBreach();
    expect(projection.violations.map((v) => v.code)).toContain('BETA_DELTA');
    const r = projectedRisk(buyEs({ projection }));
    expect(codeOf(r)).toBe('RISK_LIMIT');
    expect(r.outcome).toBe('deny');
    expect(String(detail(r, 'lights')).split(',')).toContain('BETA_DELTA');
    expect(r.message).toMatch(/Beta-weighted delta|β-delta/i);
    expect(r.message).toContain('turns red');
  });

  it('denies a red light that the trade makes worse, saying so', () => {
    const p = betaDeltaBreach();
    const violations = p.violations.map((v) => ({ ...v, kind: 'worse' as const }));
    const r = projectedRisk(buyEs({ projection: { ...p, violations } }));
    expect(codeOf(r)).toBe('RISK_LIMIT');
    expect(r.message).toContain('red, worse');
  });

  it('never denies an order that only reduces, whatever the lights say', () => {
    const ctx = sellHeldEs({ projection: betaDeltaBreach() });
    expect(ctx.reduce.reduces).toBe(true);
    const r = projectedRisk(ctx);
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/only reduces/);
    expect(projectedRisk(sellHeldEs({ projection: staleProjection() })).outcome).toBe('pass');
  });

  it('denies with STALE_DATA when a light the trade feeds cannot be checked', () => {
    const r = projectedRisk(buyEs({ projection: staleProjection() }));
    expect(r.outcome).toBe('deny');
    expect(codeOf(r)).toBe('STALE_DATA');
    expect(String(detail(r, 'lights')).split(',')).toContain('BETA_DELTA');
  });

  it('fails closed with RISK_LIMIT when the risk could not be projected', () => {
    const r = projectedRisk(buyEs({ projectionError: 'no beta for ES' }));
    expect(r).toMatchObject({ outcome: 'deny', code: 'RISK_LIMIT' });
    expect(r.message).toContain('no beta for ES');
  });

  it('only warns that risk could not be projected for an order that reduces', () => {
    const r = projectedRisk(sellHeldEs({ projectionError: 'no beta for ES' }));
    expect(r).toMatchObject({ outcome: 'warn', code: 'RISK_LIMIT' });
  });

  it('skips on the fast re-check at submit (no projection)', () => {
    expect(projectedRisk(buyEs({ projection: null })).outcome).toBe('skip');
  });

  it('warns RISK_LIMIT when a green light turns yellow', () => {
    const projection = withProjectedLight(unchangedProjection(), 'GAMMA', {
      light: 'yellow',
      utilization: 85,
    });
    const r = projectedRisk(buyEs({ projection }));
    expect(r).toMatchObject({ outcome: 'warn', code: 'RISK_LIMIT', details: { lights: 'GAMMA' } });
  });

  it('warns when a yellow light gets closer to its limit, not when it stays the same', () => {
    const base = unchangedProjection();
    const tierBefore = base.current.lights.find((l) => l.code === 'TIER_CAP')!;
    expect(tierBefore.light).toBe('yellow');
    expect(projectedRisk(buyEs({ projection: base })).outcome).toBe('pass');
    const worse = withProjectedLight(base, 'TIER_CAP', {
      utilization: (tierBefore.utilization ?? 0) + 5,
    });
    expect(projectedRisk(buyEs({ projection: worse }))).toMatchObject({
      outcome: 'warn',
      details: { lights: 'TIER_CAP' },
    });
    const better = withCurrentLight(worse, 'TIER_CAP', {
      utilization: (tierBefore.utilization ?? 0) + 10,
    });
    expect(projectedRisk(buyEs({ projection: better })).outcome).toBe('pass');
  });

  it('does not warn about a yellow light for an order that only reduces', () => {
    const projection = withProjectedLight(unchangedProjection(), 'GAMMA', {
      light: 'yellow',
      utilization: 85,
    });
    expect(projectedRisk(sellHeldEs({ projection })).outcome).toBe('pass');
  });
});

describe('cushion after the trade', () => {
  it('is (equity with loan − maintenance margin) over net liquidation', () => {
    // (190,000 − 90,000) / 250,000
    expect(cushionAfter(context())).toBeCloseTo(0.4, 12);
  });

  it('is unknown without a what-if or a positive net liquidation', () => {
    expect(cushionAfter(context(condor(), { whatIf: { kind: 'not-run' } }))).toBeNull();
    const noNlv = { netLiquidation: null, excessLiquidity: null };
    expect(cushionAfter(context(condor(), { account: noNlv }))).toBeNull();
    const blown = { netLiquidation: -5_000, excessLiquidity: -20_000 };
    expect(cushionAfter(context(condor(), { account: blown }))).toBeNull();
  });
});

describe('margin cushion check', () => {
  const thin = (over: Partial<GateContext> = {}) =>
    context(condor(), {
      // (190,000 − 140,000) / 250,000 = 20 %, under the 25 % minimum
      whatIf: { kind: 'impact', impact: impact({ maintMarginAfter: 140_000 }), source: 'broker' },
      ...over,
    });

  it('passes a trade that leaves the cushion above the minimum', () => {
    const r = marginCushion(context());
    expect(r).toMatchObject({
      outcome: 'pass',
      details: { cushionAfter: 0.4, min: 0.25, source: 'broker', maintMarginChange: 10_000 },
    });
  });

  it('denies a trade that takes the cushion below the minimum with MARGIN_CUSHION', () => {
    const r = marginCushion(thin());
    expect(r).toMatchObject({
      outcome: 'deny',
      code: 'MARGIN_CUSHION',
      details: { cushionAfter: 0.2, min: 0.25 },
    });
    expect(r.message).toContain('20.0 %');
  });

  it('follows the minimum of the regime', () => {
    expect(marginCushion(thin({ cushionMin: 0.15 })).outcome).toBe('pass');
    expect(codeOf(marginCushion(context(condor(), { cushionMin: 0.45 })))).toBe('MARGIN_CUSHION');
  });

  it('allows a trade that releases margin, even below the minimum', () => {
    const releases = impact({
      maintMarginAfter: 140_000,
      maintMarginChange: -5_000,
      initMarginChange: -6_000,
    });
    const r = marginCushion(
      thin({ whatIf: { kind: 'impact', impact: releases, source: 'local' } }),
    );
    expect(r.outcome).toBe('pass');
  });

  it('never denies an order that only reduces', () => {
    const s = shortPut({ action: 'BUY' }, -3);
    const r = marginCushion(
      context(s, {
        whatIf: { kind: 'impact', impact: impact({ maintMarginAfter: 140_000 }), source: 'broker' },
      }),
    );
    expect(r.outcome).toBe('pass');
  });

  it('denies a trade that adds margin when net liquidation is unknown', () => {
    const r = marginCushion(
      context(condor(), { account: { netLiquidation: null, excessLiquidity: null } }),
    );
    expect(r).toMatchObject({
      outcome: 'deny',
      code: 'MARGIN_CUSHION',
      details: { cushionAfter: 'unknown' },
    });
  });

  it('denies with WHAT_IF_FAILED when the broker gave no what-if', () => {
    const r = marginCushion(
      context(condor(), { whatIf: { kind: 'failed', reason: 'the broker is not connected' } }),
    );
    expect(r).toMatchObject({ outcome: 'deny', code: 'WHAT_IF_FAILED' });
    expect(r.message).toContain('the broker is not connected');
  });

  it('only warns WHAT_IF_FAILED for an order that reduces', () => {
    const r = marginCushion(
      context(shortPut({ action: 'BUY' }, -3), { whatIf: { kind: 'failed', reason: 'timeout' } }),
    );
    expect(r).toMatchObject({ outcome: 'warn', code: 'WHAT_IF_FAILED' });
  });

  it("passes the broker's warning on as WHAT_IF_WARNING", () => {
    const w = impact({ warning: 'Order would exceed the position limit' });
    const r = marginCushion(
      context(condor(), { whatIf: { kind: 'impact', impact: w, source: 'broker' } }),
    );
    expect(r).toMatchObject({ outcome: 'warn', code: 'WHAT_IF_WARNING' });
    expect(r.message).toContain('Order would exceed the position limit');
  });

  it('a cushion denial outranks the broker warning', () => {
    const w = impact({ maintMarginAfter: 140_000, warning: 'margin warning' });
    const r = marginCushion(
      context(condor(), { whatIf: { kind: 'impact', impact: w, source: 'broker' } }),
    );
    expect(codeOf(r)).toBe('MARGIN_CUSHION');
  });

  it('skips on the fast re-check at submit (no what-if)', () => {
    expect(marginCushion(context(condor(), { whatIf: { kind: 'not-run' } })).outcome).toBe('skip');
  });
});
