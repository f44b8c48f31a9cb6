/**
 * A stand-in for the 'electron' module in the shell tests (vitest's 'shell' project aliases
 * 'electron' to this file). Fakes that record what the code did and let a test play Electron's
 * part (emit events, answer a lock request); no mocking library. Import it in a test as
 * `../fakes/electron` to reach the recordings: it is the same module instance the code under
 * test gets. Call resetElectronFake() before each test.
 */

type Listener = (...args: never[]) => void;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string, listener: Listener): this {
    const wrapper = (...args: never[]) => {
      this.removeListener(event, wrapper);
      listener(...args);
    };
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  removeAllListeners(event?: string): this {
    if (event === undefined) this.listeners.clear();
    else this.listeners.delete(event);
    return this;
  }

  /** Plays Electron's part: calls the listeners with these arguments. */
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const l of [...listeners]) (l as (...a: unknown[]) => void)(...args);
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** Electron's Event: preventDefault plus the event's own fields. */
export type FakeEvent<P extends object = object> = P & {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
};

export function fakeEvent<P extends object>(params: P = {} as P): FakeEvent<P> {
  let prevented = false;
  const event = {
    ...params,
    preventDefault() {
      prevented = true;
    },
  };
  Object.defineProperty(event, 'defaultPrevented', { get: () => prevented, enumerable: true });
  return event as FakeEvent<P>;
}

// ---------------------------------------------------------------------------------------------
// main process

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: unknown,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  headersReceivedListener: ((...args: unknown[]) => void) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: (...args: never[]) => void) => {
      this.headersReceivedListener = listener as (...args: unknown[]) => void;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: ((...args: never[]) => boolean) | null): void {
    this.permissionCheckHandler = handler as ((...args: unknown[]) => boolean) | null;
  }

  /** Asks the installed request handler, as Chromium would; resolves with its answer. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true); // Electron's default is to grant
    return new Promise((resolve) => handler(null, permission, resolve, {}));
  }

  checkPermission(permission: string): boolean {
    return this.permissionCheckHandler
      ? this.permissionCheckHandler(null, permission, '', {})
      : true;
  }
}

export const session = { defaultSession: new FakeSession() };

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly session = session.defaultSession;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  url = '';
  devToolsOpened = false;
  private destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** What window.open(url) would get: 'allow' or 'deny' (Electron allows when no handler). */
  openWindow(url: string): string {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }).action : 'allow';
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  openDevTools(): void {
    this.devToolsOpened = true;
  }

  /** Plays a navigation attempt; returns true if the app let it happen. */
  tryNavigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = fakeEvent({ url, isMainFrame: true, isSameDocument: false });
    this.emit(event, e, url);
    if (!e.defaultPrevented) this.url = url;
    return !e.defaultPrevented;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeApp extends FakeEmitter {
  name = 'Bulwark';
  isPackaged = false;
  /** What requestSingleInstanceLock() answers. */
  gotSingleInstanceLock = true;
  lockRequested = false;
  quitCalls = 0;
  /** Set once a quit was not prevented by a before-quit listener: the app really quit. */
  reallyQuit = false;
  exitCode: number | null = null;
  readonly dock = { icon: null as string | null, setIcon: (p: string) => (this.dock.icon = p) };
  private ready = false;
  private resolveReady: () => void = () => {};
  private readyPromise = this.newReadyPromise();

  requestSingleInstanceLock(): boolean {
    this.lockRequested = true;
    return this.gotSingleInstanceLock;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Plays Electron finishing its start-up. */
  becomeReady(): void {
    this.ready = true;
    this.emit('ready', fakeEvent());
    this.resolveReady();
  }

  /** Like Electron: emits before-quit; quits unless a listener prevents it. */
  quit(): void {
    this.quitCalls++;
    const e = fakeEvent();
    this.emit('before-quit', e);
    if (!e.defaultPrevented) this.reallyQuit = true;
  }

  /** Like Electron: ends at once, without before-quit. */
  exit(code = 0): void {
    this.exitCode ??= code;
  }

  getPath(name: string): string {
    return `/tmp/bulwark-fake-electron/${name}`;
  }

  getAppPath(): string {
    return '/tmp/bulwark-fake-electron/app';
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return '0.0.0-test';
  }

  reset(): void {
    this.removeAllListeners();
    this.name = 'Bulwark';
    this.isPackaged = false;
    this.gotSingleInstanceLock = true;
    this.lockRequested = false;
    this.quitCalls = 0;
    this.reallyQuit = false;
    this.exitCode = null;
    this.dock.icon = null;
    this.ready = false;
    this.readyPromise = this.newReadyPromise();
  }

  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => (this.resolveReady = resolve));
  }
}

