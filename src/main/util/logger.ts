/**
 * Logging: human-readable lines on stderr (stdout is reserved for what scripts parse, such as the
 * headless URL) and, once a data directory is known, structured JSON lines in a rotating file
 * (pino + pino-roll) that a trader can send after an incident. Secrets never reach either: fields
 * named like a secret and `token=` / `Bearer` values in any text are redacted first.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger as PinoLogger } from 'pino';
import roll from 'pino-roll';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/** A Logger that can also write files; what the two entry points create. */
export interface AppLogger extends Logger {
  /**
   * Adds the rotating JSON log in `dir` (created, user-only). Lines logged before this resolves
   * go to stderr only. Resolves with the current file's directory.
   */
  writeFilesTo(dir: string, rotation?: LogRotation): Promise<string>;
  /** Writes out anything buffered. Call before process.exit (file writes are synchronous). */
  flush(): void;
}

export interface LogRotation {
  /** Roll once a file reaches this size (pino-roll units: '10m', '512k'). */
  size: string;
  /** Old files kept beside the current one. */
  keep: number;
}

/** A new file every day or at 10 MB, keeping 9 old ones: at most ~100 MB of logs. */
export const LOG_ROTATION: LogRotation = { size: '10m', keep: 9 };
export const LOG_FILE_BASENAME = 'bulwark';

const SECRET_KEY = /token|passw(or)?d|secret|api[-_]?key|authori[sz]ation|cookie|credential/i;
const REDACTED = '[redacted]';

/** The text with every `token=…` query value and `Bearer …` credential blanked out. */
export function redactText(text: string): string {
  return text
    .replace(/([?&;\s]token=)[^&#\s"';]+/gi, `$1${REDACTED}`)
    .replace(/(Bearer\s+)[\w.~+/=-]+/gi, `$1${REDACTED}`);
}

export function redactFields(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = SECRET_KEY.test(k) ? REDACTED : typeof v === 'string' ? redactText(v) : v;
  }
  return out;
}

export function createLogger(
  minLevel: LogLevel = 'info',
  write: ((line: string) => void) | null = (line) => process.stderr.write(line),
): AppLogger {
  let file: PinoLogger<never, boolean> | null = null;
  let closeFile: (() => void) | null = null;
  const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LEVELS[level] < LEVELS[minLevel]) return;
    const msg = redactText(message);
    const clean = redactFields(fields);
    write?.(`${new Date().toISOString()} ${level.toUpperCase()} ${msg}${formatFields(clean)}\n`);
    file?.[level](clean ?? {}, msg);
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    async writeFilesTo(dir: string, rotation = LOG_ROTATION): Promise<string> {
      const logsDir = join(dir, 'logs');
      // Synchronous writes: a line logged just before a crash or process.exit is on disk.
      const stream = await roll({
        file: join(logsDir, LOG_FILE_BASENAME),
        size: rotation.size,
        frequency: 'daily',
        limit: { count: rotation.keep, removeOtherLogFiles: true },
        mkdir: true,
        sync: true,
        mode: 0o600,
      });
      chmodSync(logsDir, 0o700);
      closeFile?.();
      file = pino(
        {
          level: minLevel,
          base: { pid: process.pid },
          timestamp: pino.stdTimeFunctions.isoTime,
          formatters: { level: (label) => ({ level: label }) },
        },
        stream,
      );
      closeFile = () => stream.end();
      return logsDir;
    },
    flush() {
      file?.flush();
    },
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) => ` ${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`,
    )
    .join('');
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
