/**
 * When a value must be shown stale: the core flagged it, it is older than the app's limit, the
 * link to the core is down, or the broker is not connected. Stale data never looks fresh.
 */
import type { ConnectionState } from '@shared/domain/account';
import type { LinkState } from '../api/link';

/** Why everything on screen is stale right now, or null when the feed is live. */
export function feedStaleReason(
  link: LinkState,
  connection: ConnectionState | null,
): string | null {
  if (link.status !== 'open') {
    return link.everOpen ? 'the link to the Bulwark core was lost' : 'not yet linked to the core';
  }
  if (!connection) return 'waiting for the broker connection state';
  if (connection.status === 'connected') return null;
  const who = connection.broker === 'sim' ? 'simulator' : 'broker';
  const state = connection.status === 'connecting' ? 'is connecting' : 'is down';
  return connection.reason ? `${who} ${state}: ${connection.reason}` : `${who} ${state}`;
}

/** True when a value of this age must not be shown as fresh (no timestamp = stale). */
export function tooOld(ageMs: number | null, limitMs: number): boolean {
  return ageMs === null || ageMs > limitMs;
}

export interface StalenessInputs {
  /** The core's own flag (priceStale / greeksStale). */
  flagged: boolean;
  ageMs: number | null;
  limitMs: number;
  /** feedStaleReason() !== null */
  feedStale: boolean;
}

export function isStale(i: StalenessInputs): boolean {
  return i.flagged || i.feedStale || tooOld(i.ageMs, i.limitMs);
}
