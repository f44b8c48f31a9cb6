/**
 * `npm run headless`: the same core as the desktop app, served to a browser on 127.0.0.1 behind
 * a token (fresh each run, or kept in --token-file). Prints exactly one line on stdout once ready:
 *   Bulwark headless: http://127.0.0.1:<port>/?token=<token>
 * and runs until SIGINT/SIGTERM, then stops cleanly and exits 0. Logs go to stderr and to
 * <data dir>/logs; the URL with its token goes to stdout only, never to a log.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startHeadlessServer, type HeadlessServer } from './api/headless-server';
import { parseLaunchArgs, USAGE } from './cli-args';
import { Core } from './core';
import { prepareHeadless, type HeadlessSetup } from './headless-setup';
import { builtWorker } from './risk/worker/heavy-runner';
import { systemClock } from './util/clock';
import { createLogger, errorMessage, type AppLogger } from './util/logger';
import { installProcessGuards } from './util/process-guards';

const EXIT_USAGE = 2;

let log: AppLogger | null = null;

/** Every exit goes through here, so the log file has every line first. */
function exit(code: number): never {
  log?.flush();
  process.exit(code);
}

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2), 'headless');
  if (!args.ok) {
    process.stderr.write(`${args.problems.map((p) => `error: ${p}`).join('\n')}\n\n${USAGE}\n`);
    exit(EXIT_USAGE);
  }
  if (args.value.help) {
    process.stderr.write(`${USAGE}\n`);
    exit(0);
  }
  const { host, port, logLevel } = args.value;
  const logger = createLogger(logLevel);
  log = logger;
  let core: Core | null = null;
  installProcessGuards({ log: logger, sink: () => core });

  let setup: HeadlessSetup;
  try {
    setup = await prepareHeadless(args.value, logger, {
      platform: process.platform,
      home: homedir(),
      env: process.env,
    });
  } catch (e) {
    logger.error(errorMessage(e));
    exit(EXIT_USAGE);
  }
  const { config, token } = setup;
  if (config.broker.kind === 'sim') logger.info('simulator seed', { seed: config.broker.seed });

  let running: Core;
  try {
    running = new Core(config, {
      clock: systemClock,
      log: logger,
      riskRunner: builtWorker(import.meta.url),
    });
  } catch (e) {
    logger.error(errorMessage(e));
    exit(EXIT_USAGE);
  }
  core = running;
  let server: HeadlessServer | null = null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    void (async () => {
      await server?.close();
      await running.stop();
      exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await running.start();
  server = await startHeadlessServer({
    api: running.api,
    host,
    port,
    rendererDir: rendererDir(),
    log: logger,
    clock: systemClock,
    ...(token === undefined ? {} : { token }),
  });
  if (stopping) return;
  process.stdout.write(`Bulwark headless: ${server.url}\n`);
}

/** The built renderer sits beside the built main process: out/main → out/renderer. */
function rendererDir(): string | null {
  const dir = fileURLToPath(new URL('../renderer', import.meta.url));
  return existsSync(`${dir}/index.html`) ? dir : null;
}

main().catch((e: unknown) => {
  const message = `Bulwark headless failed to start: ${errorMessage(e)}`;
  if (log) log.error(message);
  else process.stderr.write(`${message}\n`);
  exit(1);
});
