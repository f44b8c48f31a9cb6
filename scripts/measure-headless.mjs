// `node scripts/measure-headless.mjs [seconds] [extra headless flags…]`: runs the built headless
// mode on the simulator with a Chromium page attached (so every stream flows) and samples the
// core process's CPU time and resident memory from /proc every 5 s. Linux only. Prints JSON.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';

const seconds = Number(process.argv[2] ?? 300);
const extra = process.argv.slice(3);
const TICKS_PER_SEC = 100; // Linux USER_HZ

const child = spawn(
  process.execPath,
  ['out/main/headless.js', '--port', '0', '--seed', '42', '--log-level', 'warn', ...extra],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`headless exited with ${code}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = /^Bulwark headless: (\S+)$/.exec(line);
    if (m) resolve(m[1]);
  });
});

const cpuSeconds = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC; // utime + stime
};
const rssMiB = () => {
  const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line[1]) / 1024;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(url);
await page.locator('tr[data-position-id]').first().waitFor();
await page.waitForTimeout(5000); // warm-up

const samples = [];
const cpu0 = cpuSeconds();
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) {
  await page.waitForTimeout(5000);
  samples.push({ t: (performance.now() - t0) / 1000, cpu: cpuSeconds(), rss: rssMiB() });
}
const wall = (performance.now() - t0) / 1000;
const rss = samples.map((s) => s.rss);
const rows = await page.locator('tr[data-position-id]').count();
await browser.close();
child.kill('SIGTERM');
const exitCode = await new Promise((r) => child.once('exit', r));

const perInterval = samples
  .slice(1)
  .map((s, i) => (100 * (s.cpu - samples[i].cpu)) / (s.t - samples[i].t));
process.stdout.write(
  `${JSON.stringify({
    seconds: Math.round(wall),
    positionsShown: rows,
    cpuPercentMean: +((100 * (samples.at(-1).cpu - cpu0)) / wall).toFixed(2),
    cpuPercentMax5s: +Math.max(...perInterval).toFixed(2),
    rssMiBStart: +rss[0].toFixed(1),
    rssMiBEnd: +rss.at(-1).toFixed(1),
    rssMiBMax: +Math.max(...rss).toFixed(1),
    exitCode,
  })}\n`,
);
