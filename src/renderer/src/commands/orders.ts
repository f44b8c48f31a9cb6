/** Order commands: open the ticket, and Simulate (Orders → Simulate, Cmd/Ctrl+Shift+S). */
import { openNewTicket, simulateTicket } from '../features/orders/ticket-actions';
import type { AppState } from '../stores/store';
import type { Command, Shortcut } from './types';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Cmd (macOS) or Ctrl + Shift + a letter, by physical key or by the key it types (the menu's
 * synthetic key press may carry only one of them). Works while typing in a field: the ticket is
 * all fields, and no text input uses these chords.
 */
export function cmdShiftKey(letter: string): Shortcut {
  const code = `Key${letter.toUpperCase()}`;
  return {
    label: MAC ? `\u2318\u21e7${letter.toUpperCase()}` : `Ctrl+Shift+${letter.toUpperCase()}`,
    inFields: true,
    test: (e) =>
      (e.ctrlKey || e.metaKey) &&
      e.shiftKey &&
      !e.altKey &&
      (e.code === code || e.key.toLowerCase() === letter.toLowerCase()),
  };
}

const linkOpen = (s: AppState) => s.link.status === 'open';

export const newOrder: Command = {
  id: 'orders.new',
  label: 'New order',
  description: 'Open the order ticket',
  enabled: linkOpen,
  perform: (ctx) => {
    if (!ctx.store.getState().ticket) openNewTicket(ctx);
    return Promise.resolve();
  },
};

export const simulateOrder: Command = {
  id: 'orders.simulate',
  label: (s) => (s.ticket ? 'Simulate' : 'New order'),
  description: 'Run the pre-trade gate on the order ticket (opens the ticket when it is closed)',
  shortcut: cmdShiftKey('S'),
  enabled: linkOpen,
  perform: async (ctx) => {
    if (!ctx.store.getState().ticket) openNewTicket(ctx);
    else await simulateTicket(ctx);
  },
};
