import { beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, resetElectronFake, session, shell } from '../fakes/electron';
import { guardSession, installSecurity, isExternalHttps } from '../../src/main/shell/security';
import { isTrustedRendererUrl } from '../../src/main/shell/trusted-url';
import { MainWindow } from '../../src/main/shell/window';
import { silentLogger } from '../../src/main/util/logger';

const INDEX = 'file:///app/out/renderer/index.html';
const pages = { devServerUrl: null, indexFileUrl: INDEX };

function secureWindow() {
  installSecurity(app, {
    isTrustedUrl: (url) => isTrustedRendererUrl(url, pages),
    openExternal: (url) => shell.openExternal(url),
    log: silentLogger,
  });
  new MainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    source: { kind: 'file', path: '/app/out/renderer/index.html' },
    log: silentLogger,
  }).show();
  return BrowserWindow.instances[0]!.webContents;
}

describe('web contents security', () => {
  beforeEach(() => resetElectronFake());

  it('prevents navigation to an external page and allows our own page', () => {
    const wc = secureWindow();
    expect(wc.tryNavigate('https://evil.example/')).toBe(false);
    expect(wc.tryNavigate('file:///etc/passwd')).toBe(false);
    expect(wc.tryNavigate('javascript:alert(1)')).toBe(false);
    expect(wc.tryNavigate(`${INDEX}#/positions`)).toBe(true);
  });

  it('prevents redirects away from our page', () => {
    const wc = secureWindow();
    expect(wc.tryNavigate('https://evil.example/', 'will-redirect')).toBe(false);
    expect(wc.tryNavigate(INDEX, 'will-redirect')).toBe(true);
  });

  it('denies window.open, opening only https links in the system browser', () => {
    const wc = secureWindow();
    expect(wc.openWindow('https://www.interactivebrokers.com/')).toBe('deny');
    expect(wc.openWindow('http://plain.example/')).toBe('deny');
    expect(wc.openWindow('file:///etc/passwd')).toBe('deny');
    expect(wc.openWindow(INDEX)).toBe('deny');
    expect(shell.opened).toEqual(['https://www.interactivebrokers.com/']);
  });

  it('blocks webviews', () => {
    const wc = secureWindow();
    let prevented = false;
    wc.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('guards web contents created later too, such as devtools', () => {
    secureWindow();
    new BrowserWindow();
    expect(BrowserWindow.instances[1]!.webContents.tryNavigate('https://evil.example/')).toBe(
      false,
    );
  });

  it('denies every permission request and check', async () => {
    guardSession(session.defaultSession);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'hid']) {
      await expect(session.defaultSession.requestPermission(permission)).resolves.toBe(false);
      expect(session.defaultSession.checkPermission(permission)).toBe(false);
    }
  });

  it('without the guard the fake would grant (the test above can fail)', async () => {
    await expect(session.defaultSession.requestPermission('media')).resolves.toBe(true);
  });
});

describe('isExternalHttps', () => {
  it('accepts https only, without credentials', () => {
    expect(isExternalHttps('https://example.com/a?b#c')).toBe(true);
    expect(isExternalHttps('http://example.com/')).toBe(false);
    expect(isExternalHttps('https://user:pw@example.com/')).toBe(false);
    expect(isExternalHttps('file:///etc/passwd')).toBe(false);
    expect(isExternalHttps('smb://host/share')).toBe(false);
    expect(isExternalHttps('nonsense')).toBe(false);
  });
});
