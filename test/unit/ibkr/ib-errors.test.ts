import { describe, expect, it } from 'vitest';
import { describeIbCode, ibModelValue, ibNumber } from '../../../src/main/broker/ibkr/ib-errors';

describe('TWS codes in plain words', () => {
  it('maps known codes to a stable code, severity and words', () => {
    expect(describeIbCode(1100, 'Connectivity lost')).toMatchObject({
      code: 'IB_LINK_LOST',
      severity: 'error',
    });
    expect(describeIbCode(202, 'Order Canceled - reason:')).toMatchObject({
      code: 'IB_ORDER_CANCELLED',
      severity: 'info',
    });
    expect(describeIbCode(100, 'Max rate of messages per second has been exceeded').code).toBe(
      'IB_PACING',
    );
  });

  it('keeps the reason TWS gives for a rejection', () => {
    const r = describeIbCode(201, 'Order rejected - reason: insufficient margin');
    expect(r.code).toBe('IB_ORDER_REJECTED');
    expect(r.words).toContain('insufficient margin');
  });

  it("says in plain words that TWS's Read-Only API blocks orders and what-ifs, and how to lift it", () => {
    const r = describeIbCode(
      321,
      "Error validating request.-'bN' : cause - The API interface is currently in Read-Only mode.",
    );
    expect(r.code).toBe('IB_READ_ONLY_API');
    expect(r.words).toMatch(/refuses orders and what-if margin checks/);
    expect(r.words).toMatch(/untick "Read-Only API"/);
  });

  it('shows TWS precautions and tick-grid refusals with their own message', () => {
    const held = describeIbCode(451, 'The order value exceeds the precautionary limit');
    expect(held).toMatchObject({ code: 'IB_PRECAUTION', severity: 'error' });
    expect(held.words).toContain('exceeds the precautionary limit');
    expect(describeIbCode(10311, 'This order will be directly routed').code).toBe('IB_PRECAUTION');
    const tick = describeIbCode(110, 'The price does not conform to the minimum price variation');
    expect(tick.code).toBe('IB_PRICE_INCREMENT');
    expect(tick.words).toContain('minimum price variation');
    expect(describeIbCode(202, 'Order Canceled - reason: precaution').words).toContain(
      'precaution',
    );
  });

  it('passes unknown codes through with their number', () => {
    expect(describeIbCode(9999, 'Something new')).toEqual({
      code: 'IB_9999',
      severity: 'error',
      words: 'TWS says: Something new (code 9999)',
    });
    expect(describeIbCode(2150, 'Informational').severity).toBe('info');
  });
});

describe('sentinels never become numbers', () => {
  it.each([
    1.7976931348623157e308,
    2147483647,
    Number.MAX_SAFE_INTEGER,
    Number.NaN,
    Infinity,
    undefined,
    null,
  ])('%s → null', (v) => {
    expect(ibNumber(v)).toBeNull();
  });

  it('keeps real values, zero included', () => {
    expect([ibNumber(0), ibNumber(-1.25), ibNumber(5900.5)]).toEqual([0, -1.25, 5900.5]);
  });

  it('reads −1 / −2 in option computations as "not computed"', () => {
    expect(ibModelValue(-2, -2)).toBeNull();
    expect(ibModelValue(-1, -1)).toBeNull();
    expect(ibModelValue(-0.35, -2)).toBe(-0.35);
    expect(ibModelValue(0.18, -1)).toBe(0.18);
  });
});
