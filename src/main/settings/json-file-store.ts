/**
 * A KeyValueStore in one JSON file (headless mode: `<data dir>/settings.json`). Writes go to a
 * temporary file in the same directory, are flushed to disk and renamed over the file, so a crash
 * or power cut leaves either the old document or the new one, never half of one.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../util/logger';
import type { KeyValueStore } from './key-value-store';

/** The document holds a live trading account id: only the user may read it. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export function jsonFileStore(path: string): KeyValueStore {
  return {
    where: path,
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw new Error(`Cannot read ${path}: ${errorMessage(e)}`, { cause: e });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        throw new Error(`${path} is not valid JSON: ${errorMessage(e)}`, { cause: e });
      }
    },
    write(value) {
      writeAtomically(path, `${JSON.stringify(value, null, 2)}\n`);
    },
  };
}

function writeAtomically(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  // Same directory, so the rename never crosses a file system; pid and time keep two writers apart.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', FILE_MODE);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`Cannot save ${path}: ${errorMessage(e)}`, { cause: e });
  }
  syncDirectory(dir);
}

/** Makes the rename itself durable; not every platform can open a directory, which is fine. */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT';
}
