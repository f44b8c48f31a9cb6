import { describe, expect, it } from 'vitest';
import type { SimStatus } from '@shared/domain/sim';
import { createApi } from '../../src/renderer/src/api/api';
import { BulwarkError } from '../../src/renderer/src/api/errors';
import { COMMANDS, commandById, commandForKey } from '../../src/renderer/src/commands/registry';
import { applyCustomShock } from '../../src/renderer/src/commands/sim';
import type { KeyLike } from '../../src/renderer/src/commands/types';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { FakeBridge } from './fake-bridge';
import { appInfo } from './fixtures';

const status = (over: Partial<SimStatus> = {}): SimStatus => ({
  running: true,
  speed: 1,
  seed: 42,
  simTime: 0,
  steps: 0,
  lastShock: null,
  ...over,
});

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: '',
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

function setup(sim: SimStatus | null = status()) {
  const bridge = new FakeBridge({
    'sim.control': (input) => {
      const i = input as { action: string; spec?: string };
      if (i.action === 'shock-spec' && i.spec === 'bad') {
        return {
          ok: false,
          error: { code: 'INVALID_SHOCK', message: 'Cannot read', details: { problem1: 'x' } },
        };
      }
      return {
        ok: true,
        value: status({ running: i.action !== 'pause', lastShock: i.spec ?? null }),
      };
    },
  });
  const store = createAppStore(0);
  store.getState().setLink({ status: 'open', everOpen: true, retries: 0 });
  store.getState().setAppInfo(appInfo());
  if (sim) store.getState().setSim(sim);
  return { bridge, store, ctx: { api: createApi(bridge), store } };
}

describe('command registry', () => {
  it('has unique ids', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps Alt+P to the simulator pause toggle, not plain P or Ctrl+Alt+P', () => {
    const { store } = setup();
    const s = store.getState();
    expect(commandForKey(key('KeyP', { altKey: true }), s)?.id).toBe('sim.toggle-pause');
    expect(commandForKey(key('KeyP'), s)).toBeUndefined();
    expect(commandForKey(key('KeyP', { altKey: true, ctrlKey: true }), s)).toBeUndefined();
  });

  it('disables simulator commands when the broker is not the simulator or the link is down', () => {
    const { store } = setup();
    const pause = commandById('sim.toggle-pause')!;
    expect(pause.enabled(store.getState())).toBe(true);
    store.getState().setAppInfo(appInfo({ broker: 'ibkr' }));
    expect(pause.enabled(store.getState())).toBe(false);
    expect(commandForKey(key('KeyP', { altKey: true }), store.getState())).toBeUndefined();
    store.getState().setAppInfo(appInfo());
    store.getState().setLink({ status: 'closed', everOpen: true, retries: 1 });
    expect(pause.enabled(store.getState())).toBe(false);
  });

  it('pauses a running simulator and resumes a paused one', async () => {
    const { bridge, store, ctx } = setup();
    const pause = commandById('sim.toggle-pause')!;
    await pause.perform(ctx);
    expect(bridge.calls.at(-1)).toEqual({ name: 'sim.control', input: { action: 'pause' } });
    expect(store.getState().sim?.running).toBe(false);
    expect(pause.label instanceof Function && pause.label(store.getState())).toBe('Resume');
    await pause.perform(ctx);
    expect(bridge.calls.at(-1)?.input).toEqual({ action: 'resume' });
  });

  it('sends a shock preset as a shock spec', async () => {
    const { bridge, ctx } = setup();
    await commandById('sim.shock.spx-6-vix+15')!.perform(ctx);
    expect(bridge.calls.at(-1)?.input).toEqual({ action: 'shock-spec', spec: 'SPX -6%, VIX +15' });
  });

  it('keeps a coded error for the panel instead of throwing', async () => {
    const { store, ctx } = setup();
    await expect(applyCustomShock(ctx, 'bad')).resolves.toBe(false);
    const f = store.getState().feedback.sim;
    expect(f).toMatchObject({
      kind: 'error',
      error: { code: 'INVALID_SHOCK', details: { problem1: 'x' } },
    });
  });
});

describe('api.call', () => {
  it('returns the value or throws a BulwarkError carrying the coded error', async () => {
    const bridge = new FakeBridge({ 'app.info': () => ({ ok: true, value: appInfo() }) });
    const api = createApi(bridge);
    await expect(api.call('app.info', {})).resolves.toMatchObject({ name: 'Bulwark' });
    const e: unknown = await api.call('connection.get', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulwarkError);
    expect((e as BulwarkError).error.code).toBe('NOT_AVAILABLE');
    expect((e as BulwarkError).message).toBe('NOT_AVAILABLE: no handler');
  });
});
