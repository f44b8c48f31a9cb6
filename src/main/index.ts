/**
 * The Electron composition root: the core (core.ts) behind the IPC transport, one sandboxed
 * window, the tray and the menu. Every decision lives in a tested module under shell/; this file
 * only connects them to the real Electron objects.
 */
import { join } from 'node:path';
import { app, dialog, ipcMain, session, shell } from 'electron';
import { IpcTransport } from './api/ipc-transport';
import { parseLaunchArgs, USAGE } from './cli-args';
import { Core } from './core';
import { builtWorker } from './risk/worker/heavy-runner';
import { resolveAppPaths, userArgv } from './shell/app-paths';
import { runLifecycle } from './shell/lifecycle';
import { installAppMenu } from './shell/menu';
import { guardSession, installSecurity } from './shell/security';
import { AppTray } from './shell/tray';
import { isTrustedRendererUrl } from './shell/trusted-url';
import { MainWindow, type RendererSource } from './shell/window';
import { systemClock } from './util/clock';
import { createLogger } from './util/logger';

const args = parseLaunchArgs(
  userArgv(process.argv, process.defaultApp === true),
  'electron',
  false,
);
const log = createLogger(args.ok ? args.value.logLevel : 'info');
const platform = process.platform;
const paths = resolveAppPaths({
  mainModuleUrl: import.meta.url,
  isPackaged: app.isPackaged,
  rendererUrlEnv: process.env.ELECTRON_RENDERER_URL,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
});
const isTrustedUrl = (url: string) => isTrustedRendererUrl(url, paths.pages);
const source: RendererSource = paths.pages.devServerUrl
  ? { kind: 'url', url: paths.pages.devServerUrl }
  : { kind: 'file', path: paths.indexHtml };
const appIcon = join(paths.resourcesDir, 'icon.png');

// Before any web contents exists, so none escapes the rules.
installSecurity(app, { isTrustedUrl, openExternal: (url) => shell.openExternal(url), log });

runLifecycle({
  app,
  platform,
  args,
  usage: USAGE,
  clock: systemClock,
  log,
  createCore: (config, coreLog) =>
    new Core(config, {
      clock: systemClock,
      log: coreLog,
      riskRunner: builtWorker(import.meta.url),
    }),
  createTransport: (core, transportLog) =>
    new IpcTransport(core.api, ipcMain, isTrustedUrl, transportLog),
  createUi: (core, uiLog) => {
    guardSession(session.defaultSession);
    installAppMenu({ platform, isPackaged: app.isPackaged, appName: app.name });
    if (platform === 'darwin' && !app.isPackaged) app.dock?.setIcon(appIcon);
    const window = new MainWindow({
      preloadPath: paths.preload,
      source,
      ...(platform === 'linux' ? { iconPath: appIcon } : {}),
      log: uiLog,
    });
    const tray = new AppTray({
      core,
      actions: { showWindow: () => window.show(), quit: () => app.quit() },
      resourcesDir: paths.resourcesDir,
      platform,
      log: uiLog,
    });
    return {
      showWindow: () => window.show(),
      dispose: () => {
        tray.destroy();
        window.destroy();
      },
    };
  },
  showError: (title, message) => dialog.showErrorBox(title, message),
  writeStdout: (text) => process.stdout.write(text),
  signals: process,
});
