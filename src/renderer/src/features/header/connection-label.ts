/**
 * What the connection indicator says. Its accessible name contains "connected" only while the
 * broker connection is 'connected' and the link to the core is open; the other states use words
 * that do not contain it ("connecting", "down", "unknown", "waiting").
 */
import type { ConnectionState } from '@shared/domain/account';
import type { SimStatus } from '@shared/domain/sim';
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
  /** The reason shown beside the word, in full; null when there is none to show. */
  reason: string | null;
}

/**
 * The broker's reason, corrected by what the sim.status stream knows: the simulator reports
 * "simulator running" when it connects and does not change it on pause.
 */
export function connectionReason(c: ConnectionState, sim: SimStatus | null): string {
  const reason = c.reason.trim();
  if (c.broker !== 'sim' || c.status !== 'connected' || sim === null) return reason;
  if (!sim.running) return 'simulator paused';
  return reason === '' ? 'simulator running' : reason;
}

export function connectionLabel(
  link: LinkState,
  c: ConnectionState | null,
  sim: SimStatus | null = null,
): ConnectionLabel {
  if (link.status !== 'open') {
    const why = link.everOpen ? 'core link lost, reconnecting' : 'linking to the core';
    return {
      tone: link.everOpen ? 'down' : 'warn',
      word: 'unknown',
      ariaLabel: `Connection: unknown — ${why}`,
      title: `Broker connection unknown: ${why}`,
      reason: null,
    };
  }
  if (!c) {
    return {
      tone: 'warn',
      word: 'waiting',
      ariaLabel: 'Connection: waiting — no state from the core yet',
      title: 'Waiting for the broker connection state',
      reason: null,
    };
  }
  const who = c.broker === 'sim' ? 'Simulator' : 'IBKR';
  const shown = connectionReason(c, sim);
  const reason = shown || '—';
  switch (c.status) {
    case 'connected':
      return {
        tone: 'ok',
        word: 'connected',
        ariaLabel: `Connection: connected — ${reason}`,
        title: `${who} connected: ${reason}`,
        reason: shown || null,
      };
    case 'connecting':
      return {
        tone: 'warn',
        word: 'connecting',
        ariaLabel: `Connection: connecting — ${reason}`,
        title: `${who} connecting: ${reason}`,
        reason: shown || null,
      };
    case 'disconnected':
      return {
        tone: 'down',
        word: 'down',
        ariaLabel: `Connection: down — ${reason}`,
        title: `${who} down: ${reason}`,
        reason: shown || null,
      };
  }
}
