import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { CommandRegistry } from '../../../src/main/api/command-registry';
import { registerSettingsCommands } from '../../../src/main/api/settings-handlers';
import { jsonFileStore } from '../../../src/main/settings/json-file-store';
import { SettingsService } from '../../../src/main/settings/settings-service';
import { recordingLogger, tempDir } from './helpers';

function setup(text?: string) {
  const path = join(tempDir(), 'settings.json');
  if (text !== undefined) writeFileSync(path, text);
  // Output validation on: a wrong shape or an undeclared error code fails the test.
  const registry = new CommandRegistry(recordingLogger(), true);
  registerSettingsCommands(registry, new SettingsService(jsonFileStore(path), recordingLogger()));
  return { path, registry };
}

describe('settings commands', () => {
  it('registers both settings commands', () => {
    const { registry } = setup();
    expect(registry.unregistered()).not.toContain('settings.get');
    expect(registry.unregistered()).not.toContain('settings.update');
  });

  it('settings.get answers the defaults, settings.update saves a change', async () => {
    const { path, registry } = setup();
    expect(await registry.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    const res = await registry.dispatch('settings.update', {
      trading: { liveTradingAccount: 'DU999' },
    });
    expect(res).toMatchObject({ ok: true, value: { trading: { liveTradingAccount: 'DU999' } } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      trading: { liveTradingAccount: 'DU999', marketOrdersAllowed: false },
    });
  });

  it('a malformed patch is INVALID_INPUT and reaches no file', async () => {
    const { path, registry } = setup();
    const res = await registry.dispatch('settings.update', { orders: { maxContracts: 5 } });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it('an invalid file is SETTINGS_INVALID for both commands, naming the file', async () => {
    const text = '{"version": 1, "trading": {}}';
    const { path, registry } = setup(text);
    for (const [name, input] of [
      ['settings.get', {}],
      ['settings.update', { orders: { maxNotional: 1 } }],
    ] as const) {
      const res = await registry.dispatch(name, input);
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('SETTINGS_INVALID');
      expect(res.error.message).toContain(path);
      expect(res.error.details).toMatchObject({ file: path });
      expect(Object.keys(res.error.details ?? {})).toEqual([
        'file',
        'problem1',
        'problem2',
        'problem3',
      ]);
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('an out-of-range value is refused at the boundary with its path, before the service', async () => {
    const { path, registry } = setup();
    const res = await registry.dispatch('settings.update', {
      orders: { rate: { maxOrders: 0 }, walk: { stepSeconds: 1000 } },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (res.ok) return;
    expect(Object.keys(res.error.details ?? {}).sort()).toEqual([
      'orders.rate.maxOrders',
      'orders.walk.stepSeconds',
    ]);
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });
});
