/**
 * The one main window. Sandboxed renderer, isolated context, no Node: the page reaches the core
 * only through window.bulwark (src/preload). Closing it on macOS leaves the app running;
 * show() brings it back or builds a new one.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { errorMessage, type Logger } from '../util/logger';

/** The page to load: the dev server in development, the built index.html otherwise. */
export type RendererSource = { kind: 'url'; url: string } | { kind: 'file'; path: string };

export interface MainWindowOptions {
  preloadPath: string;
  source: RendererSource;
  /** App icon for platforms that take it from the window (Linux); macOS uses the bundle's. */
  iconPath?: string;
  log: Logger;
}

/** Dark, like the renderer's own background, so nothing flashes white before first paint. */
export const WINDOW_BACKGROUND = '#0d1117';

export function mainWindowOptions(
  preloadPath: string,
  iconPath?: string,
): BrowserWindowConstructorOptions {
  return {
    title: 'Bulwark',
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    ...(iconPath !== undefined ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  };
}

export class MainWindow {
  private window: BrowserWindow | null = null;

  constructor(private readonly options: MainWindowOptions) {}

  /** Shows and focuses the window, building it first if there is none. */
  show(): void {
    const existing = this.current();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    this.window = this.create();
  }

  /** The live window, if any. */
  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  destroy(): void {
    this.current()?.destroy();
    this.window = null;
  }

  private create(): BrowserWindow {
    const { preloadPath, iconPath, source, log } = this.options;
    const win = new BrowserWindow(mainWindowOptions(preloadPath, iconPath));
    win.once('ready-to-show', () => {
      win.show();
      win.focus();
    });
    win.on('closed', () => {
      if (this.window === win) this.window = null;
    });
    const loading = source.kind === 'url' ? win.loadURL(source.url) : win.loadFile(source.path);
    loading.catch((e: unknown) => {
      log.error('the window could not load the renderer', { error: errorMessage(e) });
      // Never leave a hidden window behind: the app would look like it did not start.
      if (!win.isDestroyed()) win.show();
    });
    return win;
  }
}
