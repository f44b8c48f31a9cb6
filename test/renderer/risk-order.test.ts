import { describe, expect, it } from 'vitest';
import type { Alarm } from '@shared/domain/risk';
import {
  alarmChip,
  alarmsSummary,
  groupAlarms,
  EXPANDED_UP_TO,
} from '../../src/renderer/src/features/risk/alarms';
import { lightViews, lightsForScreen } from '../../src/renderer/src/features/risk/lights';
import { check, lights } from './risk-fixtures';

const alarm = (over: Partial<Alarm> = {}): Alarm => ({
  code: 'SHORT_OPTION_EXPIRY',
  severity: 'warning',
  subject: 'SPX 18 Dec 26 5800 P',
  message: 'Short 2 × SPX 18 Dec 26 5800 P expires in 4 days.',
  ...over,
});

describe('lights on screen', () => {
  it('red and yellow lights come first, then grey, then green', () => {
    const views = lightViews(
      [
        check({ code: 'BETA_DELTA', light: 'green' }),
        check({ code: 'SHORT_VEGA', light: 'stale' }),
        check({ code: 'MIN_THETA', light: 'yellow' }),
        check({ code: 'GAMMA', light: 'green' }),
        check({ code: 'TIER_CAP', light: 'red' }),
        check({ code: 'EXPIRY', light: 'yellow' }),
      ],
      false,
    );
    expect(lightsForScreen(views).map((v) => v.code)).toEqual([
      'TIER_CAP',
      'MIN_THETA',
      'EXPIRY',
      'SHORT_VEGA',
      'BETA_DELTA',
      'GAMMA',
    ]);
  });

  it('keeps the core order within a colour', () => {
    const order = lightsForScreen(lightViews(lights(), false)).map((v) => v.ariaLabel);
    expect(order).toEqual([
      'Gamma: red',
      'Vega concentration: red',
      'Beta-weighted delta: yellow',
      'Short vega: yellow',
      'Theta: green',
      'Theta/vega ratio: green',
    ]);
  });
});

describe('alarm groups', () => {
  it('groups alarms by code with a count, critical groups first', () => {
    const many = Array.from({ length: 221 }, (_, i) =>
      alarm({ subject: `P${i}`, severity: i < 12 ? 'critical' : 'warning' }),
    );
    const groups = groupAlarms([
      alarm({ code: 'BETA_UNAVAILABLE', severity: 'info', subject: 'XYZ' }),
      ...many,
      alarm({ code: 'MARGIN_CALL', severity: 'critical', subject: 'account' }),
    ]);
    expect(groups.map((g) => [g.code, g.severity, g.count])).toEqual([
      ['SHORT_OPTION_EXPIRY', 'critical', 221],
      ['MARGIN_CALL', 'critical', 1],
      ['BETA_UNAVAILABLE', 'info', 1],
    ]);
    expect(groups[0]?.label).toBe('Short options near expiry');
    expect(groups[0]?.breakdown).toBe('12 critical · 209 warning');
    expect(groups[0]?.alarms[0]?.severity).toBe('critical');
    expect(groups[0]?.alarms[12]?.severity).toBe('warning');
  });

  it('a group of more than a few alarms starts collapsed; a small one open', () => {
    const big = Array.from({ length: EXPANDED_UP_TO + 1 }, (_, i) => alarm({ subject: `P${i}` }));
    const small = Array.from({ length: EXPANDED_UP_TO }, (_, i) =>
      alarm({ code: 'GAMMA_NEAR_EXPIRY', subject: `U${i}` }),
    );
    const groups = groupAlarms([...big, ...small]);
    expect(groups.map((g) => g.collapsedByDefault)).toEqual([true, false]);
  });

  it('spells out an unknown code and summarizes the count with criticals', () => {
    expect(
      groupAlarms([alarm({ code: 'NEW_THING' as never }) /* a newer core's code */])[0]?.label,
    ).toBe('New thing');
    expect(alarmsSummary([])).toBe('none');
    expect(alarmsSummary([alarm(), alarm({ severity: 'critical' })])).toBe('2 · 1 critical');
  });
});

describe('alarm chip', () => {
  it('names the worst severity and the total in the title bar', () => {
    expect(alarmChip([])).toBeNull();
    expect(alarmChip([alarm({ severity: 'critical' }), alarm({ severity: 'critical' })])).toEqual({
      severity: 'critical',
      text: '2 critical alarms',
    });
    expect(alarmChip([alarm(), alarm({ severity: 'critical' }), alarm()])).toEqual({
      severity: 'critical',
      text: '3 alarms · 1 critical',
    });
  });
});
