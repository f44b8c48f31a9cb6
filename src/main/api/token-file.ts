/**
 * A stable access token for headless mode (--token-file): read from the file when it exists,
 * else a fresh one written there with user-only permissions. A file others could read, or one
 * that does not hold a token, is refused rather than used.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { newToken } from './access';

/** At least 32 base64url characters (192 bits), what newToken() makes. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{32,512}$/;

export class TokenFileError extends Error {
  override readonly name = 'TokenFileError';
}

export interface TokenFromFile {
  token: string;
  created: boolean;
}

export function loadOrCreateToken(path: string, platform = process.platform): TokenFromFile {
  let mode: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new TokenFileError(`token file ${path} is not a regular file`);
    mode = st.mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw asTokenError(path, e);
    return { token: create(path), created: true };
  }
  // Windows has no POSIX modes; its ACLs are left to the user.
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    throw new TokenFileError(
      `token file ${path} is readable by other users (mode ${octal}); run: chmod 600 ${path}`,
    );
  }
  const token = readFileSync(path, 'utf8').trim();
  if (!TOKEN_FORMAT.test(token)) {
    throw new TokenFileError(
      `token file ${path} does not hold a token (expected 32 or more of A-Z a-z 0-9 _ -); ` +
        'delete it to have a new one made',
    );
  }
  return { token, created: false };
}

function create(path: string): string {
  const token = newToken();
  try {
    // 'wx': never overwrite a file that appeared meanwhile.
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    throw asTokenError(path, e);
  }
  return token;
}

function asTokenError(path: string, e: unknown): Error {
  if (e instanceof TokenFileError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  return new TokenFileError(`token file ${path} cannot be used: ${reason}`);
}
