/**
 * The composition root (src/main/index.ts) booted for real against the fake electron: the real
 * core with the simulator behind the IPC transport, the window, tray and menu, then a quit.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '@shared/api/ipc-channel';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  resetElectronFake,
  session,
  Tray,
} from '../fakes/electron';

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const saved = { argv: process.argv, rendererUrl: process.env.ELECTRON_RENDERER_URL };
afterAll(() => {
  process.argv = saved.argv;
  if (saved.rendererUrl !== undefined) process.env.ELECTRON_RENDERER_URL = saved.rendererUrl;
});

describe('src/main/index.ts', () => {
  it('boots the core behind the IPC transport, serves the page, and stops on quit', async () => {
    resetElectronFake();
    app.isPackaged = true;
    delete process.env.ELECTRON_RENDERER_URL;
    Object.assign(process, { resourcesPath: '/Applications/Bulwark.app/Contents/Resources' });
    const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-shell-'));
    process.argv = [
      '/Applications/Bulwark.app/Contents/MacOS/Bulwark',
      '--seed',
      '7',
      '--log-level',
      'error',
      '--data-dir',
      dataDir,
    ];
    const before = new Set(process.listeners('unhandledRejection'));
    await import('../../src/main/index');
    const guard = process.listeners('unhandledRejection').find((l) => !before.has(l));
    expect(guard).toBeDefined();
    expect(app.lockRequested).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(0);

    app.becomeReady();
    await until(() => BrowserWindow.instances.length === 1);
    const win = BrowserWindow.instances[0]!;
    expect(win.loadedFile).toMatch(/\/renderer\/index\.html$/);
    expect(String(win.options.webPreferences?.preload)).toMatch(/\/preload\/index\.cjs$/);
    expect(Menu.applicationMenu).not.toBeNull();
    expect(session.defaultSession.checkPermission('media')).toBe(false);
    expect(win.webContents.tryNavigate('https://evil.example/')).toBe(false);

    const wc = win.webContents;
    const call = { type: 'call', id: 1, name: 'app.info', input: {} };
    ipcMain.receive(IPC_CHANNEL, wc, call, 'https://evil.example/');
    ipcMain.receive(IPC_CHANNEL, wc, call);
    await until(() => wc.sent.length > 0);
    expect(wc.sent).toHaveLength(1);
    expect(wc.sent[0]).toMatchObject({
      channel: IPC_CHANNEL,
      args: [{ type: 'result', id: 1, ok: true, value: { runtime: 'electron', broker: 'sim' } }],
    });

    // An unhandled rejection (called directly: emitting it would trip vitest's own handler)
    // greys the risk frame, is shown in a dialog and written to the log; the app stays up.
    const boxes: Array<{ title?: string; detail?: string }> = [];
    const showMessageBox = dialog.showMessageBox.bind(dialog);
    dialog.showMessageBox = ((opts: { title?: string; detail?: string }) => {
      boxes.push(opts);
      return showMessageBox();
    }) as typeof dialog.showMessageBox;
    const logs = join(dataDir, 'logs');
    await until(() => existsSync(logs) && readdirSync(logs).length > 0);
    ipcMain.receive(IPC_CHANNEL, wc, { type: 'subscribe', id: 2, stream: 'risk.frame' });
    guard!(new Error('nobody caught this'), Promise.resolve());
    const failed = () =>
      wc.sent.some((m) => {
        const msg = m.args[0] as { id?: number; data?: { failure?: string | null } };
        return msg.id === 2 && (msg.data?.failure ?? '').includes('nobody caught this');
      });
    await until(failed);
    dialog.showMessageBox = showMessageBox;
    expect(boxes).toMatchObject([{ title: 'Bulwark hit an unexpected error' }]);
    expect(boxes[0]?.detail).toMatch(/nobody caught this/);
    const logText = readdirSync(logs)
      .map((f) => readFileSync(join(logs, f), 'utf8'))
      .join('');
    expect(logText).toMatch(/"level":"error".*nobody caught this/);
    expect(app.exitCode).toBeNull();

    const tray = Tray.instances[0]!;
    await until(() => tray.contextMenu?.template[0]?.label === 'Simulator: connected');
    expect(tray.contextMenu?.template.map((i) => i.label)).toContain('Pause Simulator');

    app.quit();
    await until(() => app.reallyQuit);
    expect(tray.isDestroyed()).toBe(true);
    expect(win.isDestroyed()).toBe(true);
    expect(app.exitCode).toBeNull();
    process.off('unhandledRejection', guard!);
  }, 20_000);
});
