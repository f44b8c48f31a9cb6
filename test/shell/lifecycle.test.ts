import { beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, dialog, FakeEmitter, resetElectronFake } from '../fakes/electron';
import { FakeClock } from '../fakes/fake-clock';
import { parseLaunchArgs, type ArgsResult } from '../../src/main/cli-args';
import {
  EXIT_FAILURE,
  EXIT_USAGE,
  runLifecycle,
  SHUTDOWN_DEADLINE_MS,
  type Lifecycle,
} from '../../src/main/shell/lifecycle';
import { MainWindow } from '../../src/main/shell/window';
import { silentLogger } from '../../src/main/util/logger';

function deferred() {
  let resolve: () => void = () => {};
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

class FakeCore {
  readonly starting = deferred();
  readonly stopping = deferred();
  stopCalls = 0;

  constructor(private readonly timeline: string[]) {}

  start(): Promise<void> {
    this.timeline.push('core.start');
    return this.starting.promise;
  }

  stop(): Promise<void> {
    this.stopCalls++;
    this.timeline.push('core.stop');
    return this.stopping.promise.then(() => {
      this.timeline.push('core.stopped');
    });
  }
}

interface Harness {
  lifecycle: Lifecycle;
  timeline: string[];
  cores: FakeCore[];
  clock: FakeClock;
  signals: FakeEmitter;
  stdout: string[];
  window: () => BrowserWindow | undefined;
}

function launch(
  options: {
    args?: ArgsResult;
    platform?: NodeJS.Platform;
    createCore?: () => FakeCore;
  } = {},
): Harness {
  const timeline: string[] = [];
  const cores: FakeCore[] = [];
  const clock = new FakeClock();
  const signals = new FakeEmitter();
  const stdout: string[] = [];
  const lifecycle = runLifecycle({
    app,
    platform: options.platform ?? 'darwin',
    args: options.args ?? parseLaunchArgs([], 'electron', false),
    usage: 'Usage: bulwark [options]',
    clock,
    log: silentLogger,
    createCore: () => {
      const core = options.createCore?.() ?? new FakeCore(timeline);
      cores.push(core);
      timeline.push('core.created');
      return core;
    },
    createTransport: () => {
      timeline.push('transport.open');
      return { close: () => timeline.push('transport.close') };
    },
    createUi: () => {
      const window = new MainWindow({
        preloadPath: '/app/out/preload/index.cjs',
        source: { kind: 'file', path: '/app/out/renderer/index.html' },
        log: silentLogger,
      });
      timeline.push('ui.created');
      return {
        showWindow: () => window.show(),
        dispose: () => {
          timeline.push('ui.dispose');
          window.destroy();
        },
      };
    },
    showError: (title, message) => dialog.showErrorBox(title, message),
    writeStdout: (text) => stdout.push(text),
    signals,
  });
  const window = () => BrowserWindow.instances.at(-1);
  return { lifecycle, timeline, cores, clock, signals, stdout, window };
}

async function launchReady(options: Parameters<typeof launch>[0] = {}): Promise<Harness> {
  const h = launch(options);
  app.becomeReady();
  await settle();
  return h;
}

describe('app lifecycle', () => {
  beforeEach(() => resetElectronFake());

  it('on bad flags shows an error dialog and exits with the usage code, starting nothing', async () => {
    const h = launch({ args: parseLaunchArgs(['--speed', 'fast'], 'electron', false) });
    expect(await h.lifecycle.finished).toBe(EXIT_USAGE);
    expect(app.exitCode).toBe(EXIT_USAGE);
    expect(dialog.errorBoxes).toHaveLength(1);
    expect(dialog.errorBoxes[0]!.content).toContain('--speed');
    expect(dialog.errorBoxes[0]!.content).toContain('Usage: bulwark');
    expect(app.lockRequested).toBe(false);
    app.becomeReady();
    await settle();
    expect(h.cores).toHaveLength(0);
  });

  it('--help prints the usage and exits 0', async () => {
    const h = launch({ args: parseLaunchArgs(['--help'], 'electron', false) });
    expect(await h.lifecycle.finished).toBe(0);
    expect(h.stdout.join('')).toContain('Usage: bulwark');
    expect(h.cores).toHaveLength(0);
  });

  it('a second instance (lock not acquired) quits without creating a core', async () => {
    app.gotSingleInstanceLock = false;
    const h = launch();
    expect(app.reallyQuit).toBe(true);
    app.becomeReady();
    await settle();
    expect(h.cores).toHaveLength(0);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(await h.lifecycle.finished).toBe(0);
  });

  it('on ready creates the core, the transport and the UI, shows the window and starts the core', async () => {
    const h = await launchReady();
    expect(h.timeline).toEqual(['core.created', 'transport.open', 'ui.created', 'core.start']);
    expect(h.window()).toBeDefined();
  });

  it('waits for ready before creating anything', async () => {
    const h = launch();
    await settle();
    expect(h.timeline).toEqual([]);
  });

  it('a second-instance launch focuses the existing window', async () => {
    const h = await launchReady();
    const win = h.window()!;
    win.minimize();
    const focused = win.focusCount;
    app.emit('second-instance', {}, [], '/');
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(win.isMinimized()).toBe(false);
    expect(win.focusCount).toBe(focused + 1);
  });

  it('on macOS closing the window keeps the app and the core running; activate reopens it', async () => {
    const h = await launchReady({ platform: 'darwin' });
    h.window()!.close();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);
    expect(h.cores[0]!.stopCalls).toBe(0);
    app.emit('activate', {}, false);
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('elsewhere closing the last window quits through the graceful path', async () => {
    const h = await launchReady({ platform: 'linux' });
    h.window()!.close();
    app.emit('window-all-closed');
    expect(h.cores[0]!.stopCalls).toBe(1);
    expect(app.reallyQuit).toBe(false);
    h.cores[0]!.stopping.resolve();
    expect(await h.lifecycle.finished).toBe(0);
    expect(app.reallyQuit).toBe(true);
  });

  it('before-quit holds the quit until the transport is closed and core.stop has finished', async () => {
    const h = await launchReady();
    h.cores[0]!.starting.resolve();
    app.quit();
    await settle();
    expect(app.reallyQuit).toBe(false);
    expect(h.timeline.slice(-2)).toEqual(['transport.close', 'core.stop']);
    expect(h.window()!.isDestroyed()).toBe(false);

    h.cores[0]!.stopping.resolve();
    expect(await h.lifecycle.finished).toBe(0);
    expect(app.reallyQuit).toBe(true);
    expect(app.exitCode).toBeNull();
    expect(h.timeline.slice(-4)).toEqual([
      'transport.close',
      'core.stop',
      'core.stopped',
      'ui.dispose',
    ]);
    expect(h.window()!.isDestroyed()).toBe(true);
  });

  it('quitting again while stopping does not stop the core twice', async () => {
    const h = await launchReady();
    app.quit();
    app.quit();
    h.signals.emit('SIGINT');
    h.cores[0]!.stopping.resolve();
    await h.lifecycle.finished;
    expect(h.cores[0]!.stopCalls).toBe(1);
  });

  it('cuts off a hung core.stop at the deadline and exits with a failure code', async () => {
    const h = await launchReady();
    app.quit();
    await settle();
    h.clock.advance(SHUTDOWN_DEADLINE_MS - 1);
    expect(app.exitCode).toBeNull();
    h.clock.advance(1);
    expect(app.exitCode).toBe(EXIT_FAILURE);
    expect(await h.lifecycle.finished).toBe(EXIT_FAILURE);
  });

  it('SIGTERM and SIGINT take the same graceful path', async () => {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      resetElectronFake();
      const h = await launchReady();
      h.signals.emit(signal);
      await settle();
      expect(h.timeline.slice(-2)).toEqual(['transport.close', 'core.stop']);
      h.cores[0]!.stopping.resolve();
      expect(await h.lifecycle.finished).toBe(0);
      expect(app.reallyQuit).toBe(true);
    }
  });

  it('a signal before ready quits without ever creating a core', async () => {
    const h = launch();
    h.signals.emit('SIGTERM');
    expect(await h.lifecycle.finished).toBe(0);
    app.becomeReady();
    await settle();
    expect(h.cores).toHaveLength(0);
  });

  it('if the core fails to start: error dialog, core stopped, exit code 1', async () => {
    const h = await launchReady();
    h.cores[0]!.starting.reject(new Error('TWS refused the connection'));
    h.cores[0]!.stopping.resolve();
    expect(await h.lifecycle.finished).toBe(EXIT_FAILURE);
    expect(app.exitCode).toBe(EXIT_FAILURE);
    expect(dialog.errorBoxes[0]!.content).toContain('TWS refused the connection');
    expect(h.timeline).toContain('core.stopped');
    expect(h.timeline).toContain('transport.close');
  });

  it('if the core cannot even be built: error dialog and exit code 1, no window', async () => {
    const h = await launchReady({
      createCore: () => {
        throw new Error('The Interactive Brokers connection is not built yet');
      },
    });
    expect(await h.lifecycle.finished).toBe(EXIT_FAILURE);
    expect(dialog.errorBoxes[0]!.content).toContain('not built yet');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('a start failure caused by quitting during start-up is not reported as an error', async () => {
    const h = await launchReady();
    app.quit();
    h.cores[0]!.starting.reject(new Error('stopped while connecting'));
    h.cores[0]!.stopping.resolve();
    expect(await h.lifecycle.finished).toBe(0);
    expect(dialog.errorBoxes).toHaveLength(0);
  });
});
