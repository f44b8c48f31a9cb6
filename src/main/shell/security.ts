/**
 * Everything that keeps web content in its box, in one place: no navigation away from our page,
 * no new windows, no webviews, no permissions. Installed for every web contents the app creates
 * (windows, devtools), before any of them loads. Written against the few Electron shapes it
 * uses, so the tests drive it with fakes.
 */
import type { Logger } from '../util/logger';

export interface GuardEvent {
  preventDefault(): void;
}

/** Electron's navigation event: an Event carrying the target `url`. */
export interface NavigationEvent extends GuardEvent {
  readonly url: string;
}

export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: GuardEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export interface SecurityPolicy {
  /** Our renderer page (shell/trusted-url.ts). */
  isTrustedUrl: (url: string) => boolean;
  /** Opens a link in the system browser (shell.openExternal); only https links get here. */
  openExternal: (url: string) => Promise<void>;
  log: Logger;
}

/** Hooks every web contents the app will create; call before the first window. */
export function installSecurity(
  app: {
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: GuardedWebContents) => void,
    ): unknown;
  },
  policy: SecurityPolicy,
): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy));
}

export function guardWebContents(contents: GuardedWebContents, policy: SecurityPolicy): void {
  const { isTrustedUrl, log } = policy;
  const keepOnOurPage = (kind: string) => (event: NavigationEvent) => {
    if (isTrustedUrl(event.url)) return;
    event.preventDefault();
    log.warn(`blocked ${kind}`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', keepOnOurPage('navigation'));
  contents.on('will-redirect', keepOnOurPage('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttps(url)) {
      policy.openExternal(url).catch((e: unknown) => {
        log.warn('could not open a link in the browser', { error: String(e) });
      });
    } else {
      log.warn('blocked a new window', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
}

/** The renderer asks for nothing: camera, notifications, clipboard reads, HID, ... all denied. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Only plain https links leave the app, and only to the system browser. */
export function isExternalHttps(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
