/**
 * The app's life from launch to exit, written against the few Electron app calls it needs and
 * factories for the rest, so every path is tested without Electron:
 *
 * - bad flags: an error dialog, exit 2. --help: usage on stdout, exit 0.
 * - a second instance: quits at once, before any core exists; the first one shows its window.
 * - ready: core, IPC transport, UI (window, tray, menu), then core.start(). If building or
 *   starting the core fails, the error is shown in a dialog and the app shuts down with exit
 *   code 1: a workstation whose core is not running would only show empty or frozen numbers.
 * - quit (menu, tray, Cmd+Q, last window closed off macOS, SIGINT, SIGTERM): the first quit is
 *   held back while the transport closes, the core stops (draining its publications and the
 *   broker) and the UI goes; then the app really quits. A deadline forces exit if that hangs.
 */
import type { ArgsResult } from '../cli-args';
import type { CoreConfig } from '../config';
import type { Clock } from '../util/clock';
import { errorMessage, type Logger } from '../util/logger';

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;
export const SHUTDOWN_DEADLINE_MS = 5_000;

export interface QuitEvent {
  preventDefault(): void;
}

/** The part of Electron's `app` the lifecycle drives. */
export interface LifecycleApp {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: QuitEvent) => void): unknown;
  quit(): void;
  exit(code: number): void;
}

export interface LifecycleCore {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ShellUi {
  /** Shows the main window, creating it if it was closed. */
  showWindow(): void;
  /** Removes the tray and closes windows. */
  dispose(): void;
}

export interface LifecycleDeps<C extends LifecycleCore> {
  app: LifecycleApp;
  platform: NodeJS.Platform;
  args: ArgsResult;
  usage: string;
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  log: Logger;
  createCore(config: CoreConfig, log: Logger): C;
  createTransport(core: C, log: Logger): { close(): void };
  createUi(core: C, log: Logger): ShellUi;
  /** A native error dialog (dialog.showErrorBox). */
  showError(title: string, message: string): void;
  writeStdout(text: string): void;
  signals: { on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
  shutdownDeadlineMs?: number;
}

export interface Lifecycle {
  /** Settles once start-up has finished or given up; never rejects. */
  readonly started: Promise<void>;
  /** The exit code, once the lifecycle has handed the process back (quit or exit). */
  readonly finished: Promise<number>;
  /** The same graceful path as a quit from the menu. */
  shutdown(code?: number): Promise<void>;
}

type Phase = 'starting' | 'running' | 'stopping' | 'stopped';

export function runLifecycle<C extends LifecycleCore>(deps: LifecycleDeps<C>): Lifecycle {
  const { app, args } = deps;
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    let done = false;
    finish = (code) => {
      if (done) return;
      done = true;
      resolve(code);
    };
  });
  const exitNow = (code: number) => {
    app.exit(code);
    finish(code);
  };
  const idle = (): Lifecycle => ({
    started: Promise.resolve(),
    finished,
    shutdown: () => Promise.resolve(),
  });

  if (!args.ok) {
    deps.showError('Bulwark: invalid options', `${args.problems.join('\n')}\n\n${deps.usage}`);
    exitNow(EXIT_USAGE);
    return idle();
  }
  if (args.value.help) {
    deps.writeStdout(`${deps.usage}\n`);
    exitNow(0);
    return idle();
  }
  if (!app.requestSingleInstanceLock()) {
    // Another Bulwark owns the broker connection; it was told to show its window.
    app.quit();
    finish(0);
    return idle();
  }

  const { log } = deps;
  let phase: Phase = 'starting';
  let core: C | null = null;
  let transport: { close(): void } | null = null;
  let ui: ShellUi | null = null;
  let stopping: Promise<void> | null = null;

  const shutdown = (code = 0): Promise<void> => {
    stopping ??= (async () => {
      phase = 'stopping';
      log.info('shutting down');
      const ms = deps.shutdownDeadlineMs ?? SHUTDOWN_DEADLINE_MS;
      // Armed until the process ends: it also covers the final quit. Unref'd, it never keeps a
      // process alive by itself (Electron's lifetime is the app's, not Node's event loop).
      const deadline = deps.clock.setTimeout(() => {
        log.error('shutdown took too long; forcing exit', { ms });
        exitNow(EXIT_FAILURE);
      }, ms);
      deadline.unref?.();
      let exitCode = code;
      try {
        transport?.close();
        await core?.stop();
      } catch (e) {
        log.error('the core did not stop cleanly', { error: errorMessage(e) });
        exitCode = exitCode || EXIT_FAILURE;
      }
      try {
        ui?.dispose();
      } catch (e) {
        log.error('the UI did not close cleanly', { error: errorMessage(e) });
      }
      phase = 'stopped';
      if (exitCode === 0) {
        // A real quit lets Chromium flush the renderer's storage; before-quit now passes.
        app.quit();
        finish(0);
      } else {
        exitNow(exitCode);
      }
    })();
    return stopping;
  };

  app.on('second-instance', () => ui?.showWindow());
  app.on('activate', () => ui?.showWindow());
  app.on('window-all-closed', () => {
    // macOS apps live on in the dock and the menu bar; elsewhere the last window ends the app.
    if (deps.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    void shutdown();
  });
  deps.signals.on('SIGINT', () => void shutdown());
  deps.signals.on('SIGTERM', () => void shutdown());

  const fail = (what: string, e: unknown) => {
    if (phase !== 'starting' && phase !== 'running') return; // stopping anyway: not an error
    log.error(what, { error: errorMessage(e) });
    deps.showError(what, `${errorMessage(e)}\n\nBulwark will quit.`);
    void shutdown(EXIT_FAILURE);
  };

  const started = (async () => {
    await app.whenReady();
    if (phase !== 'starting') return;
    try {
      core = deps.createCore(args.value.core, log);
      transport = deps.createTransport(core, log);
      ui = deps.createUi(core, log);
      ui.showWindow();
    } catch (e) {
      fail('Bulwark could not start', e);
      return;
    }
    phase = 'running';
    try {
      await core.start();
    } catch (e) {
      fail('Bulwark could not start its core', e);
    }
  })();

  return { started, finished, shutdown };
}
