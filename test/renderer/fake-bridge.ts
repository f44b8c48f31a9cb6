/** A BulwarkBridge double: records calls and lets a test push stream events. */
import type { BulwarkBridge } from '@shared/api/client-core';
import type { CommandName, StreamData, StreamName } from '@shared/api/contract';
import type { ApiError, Result } from '@shared/api/errors';

type Handler = (input: unknown) => Result<unknown>;

export class FakeBridge implements BulwarkBridge {
  readonly calls: Array<{ name: CommandName; input: unknown }> = [];
  private readonly listeners = new Map<string, Set<(data: never) => void>>();
  private readonly enders = new Map<string, Set<(e: ApiError) => void>>();

  constructor(private readonly handlers: Partial<Record<CommandName, Handler>> = {}) {}

  call: BulwarkBridge['call'] = (name, input) => {
    this.calls.push({ name, input });
    const h = this.handlers[name];
    const result = h
      ? h(input)
      : { ok: false as const, error: { code: 'NOT_AVAILABLE' as const, message: 'no handler' } };
    return Promise.resolve(result as never);
  };

  subscribe: BulwarkBridge['subscribe'] = (stream, listener, onEnded) => {
    let set = this.listeners.get(stream);
    if (!set) this.listeners.set(stream, (set = new Set()));
    set.add(listener);
    if (onEnded) {
      let e = this.enders.get(stream);
      if (!e) this.enders.set(stream, (e = new Set()));
      e.add(onEnded);
    }
    return () => {
      set.delete(listener);
    };
  };

  emit<S extends StreamName>(stream: S, data: StreamData<S>): void {
    for (const l of this.listeners.get(stream) ?? []) (l as (d: StreamData<S>) => void)(data);
  }

  end(stream: StreamName, error: ApiError): void {
    for (const e of this.enders.get(stream) ?? []) e(error);
  }

  subscriberCount(stream: StreamName): number {
    return this.listeners.get(stream)?.size ?? 0;
  }
}
