import type { ServerMessage } from '@shared/api/wire';

const TYPES = new Set(['result', 'event', 'ended', 'error']);

/**
 * Reads one WebSocket frame from the core. Returns null for anything that is not a JSON object
 * with a known `type` (the caller reports it; it never throws).
 */
export function parseServerFrame(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const msg = parsed as Record<string, unknown>;
  if (typeof msg.type !== 'string' || !TYPES.has(msg.type)) return null;
  if (msg.type !== 'error' && typeof msg.id !== 'number') return null;
  if ((msg.type === 'error' || msg.type === 'ended') && !isApiErrorLike(msg.error)) return null;
  if (msg.type === 'result' && msg.ok === false && !isApiErrorLike(msg.error)) return null;
  return parsed as ServerMessage;
}

function isApiErrorLike(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string, unknown>;
  return typeof r.code === 'string' && typeof r.message === 'string';
}

/** ws(s)://host/ws, with the page's ?token= when it has one (else the server's cookie serves). */
export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(loc.search).get('token');
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}//${loc.host}/ws${query}`;
}
