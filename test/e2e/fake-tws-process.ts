/** Starts the fake TWS (`test/fake-tws/main.ts` under tsx) as a child process and reads its port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface FakeTwsProcess {
  port: number;
  child: ChildProcess;
  /** Drops every socket and stops listening (SIGUSR1). */
  outage(): void;
  /** Listens again on the same port (SIGUSR2). */
  recover(): void;
  stop(): Promise<void>;
}

const READY = /^Fake TWS listening on 127\.0\.0\.1:(\d+) /;

export function startFakeTws(seed = 42): Promise<FakeTwsProcess> {
  const root = resolve(import.meta.dirname, '../..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fake-tws/main.ts', '--port', '0', '--seed', String(seed)],
    {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fake TWS did not start in 20 s:\n${stderr}`));
    }, 20_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = READY.exec(line);
      if (!m) return;
      clearTimeout(timer);
      done({
        port: Number(m[1]),
        child,
        outage: () => child.kill('SIGUSR1'),
        recover: () => child.kill('SIGUSR2'),
        stop: () =>
          new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', () => r());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
