/**
 * Publishes stream events to subscribers. A stream may provide an initial value: a new
 * subscriber receives it at once, so it never waits for the next change to have state.
 */
import { streams, type StreamData, type StreamName } from '@shared/api/contract';
import { errorMessage, type Logger } from '../util/logger';

type Sink = (data: unknown) => void;

export class StreamHub {
  private readonly sinks = new Map<StreamName, Set<Sink>>();
  private readonly initial = new Map<StreamName, () => unknown>();

  constructor(
    private readonly log: Logger,
    /** Check every published value against the contract (tests and development). */
    private readonly validate = false,
  ) {}

  provideInitial<S extends StreamName>(stream: S, provider: () => StreamData<S> | null): void {
    this.initial.set(stream, provider);
  }

  subscribe<S extends StreamName>(stream: S, sink: (data: StreamData<S>) => void): () => void {
    let set = this.sinks.get(stream);
    if (!set) this.sinks.set(stream, (set = new Set()));
    const s = sink as Sink;
    set.add(s);
    const first = this.initial.get(stream)?.();
    if (first !== undefined && first !== null) this.deliver(stream, s, first);
    return () => {
      set.delete(s);
    };
  }

  publish<S extends StreamName>(stream: S, data: StreamData<S>): void {
    const set = this.sinks.get(stream);
    if (!set || set.size === 0) return;
    if (this.validate) streams[stream].parse(data);
    for (const sink of [...set]) this.deliver(stream, sink, data);
  }

  subscriberCount(stream: StreamName): number {
    return this.sinks.get(stream)?.size ?? 0;
  }

  /** One failing subscriber must not starve the others. */
  private deliver(stream: StreamName, sink: Sink, data: unknown): void {
    try {
      sink(data);
    } catch (e) {
      this.log.error('stream subscriber failed', { stream, error: errorMessage(e) });
    }
  }
}
