/**
 * Where the settings service keeps its one JSON document. The service validates; a store only
 * reads and writes, so the same service runs on a file, an in-memory value or the app's store.
 */
export interface KeyValueStore {
  /**
   * The stored document, or undefined when nothing was stored yet. Throws, naming `where`, when
   * something is stored but cannot be read or parsed: that is the trader's file, not "absent".
   */
  read(): unknown;
  /** Replaces the whole document; throws when it cannot be saved. */
  write(value: unknown): void;
  /** Where the document lives, for messages that tell the trader which file to fix. */
  readonly where: string;
}

/** A store in memory (tests, and a core without a data directory). Values are kept as JSON text. */
export function memoryStore(initial?: unknown): KeyValueStore {
  // Kept as text so a caller mutating what it wrote or read never changes the stored copy.
  let text = initial === undefined ? undefined : JSON.stringify(initial);
  return {
    where: 'memory',
    read: () => (text === undefined ? undefined : (JSON.parse(text) as unknown)),
    write(value) {
      text = JSON.stringify(value);
    },
  };
}
