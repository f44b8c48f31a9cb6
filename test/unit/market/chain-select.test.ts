import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import type { OptionChain } from '@shared/domain/market';
import {
  chooseExpiry,
  farthestFirst,
  fittingChains,
  frontFuture,
  listedExpirations,
  pickContract,
  strikesFor,
  strikeWindow,
} from '../../../src/main/market/chain-select';
import { inst } from '../../fakes/instruments';

const ladder = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let k = from; k <= to; k += step) out.push(k);
  return out;
};

function chain(p: Partial<OptionChain>): OptionChain {
  return {
    underlying: 'IND:SPX',
    secType: 'OPT',
    multiplier: 100,
    exercise: 'european',
    expirations: [],
    strikes: [],
    ...p,
  };
}

/** Friday 2026-11-20 (a third Friday), 15:00 New York. */
const FRIDAY_1500 = Date.parse('2026-11-20T15:00:00-05:00');
const FRIDAY_1630 = Date.parse('2026-11-20T16:30:00-05:00');
const LISTED = ['2026-11-20', '2026-11-23', '2026-11-27', '2026-12-18'];

describe('strike window', () => {
  it('takes the strike nearest the price and `around` strikes each side of it', () => {
    const w = strikeWindow(ladder(5000, 7000, 5), 6012, 12);
    expect(w).toHaveLength(25);
    expect(w[12]).toBe(6010);
    expect(w[0]).toBe(5950);
    expect(w.at(-1)).toBe(6070);
  });

  it('keeps what there is at the edge of the chain, in ascending order, once each', () => {
    expect(strikeWindow([110, 100, 105, 100, 115], 101, 2)).toEqual([100, 105, 110]);
    expect(strikeWindow([100, 105, 110, 115], 200, 2)).toEqual([105, 110, 115]);
  });

  it('centres on the middle of the list when the price is unknown', () => {
    expect(strikeWindow(ladder(1, 9, 1), null, 1)).toEqual([4, 5, 6]);
  });

  it('returns no strikes for an empty chain', () => {
    expect(strikeWindow([], 100, 5)).toEqual([]);
  });

  it('orders strikes for holding from farthest to nearest the price', () => {
    expect(farthestFirst([90, 95, 100, 105, 120], 101)).toEqual([120, 90, 95, 105, 100]);
  });
});

describe('expiry choice', () => {
  it('picks the nearest expiry still open: today until 16:00 New York, then the next', () => {
    expect(chooseExpiry('SPX', LISTED, undefined, FRIDAY_1500)).toEqual({
      ok: true,
      expiry: '2026-11-20',
    });
    expect(chooseExpiry('SPX', LISTED, undefined, FRIDAY_1630)).toEqual({
      ok: true,
      expiry: '2026-11-23',
    });
  });

  it('takes a requested expiry that is listed and open', () => {
    expect(chooseExpiry('SPX', LISTED, '2026-12-18', FRIDAY_1500)).toEqual({
      ok: true,
      expiry: '2026-12-18',
    });
  });

  it('refuses a requested expiry that is not listed, naming the nearest open one', () => {
    const c = chooseExpiry('SPX', LISTED, '2026-12-19', FRIDAY_1500);
    expect(c).toEqual({
      ok: false,
      reason: 'SPX has no options expiring 2026-12-19; the nearest open expiry is 2026-11-20',
    });
  });

  it('says a past expiry has expired', () => {
    const c = chooseExpiry('SPX', LISTED, '2026-11-20', FRIDAY_1630);
    expect(c.ok).toBe(false);
    expect(!c.ok && c.reason).toMatch(/^SPX options of 2026-11-20 have expired/);
    const older = chooseExpiry('SPX', LISTED, '2026-11-13', FRIDAY_1500);
    expect(!older.ok && older.reason).toMatch(/have expired/);
  });

  it('says so when nothing is left open', () => {
    expect(chooseExpiry('XYZ', ['2026-11-20'], undefined, FRIDAY_1630)).toEqual({
      ok: false,
      reason: 'XYZ has no open option expiry',
    });
  });
});

describe('chains of several trading classes', () => {
  const spx = chain({ expirations: ['2026-12-18'], strikes: [5900, 6000, 6100] });
  const spxw = chain({ expirations: ['2026-11-23', '2026-12-18'], strikes: [5990, 6000, 6010] });
  const american = chain({ exercise: 'american', expirations: ['2026-11-27'], strikes: [1] });
  const fop = chain({ secType: 'FOP', exercise: 'american', expirations: ['2026-11-27'] });

  it('keeps the chains of the security type, and of the exercise style when any fit it', () => {
    expect(fittingChains([spx, spxw, american, fop], 'OPT', 'european')).toEqual([spx, spxw]);
    expect(fittingChains([american, fop], 'OPT', 'european')).toEqual([american]);
    expect(fittingChains([spx, fop], 'FOP')).toEqual([fop]);
  });

  it('merges expiries across classes, and takes strikes only from classes listing the expiry', () => {
    expect(listedExpirations([spx, spxw])).toEqual(['2026-11-23', '2026-12-18']);
    expect(strikesFor([spx, spxw], '2026-11-23')).toEqual([5990, 6000, 6010]);
    expect(strikesFor([spx, spxw], '2026-12-18')).toEqual([5900, 5990, 6000, 6010, 6100]);
  });
});

describe('contract choice', () => {
  const base = inst({
    secType: 'OPT',
    symbol: 'SPX',
    expiry: '2026-12-18',
    right: 'P',
    strike: 6000,
  });
  const am: Instrument = { ...base, conId: 1, tradingClass: 'SPX', settlement: 'AM' };
  const pm: Instrument = { ...base, conId: 2, tradingClass: 'SPXW', settlement: 'PM' };

  it('prefers the PM-settled SPXW when a third Friday lists both SPX classes', () => {
    expect(pickContract([am, pm], base.key)).toBe(pm);
    expect(pickContract([pm, am], base.key)).toBe(pm);
  });

  it('takes the only match, and nothing when no contract has the key', () => {
    expect(pickContract([am], base.key)).toBe(am);
    expect(pickContract([am], 'OPT:SPX:2026-12-18:C:6000')).toBeNull();
  });

  it('shows futures options on the front quarterly, else the nearest live future', () => {
    const fut = (expiry: string) => inst({ secType: 'FUT', symbol: 'ES', expiry });
    const [dec, mar, sep] = [fut('2026-12-18'), fut('2027-03-19'), fut('2026-09-18')];
    expect(frontFuture([mar, dec, sep], FRIDAY_1500)).toBe(dec);
    // Eight days before December's expiry the front rolls to March.
    expect(frontFuture([mar, dec], Date.parse('2026-12-14T12:00:00-05:00'))).toBe(mar);
    expect(frontFuture([dec], Date.parse('2026-12-14T12:00:00-05:00'))).toBe(dec);
    expect(frontFuture([sep], FRIDAY_1500)).toBeNull();
  });
});
