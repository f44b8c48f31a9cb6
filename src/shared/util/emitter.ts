/**
 * A small typed event emitter: listeners get the one payload their event declares, and only
 * declared event names compile (`events.on('quoet', …)` is a type error). One throwing listener
 * never stops the others: its error goes to `onListenerError`, by default re-raised as an
 * unhandled rejection so it reaches the process's uncaught-error handler instead of vanishing.
 */
export type ListenerErrorHandler = (error: unknown, event: string) => void;

// An unhandled rejection: Node's process handler and the browser's both see it.
const rethrowLater: ListenerErrorHandler = (error) => {
  void Promise.reject(error instanceof Error ? error : new Error(String(error)));
};

export class Emitter<Events extends { [K in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: ListenerErrorHandler = rethrowLater) {}

  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (p: Events[E]) => void)(payload);
      } catch (e) {
        this.onListenerError(e, String(event));
      }
    }
  }

  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  clear(): void {
    this.listeners.clear();
  }
}
