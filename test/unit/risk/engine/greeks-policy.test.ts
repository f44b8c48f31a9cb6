import { describe, expect, it } from 'vitest';
import { evaluateBook } from '../../../../src/main/risk/engine/frame';
import { modelPricer } from '../../../../src/main/risk/engine/model-pricer';
import { resolvePosition } from '../../../../src/main/risk/engine/resolve';
import { book, line, spxShortPut, T0, underlying } from './book-fixture';
import { config } from './config-fixture';

const pricer = modelPricer();
const under = [underlying('SPX', 5900, 1, 0.013)];
const spxPut = spxShortPut;
const broker = { delta: -0.3, gamma: 0.0011, theta: -1.9, vega: 6.1, iv: 0.17, time: T0 - 1_000 };

describe('Greeks source policy', () => {
  it('uses fresh, sane broker Greeks, scaled to the position, with their age', () => {
    const r = resolvePosition(book([], under), spxPut({ brokerGreeks: broker }), pricer);
    expect(r.source).toBe('broker');
    expect(r.ageMs).toBe(1_000);
    expect(r.greeks).toEqual({
      delta: -0.3 * -200,
      gamma: 0.0011 * -200,
      theta: -1.9 * -200,
      vega: 6.1 * -200,
    });
  });

  it('falls back to the local model at the mid’s implied vol when broker Greeks are old', () => {
    const old = { ...broker, time: T0 - 31_000 };
    const r = resolvePosition(book([], under), spxPut({ brokerGreeks: old }), pricer);
    expect(r.source).toBe('local');
    expect(r.iv).toBeCloseTo(0.165, 3);
    expect(r.greeks!.delta).toBeGreaterThan(0); // short put: positive delta
    expect(r.greeks!.theta).toBeGreaterThan(0); // short option earns decay
    expect(r.greeks!.vega).toBeLessThan(0);
  });

  it.each([
    ['sentinel-like delta', { delta: 1.7976931348623157e308 }],
    ['a put with positive delta', { delta: 0.4 }],
    ['negative gamma', { gamma: -0.01 }],
    ['NaN vega', { vega: Number.NaN }],
  ])('never sums broker values with %s: the local model is used instead', (_name, bad) => {
    const r = resolvePosition(
      book([], under),
      spxPut({ brokerGreeks: { ...broker, ...bad } }),
      pricer,
    );
    expect(r.source).toBe('local');
    expect(Number.isFinite(r.greeks!.delta)).toBe(true);
  });

  it('flags a position with no Greeks and keeps it out of every sum', () => {
    const b = book(
      [
        spxPut({ price: null }),
        line({
          underlying: 'SPX',
          secType: 'FUT',
          quantity: 1,
          multiplier: 50,
          expiry: '2026-12-18',
          underlyingPrice: 5900,
          price: 5900,
        }),
      ],
      under,
    );
    const { frame } = evaluateBook(b, config(), null, pricer, { positions: true });
    const p = frame.positions!.find((x) => x.greeksSource === 'none')!;
    expect(p.problem).toMatch(/no mid price/);
    expect(frame.coverage).toMatchObject({ positions: 2, withGreeks: 1, none: 1, percent: 50 });
    expect(frame.totals.delta).toBe(50);
    expect(frame.alarms.some((a) => a.code === 'NO_GREEKS')).toBe(true);
  });

  it('explains an implied-vol failure instead of producing NaN', () => {
    const r = resolvePosition(
      book([], under),
      spxPut({ price: 0.0001, option: { right: 'P', strike: 7000, exercise: 'european' } }),
      pricer,
    );
    expect(r.source).toBe('none');
    expect(r.problem).toMatch(/implied volatility/);
    expect(r.greeks).toBeNull();
  });

  it('greys Greek-based lights when coverage is incomplete, and says why', () => {
    const b = book([spxPut({ price: null })], under);
    const { frame } = evaluateBook(b, config(), null, pricer);
    const beta = frame.lights.find((l) => l.code === 'BETA_DELTA')!;
    expect(beta.light).toBe('stale');
    expect(frame.stale).toBe(true);
    expect(frame.staleReason).toMatch(/VIX is unknown|no valid Greeks/);
  });

  it('greys every light when the broker is down, never green', () => {
    const b = book([spxPut({ brokerGreeks: broker })], under, {
      staleReason: 'broker down: socket closed',
    });
    const { frame } = evaluateBook(b, config(), null, pricer);
    expect(frame.lights.every((l) => l.light === 'stale')).toBe(true);
  });
});

describe('0-DTE theta', () => {
  it('with less than a day left, theta is the decay to expiry: minus the time value, no more', () => {
    // Friday 10:00 New York, the put expires at 16:00: six hours left.
    const friday = Date.parse('2026-12-18T10:00:00-05:00');
    const pos = spxShortPut({
      price: 3.4,
      option: { right: 'P', strike: 5880, exercise: 'european' },
    });
    const b = { ...book([], under), valuationTime: friday };
    const r = resolvePosition(b, pos, pricer);
    expect(r.source).toBe('local');
    const units = pos.multiplier * pos.quantity; // short: negative
    // Out of the money: the whole premium is time value, and a short collects all of it.
    expect(r.greeks!.theta).toBeCloseTo(-3.4 * units, 6);
    const broker = { delta: -0.3, gamma: 0.01, theta: -40, vega: 0.5, iv: 0.2, time: friday };
    const rb = resolvePosition(b, { ...pos, brokerGreeks: broker }, pricer);
    expect(rb.source).toBe('broker');
    expect(Math.abs(rb.greeks!.theta)).toBeCloseTo(3.4 * Math.abs(units), 6);
  });
});
