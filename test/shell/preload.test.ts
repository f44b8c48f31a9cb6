import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BulwarkBridge } from '@shared/api/client-core';
import { IPC_CHANNEL } from '@shared/api/ipc-channel';
import type * as FakeElectron from '../fakes/electron';

let contextBridge: typeof FakeElectron.contextBridge;
let ipcRenderer: typeof FakeElectron.ipcRenderer;

/** Runs the preload afresh, against a fresh fake electron (the one the preload imports). */
async function loadPreload(): Promise<BulwarkBridge> {
  await import('../../src/preload/index');
  return contextBridge.exposed.bulwark as BulwarkBridge;
}

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    ({ contextBridge, ipcRenderer } = await import('../fakes/electron'));
  });

  it('exposes exactly one key, bulwark, with exactly call and subscribe', async () => {
    const bridge = await loadPreload();
    expect(Object.keys(contextBridge.exposed)).toEqual(['bulwark']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
  });

  it('a call goes out on the one channel and its result comes back', async () => {
    const bridge = await loadPreload();
    const pending = bridge.call('connection.get', {});
    expect(ipcRenderer.sent).toHaveLength(1);
    const { channel, args } = ipcRenderer.sent[0]!;
    expect(channel).toBe(IPC_CHANNEL);
    const msg = args[0] as { type: string; id: number; name: string };
    expect(msg).toMatchObject({ type: 'call', name: 'connection.get', input: {} });
    ipcRenderer.deliver(IPC_CHANNEL, { type: 'result', id: msg.id, ok: true, value: 'pong' });
    await expect(pending).resolves.toEqual({ ok: true, value: 'pong' });
  });

  it('a subscription receives its events until unsubscribed', async () => {
    const bridge = await loadPreload();
    const got: unknown[] = [];
    const off = bridge.subscribe('connection.state', (data) => got.push(data));
    const sub = ipcRenderer.sent[0]!.args[0] as { type: string; id: number; stream: string };
    expect(sub).toMatchObject({ type: 'subscribe', stream: 'connection.state' });
    ipcRenderer.deliver(IPC_CHANNEL, {
      type: 'event',
      id: sub.id,
      stream: 'connection.state',
      data: 1,
    });
    off();
    expect(ipcRenderer.sent[1]!.args[0]).toEqual({ type: 'unsubscribe', id: sub.id });
    ipcRenderer.deliver(IPC_CHANNEL, {
      type: 'event',
      id: sub.id,
      stream: 'connection.state',
      data: 2,
    });
    expect(got).toEqual([1]);
  });

  it('listens on exactly one IPC channel', async () => {
    await loadPreload();
    expect(ipcRenderer.listenerCount(IPC_CHANNEL)).toBe(1);
  });
});

const ROOT = resolve(import.meta.dirname, '../..');

/** Packages a module loads at run time, following our own modules (type-only imports vanish). */
function runtimePackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const imports = source.matchAll(
    /^(?:import|export)\s+(?!type\s)(?:[^;]*?\s+from\s+)?'([^']+)';/gm,
  );
  for (const [, spec] of imports) {
    if (!spec) continue;
    const local = spec.startsWith('@shared/')
      ? resolve(ROOT, 'src/shared', spec.slice('@shared/'.length))
      : spec.startsWith('.')
        ? resolve(dirname(file), spec)
        : null;
    if (local === null) {
      packages.add(spec);
      continue;
    }
    const path = [`${local}.ts`, `${local}/index.ts`].find((p) => existsSync(p));
    if (!path) throw new Error(`cannot resolve ${spec} from ${file}`);
    for (const p of runtimePackages(path, seen)) packages.add(p);
  }
  return packages;
}

describe('preload bundle', () => {
  it('loads nothing but electron at run time (a sandboxed preload cannot require packages)', () => {
    expect([...runtimePackages(resolve(ROOT, 'src/preload/index.ts'))]).toEqual(['electron']);
  });

  it('the walker does see packages behind our modules', () => {
    expect(runtimePackages(resolve(ROOT, 'src/shared/api/wire.ts')).has('zod')).toBe(true);
  });
});
