/**
 * A review measures the trade against the frame on screen: while the last recompute is fresh
 * the projection reuses its priced book (only the trade's lines are priced again) and gives
 * what pricing the whole book afresh gives; once it is old or failed, the book is priced anew.
 */
import { describe, expect, it } from 'vitest';
import { projectTrade } from '../../../../src/main/risk/engine/projection';
import { setup } from './risk-service-fixture';

async function running() {
  const s = setup();
  await s.broker.start();
  s.service.start();
  s.tick();
  s.clock.advance(1_000);
  return s;
}

describe('projection inputs', () => {
  it('reuse the last recompute while it is fresh, with the same result as pricing afresh', async () => {
    const s = await running();
    const inputs = s.service.projectionInputs();
    expect(inputs.evaluated).not.toBeNull();
    expect(inputs.evaluated!.frame.lights).toEqual(s.service.current()!.lights);
    expect(inputs.evaluated!.resolved).toHaveLength(inputs.book.positions.length);
    const { line } = inputs.line(s.put, -2, inputs.book.positions[0]!.id);
    const args = [inputs.book, [line], inputs.config, inputs.regime, inputs.pricer] as const;
    const reused = projectTrade(...args, inputs.evaluated!);
    const afresh = projectTrade(...args);
    // The live recompute solves implied vols from its last answer: equal to ~1e-6, not bit for bit.
    const near = (a: number | null, b: number | null) =>
      a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    for (const [k, v] of Object.entries(afresh.projected.totals)) {
      const got = reused.projected.totals[k as keyof typeof afresh.projected.totals];
      expect(near(got, v), `${k}: ${got} vs ${v}`).toBe(true);
    }
    const lights = (p: typeof reused) => p.projected.lights.map((l) => [l.code, l.light]);
    expect(lights(reused)).toEqual(lights(afresh));
    reused.projected.lights.forEach((l, i) => {
      const b = afresh.projected.lights[i]!;
      expect(near(l.utilization, b.utilization), l.code).toBe(true);
    });
    expect(reused.violations.map((v) => [v.code, v.kind])).toEqual(
      afresh.violations.map((v) => [v.code, v.kind]),
    );
    s.service.stop();
  });

  it('price the book anew once the last recompute is old', async () => {
    const s = await running();
    s.service.stop(); // no more recomputes
    s.clock.advance(1_600);
    const inputs = s.service.projectionInputs();
    expect(inputs.evaluated).toBeNull();
    expect(inputs.book.valuationTime).toBe(s.clock.now());
  });

  it('price the book anew once a position changed since the last recompute (a fill)', async () => {
    const s = await running();
    expect(s.service.projectionInputs().evaluated).not.toBeNull();
    s.broker.setPositions([{ account: 'DU1', instrument: s.put, quantity: -4, avgPrice: 6 }]);
    const inputs = s.service.projectionInputs();
    expect(inputs.evaluated).toBeNull();
    expect(inputs.book.positions[0]!.quantity).toBe(-4);
    s.service.stop();
  });

  it('never reuse a failed frame', async () => {
    const s = await running();
    s.service.fail('unexpected error: boom');
    expect(s.service.projectionInputs().evaluated).toBeNull();
    s.service.stop();
  });
});
