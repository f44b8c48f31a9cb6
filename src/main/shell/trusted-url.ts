/**
 * The one question the shell asks of every URL: is this our own renderer page? Pure (no
 * electron), so it is unit-tested on its own. Used for navigation, redirects and IPC senders.
 */

export interface TrustedPages {
  /** Development only: the electron-vite dev server (ELECTRON_RENDERER_URL); null when packaged. */
  devServerUrl: string | null;
  /** file:// URL of the built out/renderer/index.html. */
  indexFileUrl: string;
}

/**
 * True only for the exact file:// URL of our built index.html (any hash or query), or, in
 * development, a page on the dev server's origin. Everything else is false: other files,
 * lookalike hosts, other ports or schemes, credentials in the URL, javascript:, data:, blob:.
 */
export function isTrustedRendererUrl(url: string, pages: TrustedPages): boolean {
  const target = parse(url);
  if (!target || target.username !== '' || target.password !== '') return false;
  if (target.protocol === 'file:') {
    const index = parse(pages.indexFileUrl);
    return (
      index !== null &&
      index.protocol === 'file:' &&
      target.host === index.host &&
      target.pathname === index.pathname
    );
  }
  if (pages.devServerUrl === null) return false;
  const dev = parse(pages.devServerUrl);
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  // Compare schemes too: a blob: URL reports the origin of the page that made it.
  return target.protocol === dev.protocol && target.origin === dev.origin;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
