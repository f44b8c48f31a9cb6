import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateToken } from '../../../src/main/api/token-file';

const GOOD = 'abcdefghijklmnopqrstuvwxyz_ABCDEF-0123';

function path(): string {
  return join(mkdtempSync(join(tmpdir(), 'bulwark-token-')), 'token');
}

describe('--token-file', () => {
  it('creates a missing file with a fresh token, readable by the user only', () => {
    const file = path();
    const first = loadOrCreateToken(file);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.token);
  });

  it('gives the same token on the next run', () => {
    const file = path();
    const first = loadOrCreateToken(file);
    expect(loadOrCreateToken(file)).toEqual({ token: first.token, created: false });
  });

  it('uses a token the user wrote, ignoring the trailing newline', () => {
    const file = path();
    writeFileSync(file, `${GOOD}\n`, { mode: 0o600 });
    expect(loadOrCreateToken(file).token).toBe(GOOD);
  });

  it('refuses a file readable by group or others, saying how to fix it', () => {
    const file = path();
    writeFileSync(file, GOOD, { mode: 0o600 });
    chmodSync(file, 0o644);
    expect(() => loadOrCreateToken(file)).toThrow(
      /readable by other users \(mode 644\).*chmod 600/,
    );
  });

  it('refuses a malformed or too short token', () => {
    const file = path();
    for (const bad of ['', 'short', `${GOOD} extra`, 'ü'.repeat(40)]) {
      writeFileSync(file, bad, { mode: 0o600 });
      expect(() => loadOrCreateToken(file), bad).toThrow(/does not hold a token/);
    }
  });

  it('refuses a directory and a path whose folder does not exist', () => {
    const file = path();
    expect(() => loadOrCreateToken(join(file, '..'))).toThrow(/not a regular file/);
    expect(() => loadOrCreateToken(join(file, 'missing', 'token'))).toThrow(/cannot be used/);
  });
});
