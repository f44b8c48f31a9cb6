import { describe, expect, it } from 'vitest';
import { GATE_CHECKS, runGate } from '../../../src/main/orders/gate/pipeline';
import type { GateContext } from '../../../src/main/orders/gate/types';
import { condor, context, NOW, type Scenario } from './gate-context';
import { betaDeltaBreach, unchangedProjection } from './gate-projections';

const ALL = [
  'settings',
  'instruments',
  'order',
  'trading state',
  'live trading',
  'market orders',
  'quotes',
  'contracts',
  'notional',
  'price collar',
  'duplicate',
  'order rate',
  'projected risk',
  'margin cushion',
];

/** A condor review with a real projection under which nothing turns red. */
const review = (s: Scenario = condor(), over: Partial<GateContext> = {}) =>
  context(s, { projection: unchangedProjection(), ...over });

const halted: GateContext['trading'] = {
  state: 'halted',
  reason: 'kill switch',
  source: 'kill-switch',
  since: 1,
};

describe('gate pipeline', () => {
  it('runs every check in a fixed order, fast ones before the slow ones', () => {
    expect(GATE_CHECKS.map((c) => c.name)).toEqual(ALL);
    expect(GATE_CHECKS.filter((c) => !c.fast).map((c) => c.name)).toEqual([
      'projected risk',
      'margin cushion',
    ]);
  });

  it('allows a good condor: every check passes, nothing denied or warned', () => {
    const r = runGate(review());
    expect(r.decision).toBe('allowed');
    expect(r.denials).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.checks.map((c) => c.check)).toEqual(ALL);
    expect(r.checks.map((c) => c.outcome)).toEqual(ALL.map(() => 'pass'));
    expect(r.checks.every((c) => c.code === null)).toBe(true);
  });

  it('records details, and an empty object for a check that gave none', () => {
    const r = runGate(review());
    expect(r.checks.find((c) => c.check === 'notional')!.details).toEqual({ notional: 4_720_000 });
    expect(r.checks.find((c) => c.check === 'settings')!.details).toEqual({});
  });

  it('is warned when a check warns and none denies', () => {
    const r = runGate(review(condor({ limitPrice: 18.5 })));
    expect(r.decision).toBe('warned');
    expect(r.denials).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['MARKETABLE']);
    expect(r.warnings[0]!.details).toEqual({ natural: 18.8 });
  });

  it('runs every check after a denial and reports every reason, in check order', () => {
    const ctx = review(condor({ limitPrice: 15 }), {
      trading: halted,
      recentSends: [{ fingerprint: context().fingerprint, time: NOW - 5_000 }],
      projection: betaDeltaBreach(),
    });
    const r = runGate(ctx);
    expect(r.decision).toBe('denied');
    expect(r.denials.map((d) => d.code)).toEqual([
      'TRADING_HALTED',
      'PRICE_COLLAR',
      'DUPLICATE_ORDER',
      'RISK_LIMIT',
    ]);
    expect(r.checks).toHaveLength(ALL.length);
    expect(r.checks.find((c) => c.check === 'margin cushion')!.outcome).toBe('pass');
  });

  it('is denied, not warned, when one check denies and another warns', () => {
    const r = runGate(review(condor({ limitPrice: 18.5 }), { trading: halted }));
    expect(r.decision).toBe('denied');
    expect(r.denials.map((d) => d.code)).toEqual(['TRADING_HALTED']);
    expect(r.warnings.map((w) => w.code)).toEqual(['MARKETABLE']);
  });

  it('fails closed: a check that throws denies, and the others still run', () => {
    const broken = review(condor(), {
      recentSends: null as unknown as GateContext['recentSends'],
    });
    const r = runGate(broken);
    expect(r.decision).toBe('denied');
    expect(r.denials.map((d) => d.code)).toEqual(['INVALID_ORDER', 'INVALID_ORDER']);
    expect(r.denials[0]!.message).toMatch(/^The duplicate check failed: /);
    expect(r.denials[1]!.message).toMatch(/^The order rate check failed: /);
    expect(r.checks).toHaveLength(ALL.length);
    expect(r.checks.find((c) => c.check === 'margin cushion')!.outcome).toBe('pass');
  });

  it("'fast' runs only the fast checks: the projection and what-if are not looked at", () => {
    const ctx = review(condor(), {
      projection: null,
      projectionError: 'engine down',
      whatIf: { kind: 'failed', reason: 'timeout' },
    });
    expect(runGate(ctx, 'all').denials.map((d) => d.code)).toEqual([
      'RISK_LIMIT',
      'WHAT_IF_FAILED',
    ]);
    const fast = runGate(ctx, 'fast');
    expect(fast.decision).toBe('allowed');
    expect(fast.checks.map((c) => c.check)).toEqual(ALL.slice(0, 12));
  });

  it("'fast' still denies what the fast checks catch", () => {
    const fast = runGate(review(condor({ quantity: 60 })), 'fast');
    expect(fast.decision).toBe('denied');
    expect(fast.denials.map((d) => d.code)).toEqual(['MAX_CONTRACTS', 'MAX_NOTIONAL']);
  });

  it('with an unknown leg, denies UNKNOWN_INSTRUMENT and skips the checks that need legs', () => {
    const ctx = review(condor(), {
      order: null,
      legs: [],
      unresolved: [{ key: 'OPT:SPX:2026-12-18:P:5705', reason: 'no such strike' }],
    });
    const r = runGate(ctx);
    expect(r.decision).toBe('denied');
    expect(r.denials.map((d) => d.code)).toEqual(['UNKNOWN_INSTRUMENT']);
    const outcome = Object.fromEntries(r.checks.map((c) => [c.check, c.outcome]));
    expect(outcome).toEqual({
      settings: 'pass',
      instruments: 'deny',
      order: 'skip',
      'trading state': 'pass',
      'live trading': 'pass',
      'market orders': 'pass',
      quotes: 'skip',
      contracts: 'skip',
      notional: 'skip',
      'price collar': 'skip',
      duplicate: 'skip',
      'order rate': 'skip',
      'projected risk': 'skip',
      'margin cushion': 'skip',
    });
    expect(r.checks.find((c) => c.check === 'quotes')!.message).toBe('a leg is unknown');
  });

  it('with invalid settings denies SETTINGS_INVALID and skips the limits it cannot read', () => {
    const r = runGate(review(condor(), { settings: { ok: false, problems: ['bad json'] } }));
    expect(r.denials.map((d) => d.code)).toEqual(['SETTINGS_INVALID']);
    const skipped = r.checks.filter((c) => c.outcome === 'skip').map((c) => c.check);
    expect(skipped).toEqual(['contracts', 'notional', 'price collar', 'duplicate', 'order rate']);
  });
});
