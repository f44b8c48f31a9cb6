import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../src/main/cli-args';

const fixedSeed = () => 1234;

describe('launch flags', () => {
  it('defaults to the simulator with a random seed on loopback and a free port', () => {
    const r = parseLaunchArgs([], 'headless', true, fixedSeed);
    expect(r).toMatchObject({
      ok: true,
      value: {
        host: '127.0.0.1',
        port: 0,
        core: { broker: { kind: 'sim', seed: 1234, speed: 1 } },
      },
    });
  });

  it('reads the interface the tests rely on: --port 0 --seed 42', () => {
    const r = parseLaunchArgs(['--port', '0', '--seed', '42'], 'headless');
    expect(r).toMatchObject({ ok: true, value: { port: 0, core: { broker: { seed: 42 } } } });
  });

  it('reads the IBKR connection flags', () => {
    const r = parseLaunchArgs(
      [
        '--broker',
        'ibkr',
        '--ib-host',
        '10.0.0.5',
        '--ib-port',
        '4002',
        '--ib-client-id',
        '9',
        '--account',
        'DU1234567',
      ],
      'headless',
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        core: {
          broker: { kind: 'ibkr', host: '10.0.0.5', port: 4002, clientId: 9, account: 'DU1234567' },
        },
      },
    });
  });

  it('lists every bad value at once instead of falling back to defaults', () => {
    const r = parseLaunchArgs(
      ['--port', '99999', '--speed', 'fast', '--broker', 'etrade'],
      'headless',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join('\n')).toMatch(/--port/);
    expect(r.problems.join('\n')).toMatch(/--speed/);
    expect(r.problems.join('\n')).toMatch(/--broker/);
  });

  it('rejects unknown flags in headless mode but ignores them in Electron', () => {
    expect(parseLaunchArgs(['--turbo'], 'headless').ok).toBe(false);
    expect(parseLaunchArgs(['--inspect', '.', '--seed', '7'], 'electron', false)).toMatchObject({
      ok: true,
      value: { core: { broker: { seed: 7 } } },
    });
  });

  it('refuses a value flag given without its value, even when not strict', () => {
    expect(parseLaunchArgs(['--seed', '--speed', '2'], 'electron', false)).toEqual({
      ok: false,
      problems: ['--seed: needs a value'],
    });
    expect(parseLaunchArgs(['--speed', '2', '--demo-size'], 'electron', false)).toEqual({
      ok: false,
      problems: ['--demo-size: needs a value'],
    });
  });

  it('reads --data-dir and --token-file as absolute paths', () => {
    const r = parseLaunchArgs(['--data-dir', 'state', '--token-file', '/etc/bw/token'], 'headless');
    expect(r).toMatchObject({
      ok: true,
      value: { tokenFile: '/etc/bw/token', core: { dataDir: resolve('state') } },
    });
  });

  it('leaves the data dir and token file unset when not given', () => {
    const r = parseLaunchArgs([], 'headless');
    expect(r).toMatchObject({ ok: true, value: { tokenFile: null, core: { dataDir: null } } });
  });
});
