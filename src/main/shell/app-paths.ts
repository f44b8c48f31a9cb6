/**
 * Where the built pieces are, worked out once from the built main module's URL. Pure (no
 * electron), so the rules are tested directly. Layout after `electron-vite build`:
 *   out/main/index.js   out/preload/index.cjs   out/renderer/index.html
 * Icons live in resources/: beside package.json in development, in the app bundle's
 * Resources/resources when packaged (electron-builder.yml extraResources).
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArgsResult } from '../cli-args';
import type { TrustedPages } from './trusted-url';

export interface AppPathsInput {
  /** import.meta.url of the built main entry (out/main/index.js). */
  mainModuleUrl: string;
  isPackaged: boolean;
  /** process.env.ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  rendererUrlEnv: string | undefined;
  /** app.getAppPath(): the project root in development. */
  appPath: string;
  /** process.resourcesPath: the bundle's Resources folder when packaged. */
  resourcesPath: string;
}

export interface AppPaths {
  /** The sandboxed CommonJS preload. */
  preload: string;
  /** The built renderer page, loaded when there is no dev server. */
  indexHtml: string;
  /** What the shell treats as our own page. */
  pages: TrustedPages;
  /** Folder with icon.png and the tray images. */
  resourcesDir: string;
}

export function resolveAppPaths(input: AppPathsInput): AppPaths {
  const preload = fileURLToPath(new URL('../preload/index.cjs', input.mainModuleUrl));
  const indexHtml = fileURLToPath(new URL('../renderer/index.html', input.mainModuleUrl));
  // A packaged app never trusts a URL from its environment.
  const devServerUrl = !input.isPackaged && input.rendererUrlEnv ? input.rendererUrlEnv : null;
  return {
    preload,
    indexHtml,
    pages: { devServerUrl, indexFileUrl: pathToFileURL(indexHtml).href },
    resourcesDir: input.isPackaged
      ? join(input.resourcesPath, 'resources')
      : join(input.appPath, 'resources'),
  };
}

/**
 * The user's arguments: `electron . --seed 7` in development (process.defaultApp is true),
 * `Bulwark --seed 7` when packaged.
 */
export function userArgv(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/** The desktop app keeps its data in Electron's userData folder unless --data-dir says where. */
export function withDataDir(args: ArgsResult, userData: string): ArgsResult {
  if (!args.ok || args.value.core.dataDir !== null) return args;
  return { ok: true, value: { ...args.value, core: { ...args.value.core, dataDir: userData } } };
}
