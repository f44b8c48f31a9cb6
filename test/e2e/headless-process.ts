/** Starts `out/main/headless.js` as a child process and reads its one ready line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface HeadlessProcess {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stdoutLines: string[];
  stderr: () => string;
  /** SIGTERM, then the exit code (null if it had to be killed). */
  stop(): Promise<number | null>;
}

const READY = /^Bulwark headless: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)$/;

export function startHeadless(args: string[] = []): Promise<HeadlessProcess> {
  // Each run keeps its logs and start-of-day file in its own temporary data directory.
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'));
  const withDir = args.includes('--data-dir') ? args : ['--data-dir', dataDir, ...args];
  const child = spawn(process.execPath, ['out/main/headless.js', ...withDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const stdoutLines: string[] = [];
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`headless did not get ready in 20 s:\n${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`headless exited early (${code}):\n${stderr}`));
    });
    lines.on('line', (line) => {
      stdoutLines.push(line);
      const m = READY.exec(line);
      if (!m || stdoutLines.length > 1) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: line.slice('Bulwark headless: '.length),
        origin: m[1]!,
        token: m[2]!,
        child,
        stdoutLines,
        stderr: () => stderr,
        stop: () => stop(child),
      });
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}
