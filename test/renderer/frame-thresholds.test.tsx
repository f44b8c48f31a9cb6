import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '@shared/domain/account';
import { accountTones } from '../../src/renderer/src/features/header/account-tones';
import { expiryLevels } from '../../src/renderer/src/features/positions/expiry';
import { TotalsCells } from '../../src/renderer/src/features/positions/TotalsCells';
import { totalsFigures } from '../../src/renderer/src/features/risk/summary';
import { termRatio, termState, TERM_RATIO_LABEL } from '../../src/renderer/src/format/term';
import { totals } from './fixtures';
import { check, riskFrame } from './risk-fixtures';

const account = (over: Partial<AccountSummary> = {}): AccountSummary => ({
  account: 'SIM-DEMO',
  currency: 'USD',
  netLiquidation: 300_000,
  cash: 100_000,
  initMargin: 150_000,
  maintMargin: 170_000,
  excessLiquidity: 130_000,
  buyingPower: 500_000,
  cushion: 0.43,
  dailyPnl: null,
  time: 0,
  ...over,
});
const cushion = (over = {}) =>
  check({
    code: 'MARGIN_CUSHION',
    unit: 'ratio',
    value: 0.43,
    limit: 0.2,
    light: 'green',
    ...over,
  });

describe('thresholds come from the frame', () => {
  it('colours the header cushion by the MARGIN_CUSHION light, not a fixed 20%', () => {
    // 15% cushion with a matrix minimum of 10%: green in the frame, so no warning colour.
    expect(accountTones(account({ cushion: 0.15 }), cushion({ limit: 0.1 })).cushion).toBe('none');
    expect(accountTones(account(), cushion({ light: 'yellow' })).cushion).toBe('warn');
    expect(accountTones(account(), cushion({ light: 'red' })).cushion).toBe('critical');
    expect(accountTones(account(), cushion({ limit: 0.25 })).cushionTitle).toMatch(/minimum 25%/);
    expect(accountTones(account(), undefined).cushion).toBe('none');
  });

  it('a margin deficit in the header is red, not amber', () => {
    const t = accountTones(account({ excessLiquidity: -5_000, cushion: -0.02 }), cushion());
    expect(t.excessLiquidity).toBe('critical');
    expect(t.cushion).toBe('critical');
  });

  it('net liquidation at or below zero is red, in the header and the book figures', () => {
    expect(accountTones(account({ netLiquidation: 0 }), cushion()).netLiquidation).toBe('critical');
    const nlv = totalsFigures(riskFrame({ netLiquidation: -12_000 })).find((f) => f.key === 'nlv');
    expect(nlv?.critical).toBe(true);
    const fine = totalsFigures(riskFrame()).find((f) => f.key === 'nlv');
    expect(fine?.critical).toBe(false);
  });

  it('marks a short option red or amber by the frame’s expiry alarms', () => {
    const levels = expiryLevels([
      { code: 'SHORT_OPTION_EXPIRY', severity: 'critical', subject: 'A', message: '' },
      { code: 'SHORT_OPTION_EXPIRY', severity: 'warning', subject: 'B', message: '' },
      { code: 'GAMMA_NEAR_EXPIRY', severity: 'warning', subject: 'C', message: '' },
    ]);
    expect([...levels.entries()]).toEqual([
      ['A', 'crit'],
      ['B', 'warn'],
    ]);
  });
});

describe('book delta', () => {
  it('the book shows dollar delta and β-delta, never a sum of shares', () => {
    const keys = totalsFigures(riskFrame()).map((f) => f.key);
    expect(keys).not.toContain('delta');
    expect(keys.slice(0, 2)).toEqual(['ddelta', 'bdelta']);
  });

  it('the positions BOOK row shows $Δ in the Δ column; a group row shows shares', () => {
    const t = totals();
    const book = renderToStaticMarkup(
      <table>
        <tbody>
          <tr>
            <TotalsCells totals={t} stale={false} bookDeltaDollars={-1_234_567} />
          </tr>
        </tbody>
      </table>,
    );
    expect(book).toContain('>−$1.2M</td>');
    expect(book).toContain('Dollar delta of the book');
    const group = renderToStaticMarkup(
      <table>
        <tbody>
          <tr>
            <TotalsCells totals={t} stale={false} />
          </tr>
        </tbody>
      </table>,
    );
    expect(group).not.toContain('Dollar delta');
  });
});

describe('VIX term structure', () => {
  it('is VIX3M/VIX everywhere, like the engine’s regime.termRatio', () => {
    expect(TERM_RATIO_LABEL).toBe('VIX3M/VIX');
    expect(termRatio(16, 18)).toBeCloseTo(1.125);
    expect(termState(termRatio(16, 18))).toBe('contango');
    expect(termState(termRatio(30, 25))).toBe('backwardation');
    expect(termRatio(0, 18)).toBeNull();
  });
});
