// `npm run screenshot`: starts headless mode on the simulator (seed 42), opens it in Debian's
// Chromium and saves docs/screenshot.png — the picture in the README.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? 'docs/screenshot.png';
const child = spawn(process.execPath, ['out/main/headless.js', '--port', '0', '--seed', '42'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`headless exited with ${code}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = /^Bulwark headless: (\S+)$/.exec(line);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.locator('tr[data-position-id]').nth(24).waitFor();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: out });
  process.stderr.write(`saved ${out}\n`);
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