export const app = new FakeApp();

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];
  /** When set, loadURL and loadFile reject with it (as Electron does when a load fails). */
  static loadError: Error | null = null;

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.isDestroyed());
  }

  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  visible = false;
  focusCount = 0;
  minimized = false;
  private destroyed = false;

  constructor(
    readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> } = {},
  ) {
    super();
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
    app.emit('browser-window-created', fakeEvent(), this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return BrowserWindow.loadError ? Promise.reject(BrowserWindow.loadError) : Promise.resolve();
  }

  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.url = `file://${path}`;
    return BrowserWindow.loadError ? Promise.reject(BrowserWindow.loadError) : Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {
    this.focusCount++;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like a click on the close button: 'close' can be prevented, then the window goes. */
  close(): void {
    const e = fakeEvent();
    this.emit('close', e);
    if (!e.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }
}

export class FakeIpcMain extends FakeEmitter {
  /** Plays a renderer frame sending `message` on `channel`. */
  receive(channel: string, sender: FakeWebContents, message: unknown, frameUrl = sender.url): void {
    this.emit(channel, { sender, senderFrame: { url: frameUrl } }, message);
  }
}

export const ipcMain = new FakeIpcMain();

export class FakeNativeImage {
  template = false;
  constructor(
    readonly path: string | null,
    private readonly empty = false,
  ) {}

  setTemplateImage(value: boolean): void {
    this.template = value;
  }

  isTemplateImage(): boolean {
    return this.template;
  }

  isEmpty(): boolean {
    return this.empty;
  }

  resize(): FakeNativeImage {
    return this;
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new FakeNativeImage(path),
  createEmpty: () => new FakeNativeImage(null, true),
};

export interface FakeMenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  click?: (...args: unknown[]) => void;
  submenu?: FakeMenuItem[];
}

export class Menu {
  /** Every template passed to buildFromTemplate, in order. */
  static built: FakeMenuItem[][] = [];
  static applicationMenu: Menu | null = null;

  constructor(readonly template: FakeMenuItem[]) {}

  static buildFromTemplate(template: FakeMenuItem[]): Menu {
    Menu.built.push(template);
    return new Menu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return Menu.applicationMenu;
  }
}

export class Tray extends FakeEmitter {
  static instances: Tray[] = [];
  contextMenu: Menu | null = null;
  toolTip = '';
  private destroyed = false;

  constructor(readonly image: FakeNativeImage | string) {
    super();
    Tray.instances.push(this);
  }

  setContextMenu(menu: Menu | null): void {
    this.contextMenu = menu;
  }

  setToolTip(text: string): void {
    this.toolTip = text;
  }

  setTitle(): void {}

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export const dialog = {
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
  showMessageBox(): Promise<{ response: number; checkboxChecked: boolean }> {
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

// ---------------------------------------------------------------------------------------------
// preload

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    if (Object.hasOwn(contextBridge.exposed, key)) throw new Error(`"${key}" is already exposed`);
    contextBridge.exposed[key] = api;
  },
};

export class FakeIpcRenderer extends FakeEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  /** Plays the main process sending `message` on `channel` to this page. */
  deliver(channel: string, message: unknown): void {
    this.emit(channel, fakeEvent(), message);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

/** Forget everything recorded; call before each test. */
export function resetElectronFake(): void {
  app.reset();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.sent.length = 0;
  session.defaultSession = new FakeSession();
  BrowserWindow.instances = [];
  BrowserWindow.loadError = null;
  Tray.instances = [];
  Menu.built = [];
  Menu.applicationMenu = null;
  dialog.errorBoxes.length = 0;
  shell.opened.length = 0;
  contextBridge.exposed = {};
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  session,
  shell,
  Tray,
};
