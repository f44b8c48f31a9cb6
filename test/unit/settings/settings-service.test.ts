import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/api/errors';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings';
import { jsonFileStore } from '../../../src/main/settings/json-file-store';
import { memoryStore } from '../../../src/main/settings/key-value-store';
import { SettingsService } from '../../../src/main/settings/settings-service';
import { filesIn, recordingLogger, tempDir } from './helpers';

function onFile(text?: string) {
  const dir = tempDir();
  const path = join(dir, 'settings.json');
  if (text !== undefined) writeFileSync(path, text);
  const log = recordingLogger();
  return { dir, path, log, service: new SettingsService(jsonFileStore(path), log) };
}

/** The ApiFailure a call throws (fails the test when it does not throw one). */
function failureOf(fn: () => unknown): ApiFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected an ApiFailure, nothing was thrown');
}

const withOrders = (over: Record<string, unknown>) => ({
  ...DEFAULT_SETTINGS,
  orders: { ...DEFAULT_SETTINGS.orders, ...over },
});

describe('SettingsService with nothing stored', () => {
  it('gives the defaults and writes nothing until the first update', () => {
    const { dir, service } = onFile();
    expect(service.current()).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('SettingsService with an invalid file', () => {
  const cases: Array<{ name: string; text: string; problems: RegExp[] }> = [
    {
      name: 'text that is not JSON',
      text: '{"version": 1,,}',
      problems: [/settings\.json is not valid JSON/],
    },
    {
      name: 'an unknown key and out-of-range values',
      text: JSON.stringify({
        ...withOrders({
          maxContractsPerOrder: 0,
          collar: { maxPctThroughMid: 500, maxTicksThroughMid: 10 },
        }),
        trading: { ...DEFAULT_SETTINGS.trading, liveTradingAcount: 'U123' },
      }),
      problems: [
        /^trading: Unrecognized key: "liveTradingAcount"$/,
        /^orders\.collar\.maxPctThroughMid: .*100/,
        /^orders\.maxContractsPerOrder: .*1/,
      ],
    },
    {
      name: 'a missing section and a wrong version',
      text: JSON.stringify({ version: 2, trading: DEFAULT_SETTINGS.trading }),
      problems: [/^version: /, /^orders: /],
    },
  ];

  for (const c of cases) {
    it(`lists every problem in ${c.name} and leaves the file byte for byte`, () => {
      const { path, service } = onFile(c.text);
      const read = service.current();
      expect(read.ok).toBe(false);
      const problems = read.ok ? [] : read.problems;
      expect(problems).toHaveLength(c.problems.length);
      const misses = c.problems.filter((re) => !problems.some((p) => re.test(p)));
      expect(misses).toEqual([]);

      const got = failureOf(() => service.get());
      expect(got.code).toBe('SETTINGS_INVALID');
      expect(got.message).toContain(path);
      expect(got.message).toMatch(/Fix the file, or delete it/);
      for (const p of problems) expect(got.message).toContain(p);
      expect(got.details).toMatchObject({ file: path });

      const refused = failureOf(() => service.update({ orders: { maxContractsPerOrder: 5 } }));
      expect(refused.code).toBe('SETTINGS_INVALID');
      expect(refused.message).toMatch(/must be fixed or deleted before a change/);
      expect(refused.message).toContain(path);
      expect(readFileSync(path, 'utf8')).toBe(c.text);
    });
  }
});

describe('SettingsService.update', () => {
  it('merges a patch, saves it whole and a new service on the same file reads it', () => {
    const { path, service, log } = onFile();
    const seen: Settings[] = [];
    const off = service.onChange((s) => seen.push(s));
    const saved = service.update({
      orders: { collar: { maxTicksThroughMid: 4 }, rate: { perSeconds: 30 } },
    });
    const expected = {
      ...DEFAULT_SETTINGS,
      orders: {
        ...DEFAULT_SETTINGS.orders,
        collar: { maxPctThroughMid: 10, maxTicksThroughMid: 4 },
        rate: { maxOrders: 10, perSeconds: 30 },
      },
    };
    expect(saved).toEqual(expected);
    expect(seen).toEqual([expected]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(expected);

    const again = new SettingsService(jsonFileStore(path), log);
    expect(again.get()).toEqual(expected);
    again.update({ trading: { marketOrdersAllowed: true } });
    expect(new SettingsService(jsonFileStore(path), log).get().trading).toEqual({
      liveTradingAccount: null,
      marketOrdersAllowed: true,
    });
    off();
    service.update({ orders: { walk: { maxSteps: 3 } } });
    expect(seen).toHaveLength(1);
  });

  it('refuses a change that makes the settings invalid, with every issue, writing nothing', () => {
    const { dir, path, service } = onFile();
    const seen: Settings[] = [];
    service.onChange((s) => seen.push(s));
    const bad = failureOf(() =>
      service.update({
        trading: { liveTradingAccount: '' },
        orders: { walk: { maxSteps: 0 }, confirmTimeoutSeconds: 1 },
      }),
    );
    expect(bad.code).toBe('SETTINGS_INVALID');
    expect(bad.message).toMatch(/^The change was not saved: /);
    const details = Object.values(bad.details ?? {}).map(String);
    expect(details).toHaveLength(3);
    const expectedPaths = [
      'trading.liveTradingAccount: ',
      'orders.confirmTimeoutSeconds: ',
      'orders.walk.maxSteps: ',
    ];
    expect(expectedPaths.filter((p) => !details.some((d) => d.startsWith(p)))).toEqual([]);
    expect(filesIn(dir)).toEqual([]);
    expect(seen).toEqual([]);

    service.update({ orders: { maxNotional: 1000 } });
    const before = readFileSync(path, 'utf8');
    expect(() => service.update({ orders: { maxNotional: -1 } })).toThrow(ApiFailure);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('warns when live trading is enabled, changed or disabled, and only then', () => {
    const log = recordingLogger();
    const service = new SettingsService(memoryStore(), log);
    const warnings = () => log.lines.filter((l) => l.level === 'warn');
    service.update({ orders: { maxContractsPerOrder: 3 } });
    expect(warnings()).toEqual([]);
    service.update({ trading: { liveTradingAccount: 'U1234567' } });
    service.update({ trading: { liveTradingAccount: 'U1234567' } });
    service.update({ trading: { liveTradingAccount: 'U7654321' } });
    service.update({ trading: { liveTradingAccount: null } });
    expect(warnings()).toEqual([
      {
        level: 'warn',
        message: 'live trading enabled',
        fields: { account: 'U1234567', previousAccount: null },
      },
      {
        level: 'warn',
        message: 'live trading enabled',
        fields: { account: 'U7654321', previousAccount: 'U1234567' },
      },
      { level: 'warn', message: 'live trading disabled', fields: { previousAccount: 'U7654321' } },
    ]);
    expect(service.get().trading.liveTradingAccount).toBeNull();
  });

  it('a store that cannot save makes the update fail and tells no listener', () => {
    const store = {
      ...memoryStore(),
      where: 'broken',
      write: () => {
        throw new Error('disk full');
      },
    };
    const service = new SettingsService(store, recordingLogger());
    const seen: Settings[] = [];
    service.onChange((s) => seen.push(s));
    expect(() => service.update({ orders: { maxContractsPerOrder: 2 } })).toThrow('disk full');
    expect(seen).toEqual([]);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
  });
});
