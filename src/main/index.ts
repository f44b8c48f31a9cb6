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
import { resolveAppPaths, userArgv, withDataDir } from './shell/app-paths';
import { runLifecycle } from './shell/lifecycle';
import { installAppMenu } from './shell/menu';
import { guardSession, installSecurity } from './shell/security';
import { AppTray } from './shell/tray';
import { isTrustedRendererUrl } from './shell/trusted-url';
import { MainWindow, type RendererSource } from './shell/window';
import { systemClock } from './util/clock';
import { ensureDataDir } from './util/data-dir';
import { createLogger, errorMessage } from './util/logger';
import { installProcessGuards } from './util/process-guards';

const args = withDataDir(
  parseLaunchArgs(userArgv(process.argv, process.defaultApp === true), 'electron', false),
  app.getPath('userData'),
);
const log = createLogger(args.ok ? args.value.logLevel : 'info');
// Started before Electron is ready so the file catches start-up; writes are synchronous once
// attached, so nothing is lost on app.exit(). A dir that cannot be made fails in createCore.
const dataDir = args.ok ? args.value.core.dataDir : null;
if (dataDir !== null) {
  try {
    log.writeFilesTo(ensureDataDir(dataDir)).then(
      (logs) => log.info('data directory', { dir: dataDir, logs }),
      (e: unknown) => log.warn('cannot write log files', { dir: dataDir, error: errorMessage(e) }),
    );
  } catch (e) {
    log.error('cannot create the data directory', { dir: dataDir, error: errorMessage(e) });
  }
}
let running: Core | null = null;
// An error nobody caught greys every light and is shown; the app stays up (process-guards.ts).
installProcessGuards({
  log,
  sink: () => running,
  notify: (title, detail) =>
    void dialog.showMessageBox({ type: 'error', title, message: title, detail, buttons: ['OK'] }),
});
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
  createCore: (config, coreLog) => {
    // Before the core: a data dir that cannot be made is a start-up failure, shown in a dialog.
    if (config.dataDir !== null) ensureDataDir(config.dataDir);
    running = new Core(config, {
      clock: systemClock,
      log: coreLog,
      riskRunner: builtWorker(import.meta.url),
    });
    return running;
  },
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
