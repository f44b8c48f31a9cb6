/**
 * Last-resort handlers for errors nobody caught (`uncaughtException`, `unhandledRejection`).
 * Node's default would end the process; Bulwark instead logs the error, marks the risk frame
 * failed (every light grey, with the reason) and tells the user, and stays up: the screen then
 * says the numbers cannot be trusted rather than vanishing, and there is no order path yet that
 * a half-broken core could drive. Plain Node, so it is tested without Electron.
 */
import { errorMessage, type Logger } from './logger';

/** What the guards report to: the core, once it exists. */
export interface UnexpectedErrorSink {
  reportUnexpectedError(error: unknown, origin: string): void;
}

type GuardEvent = 'uncaughtException' | 'unhandledRejection';
type GuardListener = (error: unknown, origin?: unknown) => void;

/** What the guards need of `process` (an EventEmitter in tests). */
export interface ProcessLike {
  on(event: GuardEvent, listener: GuardListener): unknown;
  off(event: GuardEvent, listener: GuardListener): unknown;
}

export interface ProcessGuardOptions {
  log: Logger;
  /** The core; null before it is built (then only the log and the user hear of it). */
  sink: () => UnexpectedErrorSink | null;
  /** Tells the user (the shell's dialog); headless has only the log and the grey frame. */
  notify?: (title: string, message: string) => void;
  now?: () => number;
  /** One notice per this many ms at most, so a repeating error cannot flood the screen. */
  notifyEveryMs?: number;
  proc?: ProcessLike;
}

export const NOTIFY_EVERY_MS = 60_000;

/** Installs both handlers; returns a function that removes them. */
export function installProcessGuards(opts: ProcessGuardOptions): () => void {
  const proc: ProcessLike = opts.proc ?? process;
  const handle = unexpectedErrorHandler(opts);
  const onException: GuardListener = (error, origin) =>
    handle(error, typeof origin === 'string' ? origin : 'uncaughtException');
  const onRejection: GuardListener = (reason) => handle(reason, 'unhandledRejection');
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}

/** The handler itself: never throws, whatever its parts do. */
export function unexpectedErrorHandler(
  opts: Omit<ProcessGuardOptions, 'proc'>,
): (error: unknown, origin: string) => void {
  const now = opts.now ?? Date.now;
  const every = opts.notifyEveryMs ?? NOTIFY_EVERY_MS;
  let lastNotice = -Infinity;
  return (error, origin) => {
    attempt(() =>
      opts.log.error('uncaught error; Bulwark keeps running with the risk frame marked failed', {
        origin,
        error: errorMessage(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
    attempt(() => opts.sink()?.reportUnexpectedError(error, origin));
    if (!opts.notify || now() - lastNotice < every) return;
    lastNotice = now();
    attempt(() =>
      opts.notify?.(
        'Bulwark hit an unexpected error',
        `${errorMessage(error)}\n\nEvery risk light is grey until the next good frame. ` +
          'Bulwark keeps running; the details are in its log.',
      ),
    );
  };
}

function attempt(fn: () => void): void {
  try {
    fn();
  } catch {
    // Throwing from here would re-enter the handler; there is nowhere left to report to.
  }
}
