/**
 * A fake TWS on 127.0.0.1 serving the simulator's demo book and market, for pointing a real
 * client (Bulwark's IBKR mode, ib_async at 178) at something that behaves like TWS:
 *
 *   tsx --tsconfig tsconfig.base.json test/fake-tws/main.ts --port 7497 [--seed N] [--server-version 193|178]
 *
 * Prints one line once listening; client messages it cannot parse are reported on stderr.
 * SIGUSR1 simulates an outage (every socket dropped, no new connections); SIGUSR2 ends it.
 */
import { parseArgs } from 'node:util';
import { SimBroker } from '../../src/main/broker/sim';
import { systemClock } from '../../src/main/util/clock';
import { FakeTws } from './server';
import { attachSimulator } from './sim-bridge';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) fail(`--${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7497' },
      seed: { type: 'string' },
      'server-version': { type: 'string', default: '193' },
    },
    strict: true,
  });
  const port = integer('port', values.port, 7497);
  if (port < 0 || port > 65_535) fail(`--port must be 0–65535, got ${port}`);
  const seed = integer('seed', values.seed, Math.floor(Math.random() * 1_000_000));
  const version = integer('server-version', values['server-version'], 193);
  if (version !== 193 && version !== 178) fail(`--server-version must be 193 or 178`);

  const sim = new SimBroker({ seed, clock: systemClock, book: 'demo' });
  await sim.start();
  const tws = new FakeTws({ serverVersion: version });
  const bridge = attachSimulator(tws, sim);
  const bound = await tws.listen(port, '127.0.0.1');
  process.stdout.write(
    `Fake TWS listening on 127.0.0.1:${bound} (server version ${version}, account ${bridge.account})\n`,
  );

  let reported = 0;
  const watch = setInterval(() => {
    for (const e of tws.protocolErrors.slice(reported)) {
      process.stderr.write(`protocol error: ${e.message}\n`);
    }
    reported = tws.protocolErrors.length;
  }, 250);
  const shutdown = (): void => {
    clearInterval(watch);
    bridge.detach();
    void sim.stop();
    void tws.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.on('SIGUSR1', () => {
    void tws.close().then(() => process.stderr.write('outage: sockets dropped, not listening\n'));
  });
  process.on('SIGUSR2', () => {
    void tws
      .listen(bound, '127.0.0.1')
      .then(() => process.stderr.write('outage over: listening\n'));
  });
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
