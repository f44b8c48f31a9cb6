import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, ensureDataDir } from '../../../src/main/util/data-dir';

describe('data directory', () => {
  it('follows XDG_DATA_HOME on Linux, else ~/.local/share/bulwark', () => {
    const home = '/home/ann';
    expect(defaultDataDir({ platform: 'linux', home, env: { XDG_DATA_HOME: '/data' } })).toBe(
      '/data/bulwark',
    );
    expect(defaultDataDir({ platform: 'linux', home, env: {} })).toBe(
      '/home/ann/.local/share/bulwark',
    );
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec says', () => {
    expect(
      defaultDataDir({ platform: 'linux', home: '/home/ann', env: { XDG_DATA_HOME: 'rel' } }),
    ).toBe('/home/ann/.local/share/bulwark');
  });

  it('uses ~/Library/Application Support/Bulwark on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', home: '/Users/ann', env: {} })).toBe(
      '/Users/ann/Library/Application Support/Bulwark',
    );
  });

  it('creates the directory with its parents, user-only', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bulwark-data-')), 'a', 'b');
    expect(ensureDataDir(dir)).toBe(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });
});
