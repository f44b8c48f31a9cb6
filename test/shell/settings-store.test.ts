import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { SettingsService } from '../../src/main/settings/settings-service';
import { SETTINGS_FILE, userDataSettingsStore } from '../../src/main/shell/settings-store';
import { silentLogger } from '../../src/main/util/logger';
import { app, resetElectronFake } from '../fakes/electron';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the desktop settings store', () => {
  it("lives in Electron's userData folder by default", () => {
    resetElectronFake();
    expect(userDataSettingsStore().where).toBe(join(app.getPath('userData'), SETTINGS_FILE));
  });

  it('keeps the settings across restarts of the app, user-only', () => {
    const userData = join(mkdtempSync(join(tmpdir(), 'bulwark-userdata-')), 'Bulwark');
    dirs.push(userData);
    const paths = { getPath: (name: 'userData') => (name === 'userData' ? userData : '') };
    const first = new SettingsService(userDataSettingsStore(paths), silentLogger);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    first.update({ trading: { marketOrdersAllowed: true } });
    const file = join(userData, SETTINGS_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      trading: { marketOrdersAllowed: true },
    });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = new SettingsService(userDataSettingsStore(paths), silentLogger);
    expect(second.get().trading.marketOrdersAllowed).toBe(true);
  });
});
