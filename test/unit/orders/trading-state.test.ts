import { describe, expect, it } from 'vitest';
import type { TradingState } from '@shared/domain/order-ticket';
import { TradingStateMachine, TradingStateRefused } from '../../../src/main/orders/trading-state';
import { FakeClock } from '../../fakes/fake-clock';

function setup() {
  const clock = new FakeClock();
  const machine = new TradingStateMachine(() => clock.now());
  const events: TradingState[] = [];
  machine.changes.on('state', (s) => events.push(s));
  return { clock, machine, events };
}

describe('trading state machine', () => {
  it('starts active, set by start-up, at the time it was made', () => {
    const { clock, machine, events } = setup();
    expect(machine.current()).toEqual({
      state: 'active',
      reason: 'trading is active',
      source: 'startup',
      since: clock.now(),
    });
    expect(machine.isDrawdownBreached).toBe(false);
    expect(events).toEqual([]);
  });

  it("moves to the trader's choice with a default reason and emits the new state", () => {
    const { clock, machine, events } = setup();
    clock.advance(1_000);
    const s = machine.set('reduce-only', undefined);
    expect(s).toEqual({
      state: 'reduce-only',
      reason: 'set by the trader',
      source: 'user',
      since: clock.now(),
    });
    expect(machine.current()).toEqual(s);
    expect(events).toEqual([s]);
    machine.set('halted', undefined);
    expect(events.map((e) => [e.state, e.reason])).toEqual([
      ['reduce-only', 'set by the trader'],
      ['halted', 'halted by the trader'],
    ]);
  });

  it('keeps the reason the trader gave and the source that set it', () => {
    const { machine } = setup();
    expect(machine.set('halted', 'kill switch pressed', 'kill-switch')).toMatchObject({
      state: 'halted',
      reason: 'kill switch pressed',
      source: 'kill-switch',
    });
  });

  it('emits once for the same state set twice with the same reason', () => {
    const { machine, events } = setup();
    machine.set('halted', 'lunch');
    machine.set('halted', 'lunch');
    expect(events).toHaveLength(1);
    machine.set('halted', 'still lunch');
    expect(events).toHaveLength(2);
  });

  it('turns an active book reduce-only when the daily loss limit is breached', () => {
    const { clock, machine, events } = setup();
    clock.advance(5_000);
    machine.observeDrawdown(true, 'down $6,100 today, limit $5,000');
    expect(machine.isDrawdownBreached).toBe(true);
    expect(machine.current()).toEqual({
      state: 'reduce-only',
      reason: 'daily loss limit breached: down $6,100 today, limit $5,000',
      source: 'drawdown',
      since: clock.now(),
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.source).toBe('drawdown');
  });

  it('does not emit again on every risk frame while the breach lasts', () => {
    const { machine, events } = setup();
    machine.observeDrawdown(true, 'down $6,100');
    machine.observeDrawdown(true, 'down $6,300');
    machine.observeDrawdown(true, 'down $6,200');
    expect(events).toHaveLength(1);
    expect(machine.current().reason).toBe('daily loss limit breached: down $6,100');
  });

  it('keeps a breach while the drawdown light is grey: only a live light clears it', () => {
    const { machine } = setup();
    machine.observeDrawdownLight('red', 'down $6,100');
    machine.observeDrawdownLight('stale', 'start of day unknown');
    expect(machine.isDrawdownBreached).toBe(true);
    expect(() => machine.set('active', undefined)).toThrow(TradingStateRefused);
    machine.observeDrawdownLight('green', 'up $200');
    expect(machine.isDrawdownBreached).toBe(false);
  });

  it('refuses to resume trading while the daily loss limit is breached', () => {
    const { machine, events } = setup();
    machine.observeDrawdown(true, 'down $6,100');
    expect(() => machine.set('active', undefined)).toThrow(TradingStateRefused);
    expect(() => machine.set('active', 'I know what I am doing')).toThrow(/daily loss limit/);
    expect(machine.current().state).toBe('reduce-only');
    expect(events).toHaveLength(1);
  });

  it('lets the trader halt, or stay reduce-only, while breached', () => {
    const { machine } = setup();
    machine.observeDrawdown(true, 'down $6,100');
    expect(machine.set('halted', undefined).state).toBe('halted');
    expect(machine.set('reduce-only', undefined).state).toBe('reduce-only');
  });

  it('does not resume by itself when the breach clears; the trader may resume then', () => {
    const { machine, events } = setup();
    machine.observeDrawdown(true, 'down $6,100');
    machine.observeDrawdown(false, 'down $4,000');
    expect(machine.isDrawdownBreached).toBe(false);
    expect(machine.current().state).toBe('reduce-only');
    expect(events).toHaveLength(1);
    expect(machine.set('active', undefined)).toMatchObject({
      state: 'active',
      reason: 'resumed by the trader',
    });
    expect(events.map((e) => e.state)).toEqual(['reduce-only', 'active']);
  });

  it('leaves a halted or reduce-only book as it is when the breach starts', () => {
    const halted = setup();
    halted.machine.set('halted', 'kill switch', 'kill-switch');
    halted.machine.observeDrawdown(true, 'down $6,100');
    expect(halted.machine.current()).toMatchObject({ state: 'halted', source: 'kill-switch' });
    expect(halted.events).toHaveLength(1);

    const reducing = setup();
    reducing.machine.set('reduce-only', 'end of week');
    reducing.machine.observeDrawdown(true, 'down $6,100');
    expect(reducing.machine.current()).toMatchObject({ reason: 'end of week', source: 'user' });
    expect(reducing.machine.isDrawdownBreached).toBe(true);
    // Still breached: the trader cannot resume from here either.
    expect(() => reducing.machine.set('active', undefined)).toThrow(TradingStateRefused);
  });

  it('a non-breach reading changes nothing on an active book', () => {
    const { machine, events } = setup();
    machine.observeDrawdown(false, 'up $300');
    expect(machine.current().state).toBe('active');
    expect(events).toEqual([]);
  });
});
