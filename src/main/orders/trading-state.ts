/**
 * Active / reduce-only / halted. The daily-drawdown guard moves an active book to reduce-only
 * by itself; only the trader moves it back, and not while the loss limit is still breached.
 * The kill switch (later) halts.
 */
import type { TradingState, TradingStateName } from '@shared/domain/order-ticket';
import { Emitter } from '@shared/util/emitter';

export class TradingStateRefused extends Error {}

export class TradingStateMachine {
  readonly changes = new Emitter<{ state: TradingState }>();
  private state: TradingState;
  private drawdownBreached = false;

  constructor(private readonly now: () => number) {
    this.state = { state: 'active', reason: 'trading is active', source: 'startup', since: now() };
  }

  current(): TradingState {
    return this.state;
  }

  /** The trader's choice; resuming while the daily loss limit is breached is refused. */
  set(
    state: TradingStateName,
    reason: string | undefined,
    source: TradingState['source'] = 'user',
  ): TradingState {
    if (state === 'active' && this.drawdownBreached && source === 'user') {
      throw new TradingStateRefused(
        'The daily loss limit is breached: trading stays reduce-only until the next session',
      );
    }
    const words =
      reason ??
      {
        active: 'resumed by the trader',
        'reduce-only': 'set by the trader',
        halted: 'halted by the trader',
      }[state];
    return this.move({ state, reason: words, source, since: this.now() });
  }

  /**
   * Called with every risk frame's daily-drawdown light: red turns an active book reduce-only.
   * A grey (stale) light says nothing new, so a breach stands until a live light clears it.
   */
  observeDrawdownLight(light: 'green' | 'yellow' | 'red' | 'stale', explanation: string): void {
    if (light === 'stale') return;
    this.observeDrawdown(light === 'red', explanation);
  }

  observeDrawdown(breached: boolean, explanation: string): void {
    this.drawdownBreached = breached;
    if (breached && this.state.state === 'active') {
      this.move({
        state: 'reduce-only',
        reason: `daily loss limit breached: ${explanation}`,
        source: 'drawdown',
        since: this.now(),
      });
    }
  }

  get isDrawdownBreached(): boolean {
    return this.drawdownBreached;
  }

  private move(next: TradingState): TradingState {
    const changed = next.state !== this.state.state || next.reason !== this.state.reason;
    this.state = next;
    if (changed) this.changes.emit('state', next);
    return next;
  }
}
