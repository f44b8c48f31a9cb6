/**
 * Option contracts of a chain, looked up once and remembered. On IBKR every lookup is a TWS
 * round trip (and counts against its request pacing), while the ticket asks for the same chain
 * every second: lookups run a few at a time, one per key even when asked twice at once, and
 * their answers — "no such contract" included, for a while — are kept, up to a bound.
 */
import { instrumentKey, type Instrument, type OptionRight } from '@shared/domain/instrument';
import type { BrokerPort } from '../broker/port';
import { pickContract } from './chain-select';

export interface ChainContractOptions {
  /** Lookups in flight at once (default 8). */
  concurrency?: number;
  /** Contracts remembered; the oldest are forgotten beyond this (default 5000). */
  maxEntries?: number;
  /** How long a "no such contract" answer is believed (default 10 minutes). */
  missMs?: number;
}

export interface OptionLineQuery {
  symbol: string;
  secType: 'OPT' | 'FOP';
  expiry: string;
  strike: number;
  right: OptionRight;
}

export interface LinesFound {
  /** Key → the contract, or null when the broker has none (or its lookup failed). */
  lines: Map<string, Instrument | null>;
  /** Lookups that failed (not "none found"): they are not remembered, and retried next time. */
  failures: unknown[];
}

interface Entry {
  instrument: Instrument | null;
  /** A miss is believed until then; a found contract forever (bar the size bound). */
  until: number;
}

export class ChainContracts {
  private readonly known = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Instrument | null>>();
  private readonly queue: Array<() => void> = [];
  private running = 0;
  private readonly concurrency: number;
  private readonly maxEntries: number;
  private readonly missMs: number;

  constructor(
    private readonly broker: Pick<BrokerPort, 'lookupContract'>,
    private readonly now: () => number,
    options: ChainContractOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.maxEntries = Math.max(1, options.maxEntries ?? 5000);
    this.missMs = options.missMs ?? 600_000;
  }

  /** The contracts for these lines, in one map; failed lookups are reported, not thrown. */
  async lines(queries: readonly OptionLineQuery[]): Promise<LinesFound> {
    const failures: unknown[] = [];
    const lines = new Map<string, Instrument | null>();
    await Promise.all(
      queries.map(async (q) => {
        const key = instrumentKey(q);
        try {
          lines.set(key, await this.line(key, q));
        } catch (e) {
          failures.push(e);
          lines.set(key, null);
        }
      }),
    );
    return { lines, failures };
  }

  /** How many contracts are remembered (tests, diagnostics). */
  size(): number {
    return this.known.size;
  }

  private line(key: string, q: OptionLineQuery): Promise<Instrument | null> {
    const entry = this.known.get(key);
    if (entry && (entry.instrument !== null || entry.until > this.now())) {
      return Promise.resolve(entry.instrument);
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const lookup = this.limited(() => this.broker.lookupContract(q))
      .then((found) => {
        const instrument = pickContract(found, key);
        this.remember(key, instrument);
        return instrument;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, lookup);
    return lookup;
  }

  private remember(key: string, instrument: Instrument | null): void {
    this.known.delete(key);
    this.known.set(key, { instrument, until: this.now() + this.missMs });
    for (const old of this.known.keys()) {
      if (this.known.size <= this.maxEntries) break;
      this.known.delete(old);
    }
  }

  /** Runs `task` when fewer than `concurrency` lookups are out. */
  private async limited<T>(task: () => Promise<T>): Promise<T> {
    // A finishing lookup hands its slot straight to the next in line, so none can slip in.
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
