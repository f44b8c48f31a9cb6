/**
 * The desktop app's settings store: `settings.json` in Electron's userData folder, written
 * atomically by jsonFileStore. Not electron-store: that module imports 'electron' when loaded,
 * which outside an Electron process (the shell tests, this project's CI) is the npm package that
 * tries to download the Electron binary and throws, and its constructor reads the file at once,
 * so a broken file would stop start-up instead of being reported by the settings screen.
 */
import { join } from 'node:path';
import { app } from 'electron';
import { jsonFileStore } from '../settings/json-file-store';
import type { KeyValueStore } from '../settings/key-value-store';

export const SETTINGS_FILE = 'settings.json';

/** The part of Electron's app this needs, so a test can point it at a temporary folder. */
export interface UserDataPaths {
  getPath(name: 'userData'): string;
}

export function userDataSettingsStore(paths: UserDataPaths = app): KeyValueStore {
  return jsonFileStore(join(paths.getPath('userData'), SETTINGS_FILE));
}
