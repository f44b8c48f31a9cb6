/**
 * HTTP side of headless mode: the built renderer, served only to holders of the token. A request
 * carrying the token in its URL gets it as an HttpOnly cookie, so the page's scripts and styles
 * load without it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { hostAllowed, presentedToken, tokenCookie, tokensEqual } from './access';

/** Strict policy for the renderer: only our own scripts, styles and WebSocket. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface StaticOptions {
  token: string;
  hosts: Set<string>;
  /** Built renderer (out/renderer); null serves a plain notice instead. */
  rendererDir: string | null;
}

export function createRequestHandler(opts: StaticOptions) {
  const serve = opts.rendererDir
    ? sirv(opts.rendererDir, { dev: false, etag: true, dotfiles: false })
    : null;
  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    if (!hostAllowed(req.headers, opts.hosts)) {
      plain(res, 421, 'Bulwark: unexpected Host header.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Bulwark: method not allowed.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const presented = presentedToken(url, req.headers);
    if (!tokensEqual(opts.token, presented)) {
      plain(res, 401, 'Bulwark: missing or wrong token. Open the URL printed at start-up.');
      return;
    }
    if (url.searchParams.has('token')) res.setHeader('Set-Cookie', tokenCookie(opts.token));
    if (url.pathname === '/healthz') {
      plain(res, 200, 'ok');
      return;
    }
    if (!serve) {
      plain(res, 503, 'Bulwark: the renderer is not built. Run `npm run build`.');
      return;
    }
    // index.html must not be cached: it names the current build's hashed assets.
    if (url.pathname === '/' || url.pathname.endsWith('.html')) {
      res.setHeader('Cache-Control', 'no-store');
    }
    serve(req, res, () => plain(res, 404, 'Bulwark: not found.'));
  };
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The token travels in the URL: never leak it in a Referer.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}
