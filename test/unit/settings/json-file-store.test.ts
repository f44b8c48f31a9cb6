import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonFileStore } from '../../../src/main/settings/json-file-store';
import { memoryStore } from '../../../src/main/settings/key-value-store';
import { filesIn, tempDir } from './helpers';

describe('jsonFileStore', () => {
  it('reads undefined when nothing was stored, and creates no file by reading', () => {
    const dir = tempDir();
    const store = jsonFileStore(join(dir, 'settings.json'));
    expect(store.read()).toBeUndefined();
    expect(filesIn(dir)).toEqual([]);
    expect(store.where).toBe(join(dir, 'settings.json'));
  });

  it('writes the document as JSON a person can read, and reads it back', () => {
    const path = join(tempDir(), 'settings.json');
    const store = jsonFileStore(path);
    store.write({ a: 1, b: { c: [true, null] } });
    expect(store.read()).toEqual({ a: 1, b: { c: [true, null] } });
    expect(readFileSync(path, 'utf8')).toBe(
      '{\n  "a": 1,\n  "b": {\n    "c": [\n      true,\n      null\n    ]\n  }\n}\n',
    );
  });

  it('creates missing folders, keeps the file user-only and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'deep', 'er', 'settings.json');
    const store = jsonFileStore(path);
    store.write({ n: 1 });
    store.write({ n: 2 });
    expect(filesIn(join(dir, 'deep', 'er'))).toEqual(['settings.json']);
    expect(store.read()).toEqual({ n: 2 });
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'deep')).mode & 0o777).toBe(0o700);
    }
  });

  it('makes an existing readable-by-all file user-only when it replaces it', () => {
    const path = join(tempDir(), 'settings.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o644);
    jsonFileStore(path).write({ n: 1 });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('throws, naming the file, on text that is not JSON', () => {
    const path = join(tempDir(), 'settings.json');
    writeFileSync(path, '{ "version": 1, ');
    expect(() => jsonFileStore(path).read()).toThrow(`${path} is not valid JSON`);
  });

  it('throws, naming the path, when the path cannot be read as a file', () => {
    const path = join(tempDir(), 'settings.json');
    mkdirSync(path);
    expect(() => jsonFileStore(path).read()).toThrow(`Cannot read ${path}`);
  });

  it('a failed write leaves the old file and no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    const store = jsonFileStore(path);
    store.write({ n: 1 });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => store.write(circular)).toThrow();
    // A folder in the file's place makes the rename fail after the temporary file was written.
    const blocked = join(dir, 'blocked.json');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    expect(() => jsonFileStore(blocked).write({ n: 3 })).toThrow(`Cannot save ${blocked}`);
    expect(filesIn(dir)).toEqual(['blocked.json', 'settings.json']);
    expect(store.read()).toEqual({ n: 1 });
  });
});

describe('memoryStore', () => {
  it('starts empty or with the given document and keeps its own copy', () => {
    expect(memoryStore().read()).toBeUndefined();
    const doc = { a: { b: 1 } };
    const store = memoryStore(doc);
    doc.a.b = 2;
    const read = store.read() as { a: { b: number } };
    expect(read).toEqual({ a: { b: 1 } });
    read.a.b = 3;
    expect(store.read()).toEqual({ a: { b: 1 } });
    store.write({ z: 0 });
    expect(store.read()).toEqual({ z: 0 });
  });
});
