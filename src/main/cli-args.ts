/**
 * Command-line flags shared by the Electron app and headless mode. Every problem is reported at
 * once; nothing falls back silently to a default when a value was given but is wrong.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_SIM_SPEED, MIN_SIM_SPEED } from '@shared/domain/sim';
import { DEFAULT_STALE_AFTER, type BrokerConfig, type CoreConfig } from './config';
import type { LogLevel } from './util/logger';

export const USAGE = `Usage: bulwark [options]
  --broker sim|ibkr        market source (default sim: the built-in simulator)
  --seed N                 simulator seed; same seed, same market (default: random)
  --speed X                simulator speed, ${MIN_SIM_SPEED}..${MAX_SIM_SPEED} (default 1 = real time)
  --sim-start ISO-TIME     simulated market start (default: now)
  --demo-size N            simulate a synthetic book of N positions instead of the demo book
  --ib-host HOST           TWS / IB Gateway host (default 127.0.0.1)
  --ib-port PORT           7497 TWS paper, 7496 TWS live, 4002 Gateway paper, 4001 Gateway live
  --ib-client-id N         API client id, unique per connected program (default 17)
  --account ID             IB account to use when the login manages several
  --ib-lines N             market-data lines to use, positions first (default 100)
  --stale-quote-ms MS      a price older than this shows as stale (default ${DEFAULT_STALE_AFTER.quoteMs})
  --stale-greeks-ms MS     Greeks older than this show as stale (default ${DEFAULT_STALE_AFTER.greeksMs})
  --risk-matrix PATH       your risk matrix YAML (default resources/risk-matrix.default.yaml)
  --log-level LEVEL        debug | info | warn | error (default info)
  --data-dir DIR           where logs and saved state live (default: the app's data folder,
                           headless: $XDG_DATA_HOME/bulwark, ~/.local/share/bulwark or
                           ~/Library/Application Support/Bulwark)
headless mode only:
  --host ADDRESS           address to listen on (default 127.0.0.1; anything else is exposed!
                           0.0.0.0 or :: answers on every address of this machine)
  --port PORT              port to listen on (default 0: a free port)
  --token-file PATH        keep the access token in PATH (created user-only if missing), so
                           the address stays the same across restarts`;

const options = {
  broker: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  'sim-start': { type: 'string' },
  'demo-size': { type: 'string' },
  'ib-host': { type: 'string' },
  'ib-port': { type: 'string' },
  'ib-client-id': { type: 'string' },
  account: { type: 'string' },
  'ib-lines': { type: 'string' },
  'stale-quote-ms': { type: 'string' },
  'stale-greeks-ms': { type: 'string' },
  'log-level': { type: 'string' },
  'risk-matrix': { type: 'string' },
  'validate-contract': { type: 'boolean' },
  'data-dir': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'token-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const FlagsSchema = z
  .object({
    broker: z.enum(['sim', 'ibkr']).default('sim'),
    seed: int(0, 2 ** 31 - 1).optional(),
    speed: z.coerce.number().min(MIN_SIM_SPEED).max(MAX_SIM_SPEED).default(1),
    'sim-start': z.iso.datetime({ offset: true }).optional(),
    'demo-size': int(1, 20_000).optional(),
    'ib-host': z.string().min(1).default('127.0.0.1'),
    'ib-port': int(1, 65_535).default(7497),
    'ib-client-id': int(0, 2 ** 31 - 1).default(17),
    account: z
      .string()
      .regex(/^[A-Z0-9]{2,20}$/, 'expected an IB account id like DU1234567')
      .optional(),
    'ib-lines': int(5, 10_000).default(100),
    'stale-quote-ms': int(100, 3_600_000).default(DEFAULT_STALE_AFTER.quoteMs),
    'stale-greeks-ms': int(100, 3_600_000).default(DEFAULT_STALE_AFTER.greeksMs),
    'log-level': z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    'risk-matrix': z.string().min(1).optional(),
    'validate-contract': z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
    host: z.string().min(1).default('127.0.0.1'),
    port: int(0, 65_535).default(0),
    'token-file': z.string().min(1).optional(),
    help: z.boolean().default(false),
  })
  .strict();

export interface LaunchOptions {
  core: CoreConfig;
  host: string;
  port: number;
  /** Headless: where the access token is kept; null for a fresh token every run. */
  tokenFile: string | null;
  logLevel: LogLevel;
  help: boolean;
}

export type ArgsResult = { ok: true; value: LaunchOptions } | { ok: false; problems: string[] };

/**
 * `strict`: unknown flags are errors (headless). Electron passes Chromium switches of its own,
 * so the shell parses with strict off and ignores what it does not know.
 */
export function parseLaunchArgs(
  argv: readonly string[],
  runtime: CoreConfig['runtime'],
  strict = true,
  randomSeed: () => number = () => Math.floor(Math.random() * 2 ** 31),
): ArgsResult {
  let values: Record<string, unknown>;
  try {
    const parsed = parseArgs({ args: [...argv], options, strict, allowPositionals: !strict });
    values = Object.fromEntries(
      Object.entries(parsed.values).filter(([k]) => Object.hasOwn(options, k)),
    );
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
  }
  // Without strict parsing a value flag given bare arrives as true ("--seed" last) or swallows
  // the next flag ("--seed --speed 2"): refuse both rather than guess.
  const bare = Object.entries(values)
    .filter(
      ([k, v]) =>
        options[k as keyof typeof options].type === 'string' &&
        (typeof v !== 'string' || v.startsWith('--')),
    )
    .map(([k]) => `--${k}: needs a value`);
  if (bare.length > 0) return { ok: false, problems: bare };
  const flags = FlagsSchema.safeParse(values);
  if (!flags.success) {
    return {
      ok: false,
      problems: flags.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`),
    };
  }
  const f = flags.data;
  const broker: BrokerConfig =
    f.broker === 'sim'
      ? {
          kind: 'sim',
          seed: f.seed ?? randomSeed(),
          speed: f.speed,
          startTime: f['sim-start'] ? Date.parse(f['sim-start']) : null,
          largeBook: f['demo-size'] ?? null,
        }
      : {
          kind: 'ibkr',
          host: f['ib-host'],
          port: f['ib-port'],
          clientId: f['ib-client-id'],
          account: f.account ?? null,
          maxMarketDataLines: f['ib-lines'],
        };
  return {
    ok: true,
    value: {
      core: {
        runtime,
        broker,
        staleAfter: { quoteMs: f['stale-quote-ms'], greeksMs: f['stale-greeks-ms'] },
        validateContract: f['validate-contract'],
        riskMatrix: f['risk-matrix'] ?? null,
        // null here: each front end supplies its own default (see data-dir.ts, index.ts).
        dataDir: f['data-dir'] ? resolve(f['data-dir']) : null,
      },
      host: f.host,
      port: f.port,
      tokenFile: f['token-file'] ? resolve(f['token-file']) : null,
      logLevel: f['log-level'],
      help: f.help,
    },
  };
}
