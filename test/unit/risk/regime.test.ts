import { describe, expect, it } from 'vitest';
import type { RegimeName } from '@shared/domain/risk';
import { classifyRegime, RegimeTracker } from '../../../src/main/risk/regime';
import type { RegimeReading } from '../../../src/main/risk/regime';
import type { RiskMatrix } from '../../../src/main/risk/matrix/schema';
import { defaultMatrix } from './matrix/fixtures';

const m = defaultMatrix();
const t = m.regimes.thresholds;

/** A reading with contango 1.05 (not low-vol term structure) unless given. */
function r(vix: number | null, extra: Partial<RegimeReading> = {}): RegimeReading {
  return { vix, vix3m: vix === null ? null : vix * 1.05, vvix: 90, ...extra };
}

describe('classifyRegime', () => {
  it.each<[string, RegimeReading, RegimeName | null]>([
    ['unknown VIX', r(null), null],
    ['VIX at the crisis threshold is not crisis', r(35), 'high_volatility'],
    ['VIX above the crisis threshold', r(35.01), 'crisis'],
    ['VVIX at its threshold is not crisis', r(12, { vvix: 150 }), 'neutral'],
    ['VVIX above its threshold, even with VIX low', r(12, { vvix: 150.1 }), 'crisis'],
    ['VIX at the high-volatility threshold is neutral', r(22), 'neutral'],
    ['VIX above the high-volatility threshold', r(22.01), 'high_volatility'],
    ['VIX below 15 in steep contango', r(14.99, { vix3m: 14.99 * 1.11 }), 'low_volatility'],
    ['VIX at 15 in steep contango is neutral', r(15, { vix3m: 15 * 1.2 }), 'neutral'],
    ['term ratio exactly at its threshold is neutral', r(10, { vix3m: 11 }), 'neutral'],
    ['low VIX with flat term structure is neutral', r(12), 'neutral'],
    ['low VIX with VIX3M unknown is neutral', r(12, { vix3m: null }), 'neutral'],
    ['VVIX unknown does not matter', r(18, { vvix: null }), 'neutral'],
  ])('%s', (_label, reading, expected) => {
    expect(classifyRegime(reading, t)).toBe(expected);
  });
});

function tracker(confirmations = 3, matrix: RiskMatrix = m): RegimeTracker {
  return new RegimeTracker({
    regimes: { ...matrix.regimes, hysteresis: { ...matrix.regimes.hysteresis, confirmations } },
    scalers: matrix.scalers,
  });
}

/** Feeds readings one second apart from `start`; returns the regime after each. */
function feed(
  tr: RegimeTracker,
  readings: RegimeReading[],
  start = 1_000,
): Array<RegimeName | null> {
  return readings.map(
    (reading, i) => tr.update({ ...reading, time: start + i * 1_000 }).state?.name ?? null,
  );
}

