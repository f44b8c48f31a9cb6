import { describe, expect, it } from 'vitest';
import type { OptionModel } from '@shared/domain/market';
import { validGreeks } from '../../../src/main/market/option-model';

const tick: OptionModel = {
  key: 'OPT:SPY:2026-12-18:C:600',
  iv: 0.2,
  delta: 0.4,
  gamma: 0.02,
  vega: 0.3,
  theta: -0.1,
  modelPrice: 5,
  underlyingPrice: 590,
  time: 1,
};

describe('validGreeks', () => {
  it('accepts a complete, plausible set', () => {
    expect(validGreeks(tick, 'C')).toMatchObject({ delta: 0.4, gamma: 0.02, iv: 0.2 });
  });

  it.each([
    ['a missing delta', { delta: null }],
    ['a missing theta', { theta: null }],
    ['a call delta above 1', { delta: 1.2 }],
    ['negative gamma', { gamma: -0.01 }],
    ['negative vega', { vega: -0.5 }],
    ['an infinite vega', { vega: Infinity }],
  ])('rejects %s', (_what, change) => {
    expect(validGreeks({ ...tick, ...change }, 'C')).toBeNull();
  });

  it('rejects a positive delta on a put', () => {
    expect(validGreeks(tick, 'P')).toBeNull();
  });

  it('refuses the whole set when a given implied vol is nonsense (as book files do)', () => {
    expect(validGreeks({ ...tick, iv: -1 }, 'C')).toBeNull();
  });

  it('keeps the Greeks when the implied vol is simply not given', () => {
    expect(validGreeks({ ...tick, iv: null }, 'C')).toMatchObject({ delta: 0.4, iv: null });
  });
});
