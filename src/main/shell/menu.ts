/**
 * The application menu. Mostly standard roles: the Edit roles are what make copy, paste and
 * undo work in the renderer's inputs on macOS. Reload and developer tools exist only in
 * development builds; a packaged app cannot be reloaded into a half-subscribed state by a stray
 * Cmd+R.
 *
 * App commands (Orders → Simulate) live in the renderer's command registry, which also owns
 * their keyboard shortcuts. The menu shows the accelerator without registering it, so the key
 * press reaches the renderer as in a browser; a click on the item presses that key in the
 * focused page. The preload stays the contract and nothing else.
 */
import {
  Menu,
  type BaseWindow,
  type KeyboardInputEvent,
  type MenuItemConstructorOptions,
} from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
}

/** The key presses that run the renderer's `orders.simulate` command (Cmd/Ctrl+Shift+S). */
export function simulateKeyEvents(platform: NodeJS.Platform): KeyboardInputEvent[] {
  const modifiers: KeyboardInputEvent['modifiers'] =
    platform === 'darwin' ? ['meta', 'shift'] : ['control', 'shift'];
  return [
    { type: 'keyDown', keyCode: 'S', modifiers },
    { type: 'keyUp', keyCode: 'S', modifiers },
  ];
}

interface KeyTarget {
  webContents: { sendInputEvent(event: KeyboardInputEvent): void; isDestroyed(): boolean };
}

/** A page that leaves the key unhandled (its crash screen) may hand it back to the menu on
 * macOS: a second click this soon after our own key press is that echo, not the trader. */
const ECHO_MS = 500;
let lastPress = -Infinity;

function pressIn(
  win: BaseWindow | KeyTarget | undefined,
  events: KeyboardInputEvent[],
  now = Date.now(),
): void {
  if (!win || !('webContents' in win) || now - lastPress < ECHO_MS) return;
  const wc = win.webContents;
  if (wc.isDestroyed()) return;
  lastPress = now;
  for (const e of events) wc.sendInputEvent(e);
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [{ label: 'File', submenu: [{ role: 'quit' }] }];
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ];
  return [
    ...appMenu,
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Orders',
      submenu: [
        {
          label: 'Simulate',
          accelerator: 'CmdOrCtrl+Shift+S',
          registerAccelerator: false,
          click: (_item, win) => pressIn(win, simulateKeyEvents(options.platform)),
        },
      ],
    },
    {
      role: 'windowMenu',
    },
  ];
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}
