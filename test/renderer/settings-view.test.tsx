import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/api/errors';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings';
import { createApi } from '../../src/renderer/src/api/api';
import { CommandContextReact } from '../../src/renderer/src/commands/context';
import {
  CLOSED,
  type SettingsDialogActions,
  type SettingsDialogData,
} from '../../src/renderer/src/features/settings/dialog-store';
import { FIELDS } from '../../src/renderer/src/features/settings/fields';
import { formFromSettings } from '../../src/renderer/src/features/settings/form';
import { SettingsButton } from '../../src/renderer/src/features/settings/SettingsButton';
import { SettingsDialog } from '../../src/renderer/src/features/settings/SettingsDialog';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { FakeBridge } from './fake-bridge';

const idle = async () => {};
const actions: SettingsDialogActions = {
  open: idle,
  close: () => {},
  edit: () => {},
  save: idle,
  disableLive: idle,
};

function ready(saved: Settings, over: Partial<SettingsDialogData> = {}): SettingsDialogData {
  return { ...CLOSED, phase: 'ready', saved, form: formFromSettings(saved), ...over };
}

const render = (state: SettingsDialogData) =>
  renderToStaticMarkup(<SettingsDialog state={state} actions={actions} />);

/** Text without tags and with entities decoded enough for these checks. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the settings dialog view', () => {
  it('renders nothing while closed', () => {
    expect(render(CLOSED)).toBe('');
  });

  it('is a dialog named Settings that labels every field with its unit and explains live trading', () => {
    const html = render(ready(DEFAULT_SETTINGS));
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-label="Settings"');
    expect(html).toContain('aria-modal="true"');
    const words = text(html);
    const missing = FIELDS.filter(
      (f) => !words.includes(f.label) || (f.unit !== undefined && !html.includes(`>${f.unit}<`)),
    ).map((f) => f.id);
    expect(missing).toEqual([]);
    for (const f of FIELDS) expect(html).toContain(`for="settings-${f.id.replace(/\./g, '-')}"`);
    expect(words).toContain(
      'Live orders are refused unless this equals the id of the connected live account',
    );
    expect(words).toContain('Live trading is off');
    expect(words).not.toContain('Disable live trading');
    expect(html).toContain('value="25000000"');
    expect(html).toMatch(/<button type="submit"[^>]*>Save<\/button>/);
  });

  it('shows an enabled live account with the Disable live trading action', () => {
    const live = {
      ...DEFAULT_SETTINGS,
      trading: { liveTradingAccount: 'U1234567', marketOrdersAllowed: true },
    };
    const words = text(render(ready(live)));
    expect(words).toContain('Live trading is on for account U1234567');
    expect(words).toContain('Disable live trading');
  });

  it('marks fields with problems and shows a refusal as an alert with its code', () => {
    const refusal: ApiError = {
      code: 'INVALID_INPUT',
      message: 'Invalid input for settings.update.',
      details: { 'orders.rate.perSeconds': 'Too big: expected number to be <=3600' },
    };
    const html = render(
      ready(DEFAULT_SETTINGS, {
        problems: { 'orders.maxNotional': 'Enter a number.' },
        error: refusal,
      }),
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(
      'aria-describedby="settings-orders-maxNotional-help settings-orders-maxNotional-problem"',
    );
    expect(html.match(/role="alert"/g)).toHaveLength(2);
    const words = text(html);
    expect(words).toContain('One field needs fixing');
    expect(words).toContain('INVALID_INPUT');
    expect(words).toContain('Rate window (s): Too big: expected number to be <=3600');
  });

  it('shows an invalid settings file clearly: code, file, every problem and what to do', () => {
    const html = render({
      ...CLOSED,
      phase: 'load-failed',
      error: {
        code: 'SETTINGS_INVALID',
        message: 'The settings in /d/settings.json are not valid and cannot be used.',
        details: {
          file: '/d/settings.json',
          problem1: 'orders.maxContractsPerOrder: Too small: expected number to be >=1',
          problem2: 'trading: Unrecognized key: "x"',
        },
      },
    });
    expect(html).toContain('role="alert"');
    const words = text(html);
    expect(words).toContain('Your settings file cannot be used');
    expect(words).toContain('SETTINGS_INVALID');
    expect(words).toContain('File: /d/settings.json');
    expect(words).toContain('Max contracts per order (contracts): Too small');
    expect(words).toContain('trading: Unrecognized key: "x"');
    expect(words).toContain('delete it to start again from the defaults');
    expect(words).toContain('Try again');
    expect(html).not.toContain('type="submit"');
  });
});

describe('SettingsButton', () => {
  it('is a button named Settings that opens a dialog', () => {
    const ctx = { api: createApi(new FakeBridge()), store: createAppStore(0) };
    const html = renderToStaticMarkup(
      <CommandContextReact.Provider value={ctx}>
        <SettingsButton />
      </CommandContextReact.Provider>,
    );
    expect(html).toMatch(/<button[^>]*aria-haspopup="dialog"[^>]*>Settings<\/button>/);
    expect(html).not.toContain('role="dialog"');
  });
});
