import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, resetElectronFake } from '../fakes/electron';
import { MainWindow } from '../../src/main/shell/window';
import { silentLogger } from '../../src/main/util/logger';

const PRELOAD = '/app/out/preload/index.cjs';

function mainWindow(source: ConstructorParameters<typeof MainWindow>[0]['source']) {
  return new MainWindow({ preloadPath: PRELOAD, source, log: silentLogger });
}

function onlyWindow(): BrowserWindow {
  expect(BrowserWindow.instances).toHaveLength(1);
  return BrowserWindow.instances[0]!;
}

describe('main window', () => {
  beforeEach(() => resetElectronFake());

  it('runs the renderer isolated and sandboxed, without Node, with the CJS preload', () => {
    mainWindow({ kind: 'file', path: '/app/out/renderer/index.html' }).show();
    const prefs = onlyWindow().options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\/index\.cjs$/);
  });

  it('is titled Bulwark, dark, at least 1100x700, and hidden until ready to show', () => {
    mainWindow({ kind: 'file', path: '/app/out/renderer/index.html' }).show();
    const win = onlyWindow();
    expect(win.options).toMatchObject({
      title: 'Bulwark',
      minWidth: 1100,
      minHeight: 700,
      show: false,
    });
    expect(String(win.options.backgroundColor)).toMatch(/^#[0-9a-f]{6}$/);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('loads the built index.html, or the dev server URL when given one', () => {
    mainWindow({ kind: 'file', path: '/app/out/renderer/index.html' }).show();
    expect(onlyWindow().loadedFile).toBe('/app/out/renderer/index.html');
    resetElectronFake();
    mainWindow({ kind: 'url', url: 'http://localhost:5173' }).show();
    expect(onlyWindow().loadedUrl).toBe('http://localhost:5173');
  });

  it('show() on a live window restores and focuses it instead of opening another', () => {
    const main = mainWindow({ kind: 'file', path: '/i.html' });
    main.show();
    const win = onlyWindow();
    win.minimize();
    main.show();
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(win.isMinimized()).toBe(false);
    expect(win.focusCount).toBeGreaterThan(0);
  });

  it('show() after the window was closed builds a new one', () => {
    const main = mainWindow({ kind: 'file', path: '/i.html' });
    main.show();
    onlyWindow().close();
    expect(main.current()).toBeNull();
    main.show();
    expect(BrowserWindow.instances).toHaveLength(2);
    expect(main.current()).toBe(BrowserWindow.instances[1]);
  });

  it('shows the window even when the page fails to load, so the app is visibly there', async () => {
    BrowserWindow.loadError = new Error('ERR_FILE_NOT_FOUND');
    mainWindow({ kind: 'file', path: '/missing/index.html' }).show();
    await new Promise((r) => setTimeout(r, 0));
    expect(onlyWindow().visible).toBe(true);
  });
});
