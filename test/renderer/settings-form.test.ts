import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings';
import { FIELDS, fieldById, valueAt } from '../../src/renderer/src/features/settings/fields';
import {
  formFromSettings,
  patchFromForm,
  settingsErrorLines,
} from '../../src/renderer/src/features/settings/form';

/** Every leaf of the settings except the version, as dotted paths. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('the settings fields', () => {
  it('cover every setting exactly once, each at a real path', () => {
    const paths = leaves(DEFAULT_SETTINGS).filter((p) => p !== 'version');
    expect(FIELDS.map((f) => f.id).sort()).toEqual(paths.sort());
    expect(FIELDS.filter((f) => valueAt(DEFAULT_SETTINGS, f.id) === undefined)).toEqual([]);
  });

  it('give every number a unit, and no two fields the same label', () => {
    const numeric = FIELDS.filter((f) => f.kind === 'number' || f.kind === 'integer');
    expect(numeric.filter((f) => !f.unit).map((f) => f.id)).toEqual([]);
    const labels = FIELDS.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('patchFromForm', () => {
  const form = formFromSettings(DEFAULT_SETTINGS);

  it('shows the saved values as text and checkboxes', () => {
    expect(form['trading.liveTradingAccount']).toBe('');
    expect(form['trading.marketOrdersAllowed']).toBe(false);
    expect(form['orders.maxNotional']).toBe('25000000');
    expect(form['orders.walk.regularHoursOnly']).toBe(true);
  });

  it('an untouched form, or one typed back to the same values, is no change', () => {
    expect(patchFromForm(DEFAULT_SETTINGS, form)).toEqual({ ok: true, patch: {}, changed: [] });
    const same = {
      ...form,
      'orders.maxNotional': '25,000,000',
      'orders.collar.maxPctThroughMid': '10.0',
    };
    expect(patchFromForm(DEFAULT_SETTINGS, same)).toMatchObject({ ok: true, changed: [] });
  });

  it('sends only the changed fields, nested as the contract wants', () => {
    const edited = {
      ...form,
      'trading.liveTradingAccount': '  U1234567 ',
      'orders.collar.maxTicksThroughMid': '4',
      'orders.maxNotional': '1_000_000',
      'orders.walk.regularHoursOnly': false,
    };
    expect(patchFromForm(DEFAULT_SETTINGS, edited)).toEqual({
      ok: true,
      patch: {
        trading: { liveTradingAccount: 'U1234567' },
        orders: {
          collar: { maxTicksThroughMid: 4 },
          maxNotional: 1_000_000,
          walk: { regularHoursOnly: false },
        },
      },
      changed: [
        'trading.liveTradingAccount',
        'orders.collar.maxTicksThroughMid',
        'orders.maxNotional',
        'orders.walk.regularHoursOnly',
      ],
    });
  });

  it('an emptied account id switches live trading off', () => {
    const live: Settings = {
      ...DEFAULT_SETTINGS,
      trading: { ...DEFAULT_SETTINGS.trading, liveTradingAccount: 'U1' },
    };
    const result = patchFromForm(live, {
      ...formFromSettings(live),
      'trading.liveTradingAccount': ' ',
    });
    expect(result).toEqual({
      ok: true,
      patch: { trading: { liveTradingAccount: null } },
      changed: ['trading.liveTradingAccount'],
    });
  });

  it('marks every field that is not a number, not whole, or out of range', () => {
    const result = patchFromForm(DEFAULT_SETTINGS, {
      ...form,
      'orders.maxContractsPerOrder': '2.5',
      'orders.rate.perSeconds': '',
      'orders.duplicateWindowSeconds': 'soon',
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        'orders.maxContractsPerOrder': 'Enter a whole number.',
        'orders.rate.perSeconds': 'Enter a number.',
        'orders.duplicateWindowSeconds': 'Enter a number.',
      },
    });
    const ranged = patchFromForm(DEFAULT_SETTINGS, {
      ...form,
      'orders.collar.maxPctThroughMid': '150',
      'orders.walk.maxSteps': '0',
    });
    expect(ranged.ok).toBe(false);
    if (ranged.ok) return;
    expect(Object.keys(ranged.problems).sort()).toEqual([
      'orders.collar.maxPctThroughMid',
      'orders.walk.maxSteps',
    ]);
    expect(ranged.problems['orders.walk.maxSteps']).toMatch(/1/);
  });
});

describe('settingsErrorLines', () => {
  it('names fields by their labels, keeps the file and unknown lines as they are', () => {
    const lines = settingsErrorLines({
      code: 'SETTINGS_INVALID',
      message: 'The settings in /x/settings.json are not valid',
      details: {
        file: '/x/settings.json',
        problem1: 'orders.rate.perSeconds: Too big: expected number to be <=3600',
        problem2: 'trading: Unrecognized key: "liveTradingAcount"',
        'orders.walk.maxSteps': 'Too small',
      },
    });
    expect(fieldById('orders.rate.perSeconds')?.label).toBe('Rate window');
    expect(lines).toEqual([
      'File: /x/settings.json',
      'Rate window (s): Too big: expected number to be <=3600',
      'trading: Unrecognized key: "liveTradingAcount"',
      'Walking limit max steps (steps): Too small',
    ]);
  });
});
