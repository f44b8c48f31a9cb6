import { beforeEach, describe, expect, it } from 'vitest';
import { Menu, resetElectronFake, type FakeMenuItem } from '../fakes/electron';
import { appMenuTemplate, installAppMenu } from '../../src/main/shell/menu';

function roles(items: readonly { role?: string; submenu?: unknown }[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu as FakeMenuItem[]) : []),
  ]);
}

describe('application menu', () => {
  beforeEach(() => resetElectronFake());

  it('on macOS has the app menu with About, Hide and Quit, and the Edit roles', () => {
    const all = roles(
      appMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Bulwark' }),
    );
    expect(all).toEqual(
      expect.arrayContaining([
        'about',
        'hide',
        'quit',
        'copy',
        'paste',
        'cut',
        'selectAll',
        'undo',
      ]),
    );
    expect(all).toContain('togglefullscreen');
    expect(all).toContain('windowMenu');
  });

  it('offers reload and devtools only when not packaged', () => {
    const packaged = roles(
      appMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Bulwark' }),
    );
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('toggleDevTools');
    const dev = roles(
      appMenuTemplate({ platform: 'darwin', isPackaged: false, appName: 'Bulwark' }),
    );
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('off macOS has a File menu with Quit instead of the app menu', () => {
    const template = appMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Bulwark' });
    expect(template[0]?.label).toBe('File');
    expect(roles(template)).not.toContain('about');
  });

  it('installs itself as the application menu', () => {
    installAppMenu({ platform: 'darwin', isPackaged: true, appName: 'Bulwark' });
    expect(Menu.applicationMenu?.template[0]?.label).toBe('Bulwark');
  });
});
