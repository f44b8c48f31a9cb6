/**
 * What the connection indicator says. Its accessible name contains "connected" only while the
 * broker connection is 'connected' and the link to the core is open; the other states use words
 * that do not contain it ("connecting", "down", "unknown", "waiting").
 */
import type { ConnectionState } from '@shared/domain/account';
import type { LinkState } from '../../api/link';

export type Tone = 'ok' | 'warn' | 'down';

export interface ConnectionLabel {
  tone: Tone;
  /** Short visible word. */
  word: string;
  /** Accessible name: "Connection: <word> — <reason>". */
  ariaLabel: string;
  /** Longer text for the tooltip. */
  title: string;
}

export function connectionLabel(link: LinkState, c: ConnectionState | null): ConnectionLabel {
  if (link.status !== 'open') {
    const why = link.everOpen ? 'core link lost, reconnecting' : 'linking to the core';
    return {
      tone: link.everOpen ? 'down' : 'warn',
      word: 'unknown',
      ariaLabel: `Connection: unknown — ${why}`,
      title: `Broker connection unknown: ${why}`,
    };
  }
  if (!c) {
    return {
      tone: 'warn',
      word: 'waiting',
      ariaLabel: 'Connection: waiting — no state from the core yet',
      title: 'Waiting for the broker connection state',
    };
  }
  const who = c.broker === 'sim' ? 'Simulator' : 'IBKR';
  const reason = c.reason.trim() || '—';
  switch (c.status) {
    case 'connected':
      return {
        tone: 'ok',
        word: 'connected',
        ariaLabel: `Connection: connected — ${reason}`,
        title: `${who} connected: ${reason}`,
      };
    case 'connecting':
      return {
        tone: 'warn',
        word: 'connecting',
        ariaLabel: `Connection: connecting — ${reason}`,
        title: `${who} connecting: ${reason}`,
      };
    case 'disconnected':
      return {
        tone: 'down',
        word: 'down',
        ariaLabel: `Connection: down — ${reason}`,
        title: `${who} down: ${reason}`,
      };
  }
}
