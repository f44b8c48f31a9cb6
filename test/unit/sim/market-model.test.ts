import { describe, expect, it } from 'vitest';
import { MarketModel } from '../../../src/main/broker/sim/market-model';
import { SPX, SYMBOL_INDEX, VIX3M } from '../../../src/main/broker/sim/universe';
import { FRIDAY_3PM } from './sim-helpers';

const ES = SYMBOL_INDEX.get('ES')!;
const SPY = SYMBOL_INDEX.get('SPY')!;

function model(seed = 1): MarketModel {
  return new MarketModel(seed, FRIDAY_3PM, '2026-12-18');
}

describe('market model', () => {
  it('follows the same path for the same seed and steps', () => {
    const a = model(3);
    const b = model(3);
    for (let i = 0; i < 200; i++) {
      a.step(1.5);
      b.step(1.5);
    }
    expect(a.price(SPX)).toBe(b.price(SPX));
    expect(a.vix).toBe(b.vix);
  });

  it('follows a different path for a different seed', () => {
    const a = model(3);
    const b = model(4);
    for (let i = 0; i < 50; i++) {
      a.step(1);
      b.step(1);
    }
    expect(a.price(SPX)).not.toBe(b.price(SPX));
  });

  it('advances sim time by the steps taken, split into sub-steps of at most 5 s', () => {
    const m = model();
    m.step(250);
    expect(m.time).toBeCloseTo(FRIDAY_3PM + 250_000, 3);
  });

  it('keeps VIX positive and reverting to its long-run level of about 17', () => {
    const m = model(11);
    let min = Infinity;
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      m.step(5); // ~28 sim hours
      min = Math.min(min, m.vix);
      sum += m.vix;
    }
    expect(min).toBeGreaterThan(5);
    expect(sum / n).toBeGreaterThan(14);
    expect(sum / n).toBeLessThan(24);
  });

  it('spikes VIX every 10–20 sim minutes on average and lets spikes decay', () => {
    const m = model(21);
    let spikes = 0;
    let prev = m.vix;
    const hours = 24;
    for (let i = 0; i < hours * 720; i++) {
      m.step(5);
      if (m.vix / prev > 1.15) spikes++;
      prev = m.vix;
    }
    const perHour = spikes / hours;
    expect(perHour).toBeGreaterThan(3);
    expect(perHour).toBeLessThan(6);
  });

  it('drags SPX down when VIX spikes and correlates SPX with VIX negatively', () => {
    const m = model(5);
    const spikeReturns: number[] = [];
    const dv: number[] = [];
    const ds: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v0 = m.vix;
      const s0 = m.price(SPX);
      m.step(1);
      const rv = Math.log(m.vix / v0);
      const rs = Math.log(m.price(SPX) / s0);
      if (rv > 0.15) spikeReturns.push(rs);
      else {
        dv.push(rv);
        ds.push(rs);
      }
    }
    expect(spikeReturns.length).toBeGreaterThan(20);
    const mean = spikeReturns.reduce((a, b) => a + b, 0) / spikeReturns.length;
    expect(mean).toBeLessThan(-0.005);
    expect(correlation(dv, ds)).toBeLessThan(-0.5);
  });

  it('inverts the VIX term structure during spikes (VIX above VIX3M)', () => {
    const m = model(8);
    let inverted = 0;
    let contango = 0;
    for (let i = 0; i < 20_000; i++) {
      m.step(2);
      if (m.vix > m.vix3m) inverted++;
      else contango++;
    }
    expect(inverted).toBeGreaterThan(0);
    expect(contango).toBeGreaterThan(inverted);
  });

  it('prices ES at fair value over SPX and SPY at a tenth of SPX', () => {
    const m = model();
    for (let i = 0; i < 100; i++) m.step(2);
    const t = (Date.parse('2026-12-18T16:00:00-05:00') - m.time) / (365 * 86_400_000);
    expect(m.price(ES) / m.price(SPX)).toBeCloseTo(Math.exp((0.045 - 0.013) * t), 4);
    expect(m.price(SPY) / (m.price(SPX) / 10)).toBeCloseTo(1, 2);
  });

  it('gives SPX a realistic daily vol: 0.8 × VIX/√365 plus the bounded spike wobble', () => {
    const m = new MarketModel(13, FRIDAY_3PM, '2026-12-18', { maxSubStepSec: 30 });
    const rets: number[] = [];
    let vixSum = 0;
    let samples = 0;
    for (let day = 0; day < 60; day++) {
      const s0 = m.price(SPX);
      for (let i = 0; i < 48; i++) {
        m.step(1800);
        vixSum += m.vix;
        samples++;
      }
      rets.push(Math.log(m.price(SPX) / s0));
    }
    const daily = Math.sqrt(rets.reduce((a, r) => a + r * r, 0) / rets.length);
    const diffusion = (0.8 * vixSum) / samples / 100 / Math.sqrt(365);
    expect(daily).toBeGreaterThan(diffusion * 0.8);
    expect(daily).toBeLessThan(diffusion * 1.8);
    expect(daily).toBeLessThan(0.02);
  });

  it('records settlement prices at the 16:00 close it runs through', () => {
    const m = model();
    expect(m.settlement('2026-11-20')).toBeUndefined();
    m.step(3600 + 10);
    expect(m.settlement('2026-11-20')?.[VIX3M]).toBeGreaterThan(0);
  });
});

function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}
