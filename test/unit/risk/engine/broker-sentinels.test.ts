/** Item 1 of the fail-closed issue: one check for broker Greeks, whichever path they come by. */
import { describe, expect, it } from 'vitest';
import { brokerGreeksProblem } from '../../../../src/main/risk/engine/broker-greeks';
import { evaluateBook } from '../../../../src/main/risk/engine/frame';
import { modelPricer } from '../../../../src/main/risk/engine/model-pricer';
import { resolvePosition } from '../../../../src/main/risk/engine/resolve';
import { validGreeks } from '../../../../src/main/market/option-model';
import { book, spxShortPut, T0, underlying } from './book-fixture';
import { config } from './config-fixture';

const pricer = modelPricer();
const under = [underlying('SPX', 5900, 1, 0.013)];
const broker = { delta: -0.3, gamma: 0.0011, theta: -1.9, vega: 6.1, iv: 0.17, time: T0 - 1_000 };
const DOUBLE_MAX = 1.7976931348623157e308;
const INT_MAX = 2147483647;

describe('broker Greeks on every path', () => {
  it.each([
    ['vega', DOUBLE_MAX, /unset/],
    ['vega', INT_MAX, /unset/],
    ['gamma', DOUBLE_MAX, /unset/],
    ['theta', -DOUBLE_MAX, /unset/],
    ['vega', 50_000, /absurd/],
    ['theta', -90_000, /absurd/],
    ['gamma', 30, /absurd/],
    ['iv', -1, /not a volatility/],
    ['iv', INT_MAX, /unset/],
  ])('a broker %s of %d falls back to the local model, with the reason', (name, value, why) => {
    const pos = spxShortPut({ brokerGreeks: { ...broker, [name]: value } });
    const r = resolvePosition(book([], under), pos, pricer);
    expect(r.source).toBe('local');
    expect(r.problem).toMatch(why);
    expect(r.problem).toMatch(/local model used/);
    expect(Object.values(r.greeks!).every(Number.isFinite)).toBe(true);
  });

  it('a sentinel broker vega gives the same totals as no broker Greeks at all', () => {
    const bad = book([spxShortPut({ brokerGreeks: { ...broker, vega: DOUBLE_MAX } })], under);
    const none = book([spxShortPut({ brokerGreeks: null })], under);
    const a = evaluateBook(bad, config(), null, pricer).frame;
    const b = evaluateBook(none, config(), null, pricer).frame;
    expect(a.totals).toEqual(b.totals);
    expect(Number.isFinite(a.totals.vega)).toBe(true);
    expect(a.alarms.some((x) => x.code === 'BROKER_GREEKS_REFUSED')).toBe(true);
  });

  it('the live cache applies the same check as book files', () => {
    const tick = {
      key: 'OPT:SPX:2026-12-18:P:5800',
      iv: 0.17,
      delta: -0.3,
      gamma: 0.0011,
      vega: DOUBLE_MAX,
      theta: -1.9,
      modelPrice: 60,
      underlyingPrice: 5900,
      time: T0,
    };
    expect(validGreeks(tick, 'P', 5800)).toBeNull();
    expect(validGreeks({ ...tick, vega: 6.1 }, 'P', 5800)).not.toBeNull();
    expect(brokerGreeksProblem({ ...tick, vega: 6.1 }, 'P', 5900, 5800)).toBeNull();
  });

  it('accepts realistic extremes: a 0-DTE at-the-money gamma and a LEAPS vega', () => {
    expect(brokerGreeksProblem({ delta: 0.5, gamma: 0.4, vega: 0.2, theta: -30 }, 'C', 5900)).toBe(
      null,
    );
    expect(brokerGreeksProblem({ delta: 0.6, gamma: 0.002, vega: 9, theta: -0.2 }, 'C', 230)).toBe(
      null,
    );
  });
});

describe('closed code lists', () => {
  it('a light or alarm code outside the shared lists is refused by the contract', async () => {
    const { LimitCheckSchema, AlarmSchema } = await import('@shared/domain/risk');
    const alarm = { code: 'MARGIN_CALL', severity: 'critical', subject: 'account', message: 'x' };
    expect(AlarmSchema.safeParse(alarm).success).toBe(true);
    expect(AlarmSchema.safeParse({ ...alarm, code: 'MARGN_CALL' }).success).toBe(false);
    const frame = evaluateBook(
      book([spxShortPut({ brokerGreeks: null })], under),
      config(),
      null,
      pricer,
    ).frame;
    for (const l of frame.lights) expect(LimitCheckSchema.safeParse(l).success).toBe(true);
    expect(LimitCheckSchema.safeParse({ ...frame.lights[0], code: 'BETA' }).success).toBe(false);
  });
});
