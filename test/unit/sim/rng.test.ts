import { describe, expect, it } from 'vitest';
import { Rng, hash32, hashString } from '../../../src/main/broker/sim/rng';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = new Rng(123, 1);
    const b = new Rng(123, 1);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
  });

  it('gives unrelated sequences for neighbouring seeds and for other streams', () => {
    const base = Array.from({ length: 20 }, (_, i) => i).map(() => 0);
    const seqOf = (r: Rng): number[] => base.map(() => r.nextUint32());
    const s = seqOf(new Rng(1, 1));
    expect(seqOf(new Rng(2, 1))).not.toEqual(s);
    expect(seqOf(new Rng(1, 2))).not.toEqual(s);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const r = new Rng(9);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.02);
  });

  it('draws uniform integers inside the inclusive range', () => {
    const r = new Rng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(0, 2));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('hashes deterministically and spreads neighbouring inputs', () => {
    // Golden values: a change to the hash changes every seeded market, so it must be deliberate.
    expect(hash32(1, 2, 3)).toBe(556913344);
    expect(hashString('OPT:SPX:2026-12-18:P:5800')).toBe(1832986686);
    expect(hash32(1, 2, 3)).not.toBe(hash32(1, 2, 4));
    expect(hashString('OPT:SPX:2026-12-18:P:5800')).toBe(hashString('OPT:SPX:2026-12-18:P:5800'));
  });
});
