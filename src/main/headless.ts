/**
 * `npm run headless`: the same core as the desktop app, served to a browser on 127.0.0.1 behind
 * a per-run token. Prints exactly one line on stdout once ready:
 *   Bulwark headless: http://127.0.0.1:<port>/?token=<token>
 * and runs until SIGINT/SIGTERM, then stops cleanly and exits 0. Logs go to stderr.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHeadlessServer, type HeadlessServer } from './api/headless-server';
import { parseLaunchArgs, USAGE } from './cli-args';
import { Core } from './core';
import { builtWorker } from './risk/worker/heavy-runner';
import { systemClock } from './util/clock';
import { createLogger, errorMessage } from './util/logger';

const EXIT_USAGE = 2;

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2), 'headless');
  if (!args.ok) {
    process.stderr.write(`${args.problems.map((p) => `error: ${p}`).join('\n')}\n\n${USAGE}\n`);
    process.exit(EXIT_USAGE);
  }
  if (args.value.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  const { core: config, host, port, logLevel } = args.value;
  const log = createLogger(logLevel);
  if (config.broker.kind === 'sim') log.info('simulator seed', { seed: config.broker.seed });

  let core: Core;
  try {
    core = new Core(config, { clock: systemClock, log, riskRunner: builtWorker(import.meta.url) });
  } catch (e) {
    log.error(errorMessage(e));
    process.exit(EXIT_USAGE);
  }
  let server: HeadlessServer | null = null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    void (async () => {
      await server?.close();
      await core.stop();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await core.start();
  server = await startHeadlessServer({
    api: core.api,
    host,
    port,
    rendererDir: rendererDir(),
    log,
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
  process.stderr.write(`Bulwark headless failed to start: ${errorMessage(e)}\n`);
  process.exit(1);
});
