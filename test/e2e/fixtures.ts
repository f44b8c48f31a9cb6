/**
 * Per-test fixtures: a fresh headless process (seed 42, a fixed Friday-morning market start,
 * contract validation on) and a page that
 * fails the test on any console error, uncaught exception or failed request.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startHeadless, type HeadlessProcess } from './headless-process';

interface Fixtures {
  app: HeadlessProcess;
  headlessArgs: string[];
  workstation: Page;
}

export const test = base.extend<Fixtures>({
  // A fixed start keeps the book's expiries (and so its Greeks) the same on every run date.
  headlessArgs: [
    ['--seed', '42', '--sim-start', '2026-11-20T11:00:00-05:00', '--validate-contract'],
    { option: true },
  ],
  app: async ({ headlessArgs }, use) => {
    const app = await startHeadless(['--port', '0', ...headlessArgs]);
    await use(app);
    const code = await app.stop();
    expect(code, `headless exit code; stderr:\n${app.stderr()}`).toBe(0);
    expect(app.stdoutLines).toHaveLength(1);
    expect(app.stderr()).not.toMatch(/ ERROR /);
  },
  workstation: async ({ page, app }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(app.url);
    await use(page);
    expect(problems).toEqual([]);
  },
});

export { expect };

/** The text of the first cell of a given column in the row of a position. */
export async function cellText(page: Page, positionId: string, column: number): Promise<string> {
  return (
    (await page.locator(`tr[data-position-id="${positionId}"] > td`).nth(column).textContent()) ??
    ''
  );
}
