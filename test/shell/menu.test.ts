import { beforeEach, describe, expect, it } from 'vitest';
import { Menu, resetElectronFake, type FakeMenuItem } from '../fakes/electron';
import { appMenuTemplate, installAppMenu, simulateKeyEvents } from '../../src/main/shell/menu';

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

  it('has Orders → Simulate on CmdOrCtrl+Shift+S, left to the renderer that owns the shortcut', () => {
    const template = appMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Bulwark' });
    const orders = template.find((m) => m.label === 'Orders');
    const items = orders?.submenu as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({
      label: 'Simulate',
      accelerator: 'CmdOrCtrl+Shift+S',
      registerAccelerator: false,
    });
  });

  it('a click on Simulate presses the shortcut in the window it was clicked for', () => {
    const template = appMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Bulwark' });
    const items = template.find((m) => m.label === 'Orders')?.submenu as Array<{
      click: (item: unknown, win: unknown) => void;
    }>;
    const pressed: unknown[] = [];
    const win = {
      webContents: { sendInputEvent: (e: unknown) => pressed.push(e), isDestroyed: () => false },
    };
    items[0]!.click({}, win);
    expect(pressed).toEqual(simulateKeyEvents('darwin'));
    expect(pressed[0]).toMatchObject({
      type: 'keyDown',
      keyCode: 'S',
      modifiers: ['meta', 'shift'],
    });
    expect(simulateKeyEvents('win32')[0]?.modifiers).toEqual(['control', 'shift']);
    // No window (the menu used with none focused): nothing to press, no throw.
    expect(() => items[0]!.click({}, undefined)).not.toThrow();
  });

  it('installs itself as the application menu', () => {
    installAppMenu({ platform: 'darwin', isPackaged: true, appName: 'Bulwark' });
    expect(Menu.applicationMenu?.template[0]?.label).toBe('Bulwark');
  });
});