describe('RegimeTracker', () => {
  it('sets the regime directly from the first reading', () => {
    const tr = tracker();
    expect(tr.current()).toBeNull();
    const { state, change } = tr.update({ ...r(26, { vix3m: 24 }), time: 5_000 });
    expect(change).toBeNull();
    expect(state).toEqual({
      name: 'high_volatility',
      since: 5_000,
      vix: 26,
      vix3m: 24,
      vvix: 90,
      termRatio: 24 / 26,
      pending: null,
      scaler: expect.closeTo(0.7 * 0.8, 12) as number,
    });
    expect(tr.current()).toEqual(state);
  });

  it('has no state until VIX is known', () => {
    const tr = tracker();
    expect(tr.update({ ...r(null), time: 1 }).state).toBeNull();
    expect(tr.current()).toBeNull();
    expect(tr.update({ ...r(18), time: 2 }).state?.name).toBe('neutral');
  });

  it('does not switch on readings inside the band', () => {
    const tr = tracker(1);
    feed(tr, [r(18)]);
    expect(feed(tr, [r(22.5), r(22.9), r(22.99)], 10_000)).toEqual([
      'neutral',
      'neutral',
      'neutral',
    ]);
    expect(tr.current()?.pending).toBeNull();
  });

  it('switches after N confirmations past the band, not N − 1', () => {
    const tr = tracker(3);
    feed(tr, [r(18)]);
    const first = tr.update({ ...r(23), time: 2_000 });
    expect(first.state?.pending).toBe('high_volatility');
    expect(first.change).toBeNull();
    expect(tr.update({ ...r(24), time: 3_000 }).change).toBeNull();
    expect(tr.current()?.name).toBe('neutral');
    const third = tr.update({ ...r(25), time: 4_000 });
    expect(third.change).toEqual({ from: 'neutral', to: 'high_volatility', at: 4_000 });
    expect(third.state).toMatchObject({ name: 'high_volatility', since: 4_000, pending: null });
  });

  it('resets the count on a reading back in the current regime or inside the band', () => {
    const tr = tracker(3);
    feed(tr, [r(18)]);
    expect(feed(tr, [r(24), r(24), r(20), r(24), r(24)], 2_000)).toEqual(Array(5).fill('neutral'));
    expect(feed(tr, [r(22.5), r(24), r(24)], 10_000)).toEqual(Array(3).fill('neutral'));
    expect(tr.update({ ...r(24), time: 20_000 }).change?.to).toBe('high_volatility');
  });

  it('counts a repeated reading time once and ignores readings from the past', () => {
    const tr = tracker(3);
    tr.update({ ...r(18), time: 1_000 });
    for (let i = 0; i < 5; i++) tr.update({ ...r(24), time: 2_000 });
    tr.update({ ...r(24), time: 1_500 });
    expect(tr.current()?.name).toBe('neutral');
    tr.update({ ...r(24), time: 3_000 });
    expect(tr.current()?.name).toBe('neutral');
    expect(tr.update({ ...r(24), time: 4_000 }).change?.at).toBe(4_000);
  });

  it('leaves a regime only past the band on the way back too', () => {
    const tr = tracker(2);
    feed(tr, [r(25)]);
    expect(feed(tr, [r(21.5), r(21.2), r(21.01)], 2_000)).toEqual(Array(3).fill('high_volatility'));
    expect(feed(tr, [r(21), r(20)], 10_000)).toEqual(['high_volatility', 'neutral']);
  });

  it('needs the term ratio past its band to enter low volatility', () => {
    const tr = tracker(2);
    feed(tr, [r(16)]);
    // VIX 13.5 is past 15 − 1; a term ratio of 1.11 is not past 1.10 + 0.02.
    expect(
      feed(tr, [r(13.5, { vix3m: 13.5 * 1.11 }), r(13.5, { vix3m: 13.5 * 1.11 })], 2_000),
    ).toEqual(['neutral', 'neutral']);
    expect(
      feed(tr, [r(13.5, { vix3m: 13.5 * 1.13 }), r(13.5, { vix3m: 13.5 * 1.13 })], 5_000),
    ).toEqual(['neutral', 'low_volatility']);
    // …and stays low while VIX is under 15 + 1 and the ratio above 1.10 − 0.02.
    expect(
      feed(tr, [r(15.5, { vix3m: 15.5 * 1.09 }), r(15.5, { vix3m: 15.5 * 1.09 })], 9_000),
    ).toEqual(['low_volatility', 'low_volatility']);
  });

  it('enters crisis on VVIX only past the VVIX band', () => {
    const tr = tracker(2);
    feed(tr, [r(20)]);
    expect(feed(tr, [r(20, { vvix: 152 }), r(20, { vvix: 154 })], 2_000)).toEqual([
      'neutral',
      'neutral',
    ]);
    const next = feed(tr, [r(20, { vvix: 156 }), r(20, { vvix: 160 })], 5_000);
    expect(next).toEqual(['neutral', 'crisis']);
  });

  it('restarts the count when the readings point to another regime', () => {
    const tr = tracker(3);
    feed(tr, [r(18)]);
    expect(feed(tr, [r(24), r(24), r(40)], 2_000)).toEqual(Array(3).fill('neutral'));
    expect(tr.current()?.pending).toBe('crisis');
    expect(feed(tr, [r(40), r(40)], 6_000)).toEqual(['neutral', 'crisis']);
  });

  it('neither counts nor resets on a reading with VIX unknown', () => {
    const tr = tracker(3);
    feed(tr, [r(18)]);
    const names = feed(tr, [r(24), r(null), r(24), r(24)], 2_000);
    expect(names).toEqual(['neutral', 'neutral', 'neutral', 'high_volatility']);
  });

  it('switches on the first reading past the band with one confirmation', () => {
    const tr = tracker(1);
    feed(tr, [r(18)]);
    expect(tr.update({ ...r(23), time: 9_000 }).change).toEqual({
      from: 'neutral',
      to: 'high_volatility',
      at: 9_000,
    });
  });

  it('keeps `since` while the regime holds and reports the scaler of each reading', () => {
    const tr = tracker(3);
    tr.update({ ...r(18), time: 1_000 });
    const s = tr.update({ ...r(21, { vix3m: 19.5 }), time: 2_000 }).state;
    expect(s?.since).toBe(1_000);
    expect(s?.scaler).toBeCloseTo(0.85 * 0.8, 12);
    const off: RiskMatrix = { ...m, scalers: { ...m.scalers, enabled: false } };
    const plain = tracker(3, off);
    expect(plain.update({ ...r(30, { vix3m: 24 }), time: 1 }).state?.scaler).toBe(1);
  });
});
