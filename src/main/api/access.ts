/**
 * Who may talk to the headless server: the per-run token (query, cookie or bearer header), a
 * Host header naming this server (defeats DNS rebinding) and, from browsers, our own Origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { networkInterfaces } from 'node:os';

export const TOKEN_COOKIE = 'bulwark_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request presents, by precedence: ?token=, Authorization: Bearer, cookie. */
export function presentedToken(url: URL, headers: IncomingHttpHeaders): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return readCookie(headers.cookie, TOKEN_COOKIE);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

/**
 * host:port forms this server answers to. Loopback binds also answer to "localhost"; a wildcard
 * bind (0.0.0.0, ::) answers on every address of this machine, and still on nothing else, so a
 * page on a foreign name (DNS rebinding) is refused.
 */
export function allowedHosts(
  host: string,
  port: number,
  machineAddresses: () => string[] = localAddresses,
): Set<string> {
  const names = isWildcard(host)
    ? [...LOOPBACK_NAMES, ...machineAddresses()]
    : isLoopback(host)
      ? [host, ...LOOPBACK_NAMES]
      : [host];
  return new Set(names.map((h) => `${formatHost(h).toLowerCase()}:${port}`));
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** Every address of this machine's interfaces (IPv6 without its zone: browsers drop it). */
export function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => i.address.replace(/%.*$/, ''));
}

/** The address to print for a bind: a wildcard bind names this machine's first outside IPv4. */
export function shownAddress(host: string, addresses = networkInterfaces()): string {
  if (!isWildcard(host)) return formatHost(host);
  const outside = Object.values(addresses)
    .flatMap((list) => list ?? [])
    .find((i) => i.family === 'IPv4' && !i.internal);
  return outside?.address ?? '127.0.0.1';
}

export function hostAllowed(headers: IncomingHttpHeaders, hosts: Set<string>): boolean {
  return typeof headers.host === 'string' && hosts.has(headers.host.toLowerCase());
}

/** Browsers always send Origin on a WebSocket upgrade; other local programs may omit it. */
export function originAllowed(origin: string | undefined, hosts: Set<string>): boolean {
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && hosts.has(u.host.toLowerCase());
  } catch {
    return false;
  }
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
