/** The logger on a real temp directory: JSON lines in rotating files, and no secret in any. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../../src/main/util/logger';

const TOKEN = 'Zx9_secretTokenValue-0123456789abcd';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bulwark-log-'));
}

function logLines(logsDir: string): Array<Record<string, unknown>> {
  return readdirSync(logsDir)
    .sort()
    .flatMap((f) => readFileSync(join(logsDir, f), 'utf8').split('\n'))
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('logger', () => {
  it('writes structured JSON lines to <dataDir>/logs, user-only', async () => {
    const dir = tempDir();
    const log = createLogger('info', null);
    const logsDir = await log.writeFilesTo(dir);
    log.debug('below the level');
    log.info('core started', { broker: 'sim', positions: 31 });
    log.error('websocket error', { error: 'boom' });
    log.flush();
    expect(logsDir).toBe(join(dir, 'logs'));
    expect(logLines(logsDir)).toMatchObject([
      { level: 'info', msg: 'core started', broker: 'sim', positions: 31, pid: process.pid },
      { level: 'error', msg: 'websocket error', error: 'boom' },
    ]);
    expect(statSync(logsDir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(logsDir)) {
      expect(statSync(join(logsDir, f)).mode & 0o077).toBe(0);
    }
  });

  it('never writes a token, password, API key or authorization to the file or stderr', async () => {
    const dir = tempDir();
    const stderr: string[] = [];
    const log = createLogger('debug', (line) => stderr.push(line));
    const logsDir = await log.writeFilesTo(dir);
    log.info(`ready at http://127.0.0.1:9/?token=${TOKEN}`);
    log.warn('upgrade refused', {
      token: TOKEN,
      apiKey: TOKEN,
      password: TOKEN,
      Authorization: `Bearer ${TOKEN}`,
      url: `/ws?token=${TOKEN}&x=1`,
      header: `Bearer ${TOKEN}`,
    });
    log.flush();
    const file = readdirSync(logsDir)
      .map((f) => readFileSync(join(logsDir, f), 'utf8'))
      .join('');
    expect(file).not.toContain(TOKEN);
    expect(stderr.join('')).not.toContain(TOKEN);
    expect(logLines(logsDir)[1]).toMatchObject({
      token: '[redacted]',
      url: '/ws?token=[redacted]&x=1',
    });
  });

  it('keeps human-readable lines on stderr', () => {
    const stderr: string[] = [];
    createLogger('info', (line) => stderr.push(line)).warn('link down', { reason: 'no route' });
    expect(stderr[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z WARN link down reason="no route"\n$/);
  });

  it('rolls to a new file past the size limit and keeps a bounded number of files', async () => {
    const dir = tempDir();
    const log = createLogger('info', null);
    const logsDir = await log.writeFilesTo(dir, { size: '1k', keep: 2 });
    for (let burst = 0; burst < 8; burst++) {
      for (let i = 0; i < 20; i++) log.info('tick', { burst, i, pad: 'x'.repeat(40) });
      // pino-roll rolls once the stream drains after a write burst.
      await new Promise((r) => setTimeout(r, 30));
    }
    const files = readdirSync(logsDir);
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
    const kept = logLines(logsDir);
    expect(kept.length).toBeLessThan(8 * 20); // the oldest files were removed
    expect(kept.at(-1)).toMatchObject({ burst: 7, i: 19 });
  });

  it('redacts token query values and bearer credentials in free text', () => {
    expect(redactText('GET /?token=abc&y=2 Bearer xyz.1')).toBe(
      'GET /?token=[redacted]&y=2 Bearer [redacted]',
    );
  });
});
