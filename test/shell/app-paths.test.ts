import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../src/main/cli-args';
import { resolveAppPaths, userArgv, withDataDir } from '../../src/main/shell/app-paths';

const base = {
  mainModuleUrl: 'file:///Applications/Bulwark.app/Contents/Resources/app.asar/out/main/index.js',
  appPath: '/Applications/Bulwark.app/Contents/Resources/app.asar',
  resourcesPath: '/Applications/Bulwark.app/Contents/Resources',
};

describe('resolveAppPaths', () => {
  it('finds the CJS preload and the renderer beside the built main module', () => {
    const paths = resolveAppPaths({ ...base, isPackaged: true, rendererUrlEnv: undefined });
    expect(paths.preload).toBe(
      '/Applications/Bulwark.app/Contents/Resources/app.asar/out/preload/index.cjs',
    );
    expect(paths.indexHtml).toBe(
      '/Applications/Bulwark.app/Contents/Resources/app.asar/out/renderer/index.html',
    );
    expect(paths.pages.indexFileUrl).toBe(
      'file:///Applications/Bulwark.app/Contents/Resources/app.asar/out/renderer/index.html',
    );
    expect(paths.resourcesDir).toBe('/Applications/Bulwark.app/Contents/Resources/resources');
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL', () => {
    const paths = resolveAppPaths({ ...base, isPackaged: true, rendererUrlEnv: 'http://evil:1/' });
    expect(paths.pages.devServerUrl).toBeNull();
  });

  it('in development uses the dev server and the project resources folder', () => {
    const paths = resolveAppPaths({
      mainModuleUrl: 'file:///work/bulwark/out/main/index.js',
      appPath: '/work/bulwark',
      resourcesPath: '/work/bulwark/node_modules/electron/dist/resources',
      isPackaged: false,
      rendererUrlEnv: 'http://localhost:5173',
    });
    expect(paths.pages.devServerUrl).toBe('http://localhost:5173');
    expect(paths.resourcesDir).toBe('/work/bulwark/resources');
  });

  it('paths with spaces survive the URL round trip', () => {
    const paths = resolveAppPaths({
      ...base,
      mainModuleUrl: 'file:///Users/a%20b/Bulwark/out/main/index.js',
      isPackaged: false,
      rendererUrlEnv: '',
    });
    expect(paths.preload).toBe('/Users/a b/Bulwark/out/preload/index.cjs');
    expect(paths.pages.devServerUrl).toBeNull();
  });
});

describe('userArgv', () => {
  it('drops electron and the app path in development', () => {
    expect(userArgv(['/x/electron', '.', '--seed', '7'], true)).toEqual(['--seed', '7']);
  });

  it('drops only the executable when packaged', () => {
    expect(
      userArgv(['/Applications/Bulwark.app/Contents/MacOS/Bulwark', '--seed', '7'], false),
    ).toEqual(['--seed', '7']);
  });
});

describe('the desktop data directory', () => {
  it("is Electron's userData folder unless --data-dir is given", () => {
    const plain = withDataDir(parseLaunchArgs([], 'electron', false), '/Users/a/Bulwark');
    expect(plain).toMatchObject({ ok: true, value: { core: { dataDir: '/Users/a/Bulwark' } } });
    const given = withDataDir(
      parseLaunchArgs(['--data-dir', '/srv/bw'], 'electron', false),
      '/Users/a/Bulwark',
    );
    expect(given).toMatchObject({ ok: true, value: { core: { dataDir: '/srv/bw' } } });
  });
});
