/**
 * Ids remembered for a while, then forgotten oldest first: de-duplication with bounded memory
 * over a session that may run for weeks. Re-adding an id refreshes it. Forgetting happens as
 * ids are added or `prune` is called, so it costs nothing while nothing happens.
 */
export class RecentIds<K> {
  private readonly seen = new Map<K, number>();

  constructor(
    private readonly retainMs: number,
    private readonly onForget: (id: K) => void = () => {},
  ) {}

  has(id: K): boolean {
    return this.seen.has(id);
  }

  add(id: K, now: number): void {
    this.seen.delete(id);
    this.seen.set(id, now);
    this.prune(now);
  }

  /** Forgets every id older than the retention; the map is in insertion (= time) order. */
  prune(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.retainMs) break;
      this.seen.delete(id);
      this.onForget(id);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}
