/**
 * The status bar's "last market data" (pure): the age of the newest quote actually received,
 * not of the last message from the core (which keeps publishing while the broker is down), and
 * the broker or link state whenever it is not live.
 */
import type { ConnectionState } from '@shared/domain/account';
import type { LinkState } from '../../api/link';
import { fmtAge } from '../../format/time';

export interface LastUpdateView {
  text: string;
  title: string;
  /** Not live: shown in the warning colour. */
  warn: boolean;
}

export function lastUpdateView(
  link: LinkState,
  connection: ConnectionState | null,
  newestQuoteAgeMs: number | null,
  staleAfterMs: number,
  /** sim.status running; null when not on the simulator. */
  simRunning: boolean | null = null,
): LastUpdateView {
  const age = newestQuoteAgeMs === null ? null : `${fmtAge(newestQuoteAgeMs)} ago`;
  const data = age === null ? 'no market data yet' : `last market data ${age}`;
  const title = 'Age of the newest price received from the market';
  if (link.status !== 'open') {
    const why = link.everOpen ? 'Core link lost' : 'Linking to core';
    return { text: `${why} — ${data}`, title, warn: true };
  }
  if (connection !== null && connection.status !== 'connected') {
    const who = connection.broker === 'sim' ? 'Simulator' : 'Broker';
    const state = connection.status === 'connecting' ? 'connecting' : 'disconnected';
    return { text: `${who} ${state} — ${data}`, title, warn: true };
  }
  const text = age === null ? 'No market data yet' : `Market data ${age}`;
  const old = newestQuoteAgeMs === null || newestQuoteAgeMs > staleAfterMs;
  if (simRunning === false) return { text: `${text} · simulator paused`, title, warn: old };
  return { text, title, warn: old };
}
