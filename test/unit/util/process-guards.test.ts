import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/util/logger';
import { installProcessGuards } from '../../../src/main/util/process-guards';

function recorder() {
  const logged: string[] = [];
  const reported: string[] = [];
  const notices: string[] = [];
  const log: Logger = {
    debug() {},
    info() {},
    warn() {},
    error: (m, f) => logged.push(`${m} ${String(f?.origin)} ${String(f?.error)}`),
  };
  const sink = {
    reportUnexpectedError: (e: unknown, origin: string) =>
      reported.push(`${origin}: ${(e as Error).message}`),
  };
  return { logged, reported, notices, log, sink };
}

describe('process guards', () => {
  it('keeps a real process running after an uncaught throw and an unhandled rejection', () => {
    const child = fileURLToPath(new URL('./fixtures/guarded-child.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', child], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.stderr).toMatch(/ERROR uncaught error.*origin=unhandledRejection/);
    expect(r.stderr).toMatch(/origin=uncaughtException error="thrown from a timer"/);
    expect(r.stdout.split('\n')).toEqual([
      'reported unhandledRejection: rejected nobody caught',
      'reported uncaughtException: thrown from a timer',
      'still running',
      '',
    ]);
    expect(r.status).toBe(0);
  }, 20_000);

  it('logs the error, marks the core failed and tells the user, at most once a minute', () => {
    const { logged, reported, notices, log, sink } = recorder();
    const proc = new EventEmitter();
    let now = 0;
    installProcessGuards({
      log,
      sink: () => sink,
      notify: (title, message) => notices.push(`${title}: ${message.split('\n')[0]}`),
      now: () => now,
      proc,
    });
    proc.emit('uncaughtException', new Error('one'), 'uncaughtException');
    now += 1_000;
    proc.emit('unhandledRejection', new Error('two'));
    now += 60_000;
    proc.emit('unhandledRejection', new Error('three'));
    expect(logged).toHaveLength(3);
    expect(reported).toEqual([
      'uncaughtException: one',
      'unhandledRejection: two',
      'unhandledRejection: three',
    ]);
    expect(notices).toEqual([
      'Bulwark hit an unexpected error: one',
      'Bulwark hit an unexpected error: three',
    ]);
  });

  it('still logs when there is no core yet, and survives a throwing core and dialog', () => {
    const { logged, log } = recorder();
    const proc = new EventEmitter();
    let core: { reportUnexpectedError(): void } | null = null;
    installProcessGuards({
      log,
      sink: () => core,
      notify: () => {
        throw new Error('no display');
      },
      proc,
    });
    proc.emit('unhandledRejection', 'a string reason');
    core = {
      reportUnexpectedError() {
        throw new Error('core broken too');
      },
    };
    expect(() => proc.emit('uncaughtException', new Error('x'), 'uncaughtException')).not.toThrow();
    expect(logged).toEqual([
      'uncaught error; Bulwark keeps running with the risk frame marked failed unhandledRejection a string reason',
      'uncaught error; Bulwark keeps running with the risk frame marked failed uncaughtException x',
    ]);
  });

  it('removes both handlers when uninstalled', () => {
    const { log, sink } = recorder();
    const proc = new EventEmitter();
    const uninstall = installProcessGuards({ log, sink: () => sink, proc });
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(
      2,
    );
    uninstall();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(
      0,
    );
  });
});
