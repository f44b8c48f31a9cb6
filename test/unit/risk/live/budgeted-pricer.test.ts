import { describe, expect, it } from 'vitest';
import type { OptionPricer, OptionSpec } from '../../../../src/main/risk/engine/pricer';
import { BudgetedPricer } from '../../../../src/main/risk/live/budgeted-pricer';

/** A pricer whose every call "takes" 3 ms on a fake stopwatch, counting calls. */
function slowPricer() {
  const time = { now: 0 };
  const calls = { iv: 0, greeks: 0 };
  const inner: OptionPricer = {
    price: () => 1,
    impliedVol: () => {
      calls.iv++;
      time.now += 3;
      return { ok: true, vol: 0.2 };
    },
    greeks: () => {
      calls.greeks++;
      time.now += 3;
      return { price: 1, delta: -0.3, gamma: 0.01, vega: 10, theta: -5 };
    },
  };
  return { inner, time, calls };
}

const put = (strike: number, spot = 100): OptionSpec => ({
  model: 'american',
  right: 'P',
  spot,
  strike,
  t: 0.1,
  rate: 0.04,
  carry: 0.03,
});

describe('BudgetedPricer', () => {
  it('defers new American solves once the frame budget is spent, and solves them next frame', () => {
    const { inner, time } = slowPricer();
    const p = new BudgetedPricer(inner, 8, () => time.now);
    p.beginFrame();
    const results = [90, 95, 100, 105].map((k) => p.impliedVol(put(k), 2));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ ok: false, code: 'DEFERRED' });
    p.beginFrame();
    expect(p.impliedVol(put(105), 2).ok).toBe(true);
  });

  it('reuses a solve while spot and mid stay within tolerance, and redoes it beyond', () => {
    const { inner, time, calls } = slowPricer();
    const p = new BudgetedPricer(inner, 100, () => time.now);
    p.beginFrame();
    p.impliedVol(put(95, 100), 2);
    p.impliedVol(put(95, 100.05), 2.005);
    expect(calls.iv).toBe(1);
    p.impliedVol(put(95, 100.5), 2);
    expect(calls.iv).toBe(2);
    p.impliedVol(put(95, 100.5), 2.1);
    expect(calls.iv).toBe(3);
  });

  it('never defers or caches European options', () => {
    const { inner, time, calls } = slowPricer();
    const p = new BudgetedPricer(inner, 1, () => time.now);
    p.beginFrame();
    for (let i = 0; i < 5; i++) expect(p.impliedVol({ ...put(95), model: 'bsm' }, 2).ok).toBe(true);
    expect(calls.iv).toBe(5);
  });
});
