import { describe, expect, it } from 'vitest';
import type { ApiError, Result } from '@shared/api/errors';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  type Settings,
} from '@shared/domain/settings';
import { createApi } from '../../src/renderer/src/api/api';
import { createSettingsDialog } from '../../src/renderer/src/features/settings/dialog-store';
import { FakeBridge } from './fake-bridge';

const INVALID: ApiError = {
  code: 'SETTINGS_INVALID',
  message: 'The settings in /d/settings.json are not valid and cannot be used: version: bad.',
  details: { file: '/d/settings.json', problem1: 'version: Invalid input: expected 1' },
};

/** A core that keeps settings in memory, or refuses everything with `refuse`. */
function setup(opts: { start?: Settings; refuse?: ApiError } = {}) {
  let current = opts.start ?? DEFAULT_SETTINGS;
  const answer = (): Result<unknown> =>
    opts.refuse ? { ok: false, error: opts.refuse } : { ok: true, value: current };
  const bridge = new FakeBridge({
    'settings.get': answer,
    'settings.update': (input) => {
      if (opts.refuse) return answer();
      current = applySettingsPatch(current, SettingsPatchSchema.parse(input));
      return answer();
    },
  });
  const dialog = createSettingsDialog(createApi(bridge));
  const updates = () => bridge.calls.filter((c) => c.name === 'settings.update');
  return { bridge, dialog, updates, state: () => dialog.getState() };
}

describe('the settings dialog', () => {
  it('loads the settings when opened and forgets everything when closed', async () => {
    const { dialog, state } = setup();
    const opening = state().open();
    expect(state().phase).toBe('loading');
    await opening;
    expect(state()).toMatchObject({ phase: 'ready', saved: DEFAULT_SETTINGS, error: null });
    expect(state().form['orders.maxContractsPerOrder']).toBe('50');
    dialog.getState().close();
    expect(state()).toMatchObject({ phase: 'closed', saved: null, form: {} });
  });

  it('shows an invalid settings file as a load failure with its code and details', async () => {
    const { state } = setup({ refuse: INVALID });
    await state().open();
    expect(state()).toMatchObject({ phase: 'load-failed', error: INVALID, saved: null });
  });

  it('saves only the changed fields and shows the saved values', async () => {
    const { state, updates } = setup();
    await state().open();
    state().edit('orders.maxNotional', '5,000,000');
    state().edit('trading.marketOrdersAllowed', true);
    await state().save();
    expect(updates().map((c) => c.input)).toEqual([
      { trading: { marketOrdersAllowed: true }, orders: { maxNotional: 5_000_000 } },
    ]);
    expect(state()).toMatchObject({ busy: false, error: null, note: 'Saved 2 changes.' });
    expect(state().saved?.orders.maxNotional).toBe(5_000_000);
    expect(state().form['orders.maxNotional']).toBe('5000000');
  });

  it('sends nothing when nothing changed or a field cannot be sent', async () => {
    const { state, updates } = setup();
    await state().open();
    await state().save();
    expect(state().note).toBe('Nothing changed.');
    state().edit('orders.walk.stepSeconds', 'five');
    state().edit('orders.rate.maxOrders', '0');
    await state().save();
    expect(updates()).toEqual([]);
    expect(Object.keys(state().problems).sort()).toEqual(['orders.walk.stepSeconds']);
    state().edit('orders.walk.stepSeconds', '5');
    expect(state().problems).toEqual({});
    await state().save();
    expect(Object.keys(state().problems)).toEqual(['orders.rate.maxOrders']);
    expect(updates()).toEqual([]);
  });

  it('shows the core’s refusal and keeps the edits', async () => {
    const { state, bridge } = setup();
    await state().open();
    // The file went bad between opening and saving.
    const refused = new FakeBridge({
      'settings.update': () => ({ ok: false, error: INVALID }),
    });
    bridge.call = refused.call;
    state().edit('orders.walk.maxSteps', '3');
    await state().save();
    expect(state()).toMatchObject({ busy: false, error: INVALID, note: null });
    expect(state().form['orders.walk.maxSteps']).toBe('3');
    expect(state().saved).toEqual(DEFAULT_SETTINGS);
  });

  it('disables live trading at once, keeping other edits in progress', async () => {
    const live: Settings = {
      ...DEFAULT_SETTINGS,
      trading: { ...DEFAULT_SETTINGS.trading, liveTradingAccount: 'U7654321' },
    };
    const { state, updates } = setup({ start: live });
    await state().open();
    expect(state().form['trading.liveTradingAccount']).toBe('U7654321');
    state().edit('orders.maxContractsPerOrder', '7');
    await state().disableLive();
    expect(updates().map((c) => c.input)).toEqual([{ trading: { liveTradingAccount: null } }]);
    expect(state().saved?.trading.liveTradingAccount).toBeNull();
    expect(state().form['trading.liveTradingAccount']).toBe('');
    expect(state().form['orders.maxContractsPerOrder']).toBe('7');
    expect(state().note).toBe('Live trading disabled.');
  });

  it('drops an answer that arrives after the dialog was closed', async () => {
    const { state } = setup();
    const opening = state().open();
    state().close();
    await opening;
    expect(state().phase).toBe('closed');
  });
});
