/** Item 3 of the fail-closed issue: daily drawdown survives a restart and resets at the open. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionDate, StartOfDayTracker } from '../../../../src/main/risk/live/start-of-day';
import {
  fileStartOfDayStore,
  memoryStartOfDayStore,
  START_OF_DAY_FILE,
} from '../../../../src/main/risk/live/start-of-day-store';
import { silentLogger } from '../../../../src/main/util/logger';

const at = (iso: string) => Date.parse(iso);
const MON_0900 = at('2026-11-23T09:00:00-05:00');
const MON_0931 = at('2026-11-23T09:31:00-05:00');
const MON_1300 = at('2026-11-23T13:00:00-05:00');
const TUE_0800 = at('2026-11-24T08:00:00-05:00');
const TUE_0930 = at('2026-11-24T09:30:00-05:00');

describe('start-of-day NLV', () => {
  it('sessions run from one weekday 09:30 open to the next, not from midnight', () => {
    expect(sessionDate(MON_0900)).toBe('2026-11-20'); // before Monday's open: Friday's session
    expect(sessionDate(MON_0931)).toBe('2026-11-23');
    expect(sessionDate(TUE_0800)).toBe('2026-11-23'); // after midnight, before the open
    expect(sessionDate(at('2026-11-22T12:00:00-05:00'))).toBe('2026-11-20'); // Sunday
  });

  it("uses the broker's daily P&L whenever it is given", () => {
    const t = new StartOfDayTracker(memoryStartOfDayStore());
    expect(t.observe(MON_1300, 95_000, -5_000)).toMatchObject({ nlv: 100_000 });
  });

  it('is unknown after a mid-day start without broker P&L: never the first reading', () => {
    const t = new StartOfDayTracker(memoryStartOfDayStore());
    const sod = t.observe(MON_1300, 95_000, null);
    expect(sod.nlv).toBeNull();
    expect(sod.basis).toMatch(/^Start of day unknown/);
  });

  it('records the first NLV after the open and keeps it across a restart (real file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-sod-'));
    const first = new StartOfDayTracker(fileStartOfDayStore(dir, silentLogger));
    expect(first.observe(MON_0900, 101_000, null).nlv).toBeNull(); // Friday's session, unseen
    expect(first.observe(MON_0931, 100_000, null).nlv).toBe(100_000);
    expect(first.observe(MON_1300, 97_000, null).nlv).toBe(100_000);
    expect(JSON.parse(readFileSync(join(dir, START_OF_DAY_FILE), 'utf8'))).toMatchObject({
      session: '2026-11-23',
      nlv: 100_000,
    });
    // A restart at 13:00: a new tracker on the same directory keeps Monday's open.
    const restarted = new StartOfDayTracker(fileStartOfDayStore(dir, silentLogger));
    expect(restarted.observe(MON_1300, 96_000, null).nlv).toBe(100_000);
    // Still Monday's session overnight; Tuesday's open starts a new one.
    expect(restarted.observe(TUE_0800, 96_500, null).nlv).toBe(100_000);
    expect(restarted.observe(TUE_0930, 96_800, null).nlv).toBe(96_800);
  });

  it('ignores a corrupt file instead of trusting it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-sod-'));
    writeFileSync(join(dir, START_OF_DAY_FILE), '{"session":"2026-11-23","nlv":-1');
    const t = new StartOfDayTracker(fileStartOfDayStore(dir, silentLogger));
    expect(t.observe(MON_1300, 96_000, null).nlv).toBeNull();
  });
});
