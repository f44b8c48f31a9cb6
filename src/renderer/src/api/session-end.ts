/**
 * Whether the headless core refused this page's token: it restarted with a new one, so this page
 * can never reconnect and the user must open the new address. Set once by the WebSocket bridge.
 */
type Listener = () => void;

let ended = false;
const listeners = new Set<Listener>();

export const sessionEnd = {
  isEnded: (): boolean => ended,
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  markEnded: (): void => {
    if (ended) return;
    ended = true;
    for (const l of listeners) l();
  },
};
