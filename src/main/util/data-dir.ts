/**
 * Where Bulwark keeps what must survive a restart when no --data-dir is given (headless mode;
 * the Electron shell uses the app's userData folder instead).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirEnv {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
}

/** The platform's per-user data folder for Bulwark, following each OS's convention. */
export function defaultDataDir({ platform, home, env }: DataDirEnv): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Bulwark');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Bulwark');
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return join(xdg?.startsWith('/') ? xdg : join(home, '.local', 'share'), 'bulwark');
}

/** Creates the directory (and parents), user-only when new. Returns it. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
