import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/api/errors';
import { CommandRegistry } from '../../../src/main/api/command-registry';
import { silentLogger, type Logger } from '../../../src/main/util/logger';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { ...silentLogger, errors, error: (m) => errors.push(m) };
}

describe('CommandRegistry', () => {
  it('refuses a name that is not in the contract', () => {
    const r = new CommandRegistry(silentLogger);
    // @ts-expect-error — not a command of the contract
    expect(() => r.register('orders.yolo', () => null)).toThrow(/not a command of the contract/);
  });

  it('throws when a command is registered twice', () => {
    const r = new CommandRegistry(silentLogger);
    r.register('account.snapshot', () => null);
    expect(() => r.register('account.snapshot', () => null)).toThrow(/already registered/);
  });

  it('lists the contract commands still without a handler', () => {
    const r = new CommandRegistry(silentLogger);
    r.register('account.snapshot', () => null);
    expect(r.unregistered()).toContain('app.info');
    expect(r.unregistered()).not.toContain('account.snapshot');
  });

  it('answers an unknown command with UNKNOWN_COMMAND', async () => {
    const r = new CommandRegistry(silentLogger);
    const res = await r.dispatch('nope.nothing', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('validates input before the handler runs and lists every problem by path', async () => {
    const r = new CommandRegistry(silentLogger);
    let called = false;
    r.register('sim.control', () => {
      called = true;
      throw new Error('unreachable');
    });
    const res = await r.dispatch('sim.control', { action: 'speed', speed: 1e9, extra: 1 });
    expect(called).toBe(false);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(res.error.details ?? {})).toEqual(expect.arrayContaining(['speed']));
    expect(JSON.stringify(res.error.details)).toMatch(/extra/);
  });

  it('turns an ApiFailure into its coded error', async () => {
    const r = new CommandRegistry(silentLogger);
    r.register('account.snapshot', () => {
      throw new ApiFailure('BROKER_DISCONNECTED', 'No broker.', { since: 3 });
    });
    const res = await r.dispatch('account.snapshot', {});
    expect(res).toEqual({
      ok: false,
      error: { code: 'BROKER_DISCONNECTED', message: 'No broker.', details: { since: 3 } },
    });
  });

  it('reports an error code the command does not declare as INTERNAL when validating', async () => {
    const log = recordingLogger();
    const r = new CommandRegistry(log, true);
    r.register('account.snapshot', () => {
      throw new ApiFailure('BROKER_DISCONNECTED', 'No broker.');
    });
    const res = await r.dispatch('account.snapshot', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).toMatch(/BROKER_DISCONNECTED, which the contract does not declare/);
    expect(log.errors).toEqual(['command failed with an undeclared error code']);
  });

  it('passes a declared error code through when validating', async () => {
    const r = new CommandRegistry(silentLogger, true);
    r.register('sim.control', () => {
      throw new ApiFailure('INVALID_SHOCK', 'SPX +1000000% is beyond ±50%.');
    });
    const res = await r.dispatch('sim.control', { action: 'pause' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_SHOCK' } });
  });

  it('hides an unexpected exception behind INTERNAL and logs it', async () => {
    const log = recordingLogger();
    const r = new CommandRegistry(log);
    r.register('account.snapshot', () => {
      throw new Error('database exploded: /secret/path');
    });
    const res = await r.dispatch('account.snapshot', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toMatch(/secret/);
    expect(log.errors).toEqual(['command failed']);
  });

  it('rejects a handler output that breaks the contract when validating', async () => {
    const r = new CommandRegistry(silentLogger, true);
    // @ts-expect-error — deliberately wrong output shape
    r.register('connection.get', () => ({ status: 'fine' }));
    const res = await r.dispatch('connection.get', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
