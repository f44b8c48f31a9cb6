/**
 * Deterministic daily bars before the sim's start, from the same factor model at daily scale:
 * VIX a log-OU (half-life 15 trading days) with occasional spikes; SPX daily vol
 * 0.9 × VIX/100 / √252 (≈ 16 % a year), correlated −0.7 with VIX and dragged down by spikes;
 * every other name β × SPX + its own noise. The noise is orthogonalised against SPX in blocks
 * of 252 returns counted back from the start, so a one-year OLS beta reproduces the configured
 * beta. Weekdays only (no holidays); the last bar is the start date and closes at the start price.
 */
import type { DailyBar } from '@shared/domain/market';
import { MS_PER_YEAR, addDays, newYorkDate, weekday } from '@shared/domain/time';
import { frontQuarterlyOn } from '@shared/domain/futures-calendar';
import { clean } from './ticks';
import { Rng, STREAM_HISTORY } from './rng';
import { SPX, UNIVERSE, VIX, VIX3M, VIX_LONG_RUN, VIX3M_LONG_RUN, specOf } from './universe';
import { vixScale } from './vol-surface';

export const HISTORY_MAX_DAYS = 2520;
const BLOCK = 252;
const SQRT_252 = Math.sqrt(252);
const LN2 = Math.log(2);
const VOLUME: Record<string, number> = {
  SPY: 60e6,
  QQQ: 35e6,
  IWM: 25e6,
  AAPL: 50e6,
  TSLA: 90e6,
  NVDA: 250e6,
  ES: 1.5e6,
  MES: 1e6,
};

export class SimHistory {
  private bars: Map<string, DailyBar[]> | null = null;

  constructor(
    private readonly seed: number,
    private readonly startTime: number,
    private readonly currentPrice: (index: number) => number,
    private readonly rate: number,
  ) {}

  /** The last `days` bars (at most HISTORY_MAX_DAYS) for a symbol or key; null if unknown. */
  daily(symbolOrKey: string, days: number): DailyBar[] | null {
    const symbol = symbolOrKey.includes(':') ? (symbolOrKey.split(':')[1] ?? '') : symbolOrKey;
    if (!specOf(symbol.toUpperCase())) return null;
    this.bars ??= this.generate();
    const all = this.bars.get(symbol.toUpperCase()) ?? [];
    return days <= 0 ? [] : all.slice(Math.max(0, all.length - days));
  }

  private dates(): string[] {
    const out: string[] = [];
    for (let d = newYorkDate(this.startTime); out.length < HISTORY_MAX_DAYS; d = addDays(d, -1)) {
      const wd = weekday(d);
      if (wd !== 0 && wd !== 6) out.push(d);
    }
    return out.reverse();
  }

  private generate(): Map<string, DailyBar[]> {
    const rng = new Rng(this.seed, STREAM_HISTORY);
    const dates = this.dates();
    const n = dates.length;
    const vix = vixPath(rng, n);
    const returns = UNIVERSE.map(() => new Float64Array(n));
    const spx = returns[SPX]!;
    const noise = UNIVERSE.map(() => new Float64Array(n));
    const carry = this.rate - UNIVERSE[SPX]!.divYield;
    let prevBasis = basisOn(dates[0]!, carry);
    for (let t = 1; t < n; t++) {
      const sd = (0.9 * vix.level[t - 1]!) / 100 / SQRT_252;
      const zs = -0.7 * vix.shock[t]! + Math.sqrt(1 - 0.49) * rng.normal();
      spx[t] = -0.5 * sd * sd + sd * zs - 0.04 * vix.jump[t]!;
      const scale = vixScale(vix.level[t - 1]!) / SQRT_252;
      UNIVERSE.forEach((spec, i) => {
        noise[i]![t] = rng.normal() * spec.idioVol * scale;
      });
      const basis = basisOn(dates[t]!, carry);
      UNIVERSE.forEach((spec, i) => {
        if (spec.kind === 'future') returns[i]![t] = spx[t]! + Math.log(basis / prevBasis);
      });
      prevBasis = basis;
    }
    UNIVERSE.forEach((spec, i) => {
      if (spec.kind !== 'etf' && spec.kind !== 'stock') return;
      orthogonalise(noise[i]!, spx);
      for (let t = 1; t < n; t++) returns[i]![t] = spec.beta * spx[t]! + noise[i]![t]!;
    });
    const out = new Map<string, DailyBar[]>();
    UNIVERSE.forEach((spec, i) => {
      const closes =
        i === VIX || i === VIX3M
          ? anchorPath(i === VIX ? vix.level : vix3mPath(vix.level), this.currentPrice(i))
          : closesFrom(returns[i]!, this.currentPrice(i));
      const tick = spec.secType === 'FUT' ? 0.25 : 0.01;
      out.set(spec.symbol, toBars(rng, dates, closes, tick, VOLUME[spec.symbol] ?? 0));
    });
    return out;
  }
}

interface VixPath {
  level: Float64Array;
  /** The standard normal driving each day's VIX noise (SPX correlates with it). */
  shock: Float64Array;
  /** Log jump on each day (0 on most days). */
  jump: Float64Array;
}

function vixPath(rng: Rng, n: number): VixPath {
  const level = new Float64Array(n);
  const shock = new Float64Array(n);
  const jump = new Float64Array(n);
  const a = Math.exp(-LN2 / 15);
  const as = Math.exp(-LN2 / 8);
  let u = 0;
  let s = 0;
  level[0] = VIX_LONG_RUN;
  for (let t = 1; t < n; t++) {
    shock[t] = rng.normal();
    const draw = rng.next();
    const size = 0.2 + 0.4 * rng.next();
    u = u * a + 0.22 * Math.sqrt(1 - a * a) * shock[t]!;
    s *= as;
    if (draw < 1 / 60) {
      s += size;
      jump[t] = size;
    }
    level[t] = VIX_LONG_RUN * Math.exp(u + s);
  }
  return { level, shock, jump };
}

/** VIX3M: 19 plus half of VIX's log deviation, smoothed over about a week. */
function vix3mPath(vix: Float64Array): Float64Array {
  const out = new Float64Array(vix.length);
  const a = Math.exp(-LN2 / 5);
  let y = Math.log(VIX3M_LONG_RUN);
  for (let t = 0; t < vix.length; t++) {
    const target = Math.log(VIX3M_LONG_RUN) + 0.5 * Math.log(vix[t]! / VIX_LONG_RUN);
    y = target + (y - target) * a;
    out[t] = Math.exp(y);
  }
  return out;
}

/** Bends the end of a level path onto today's value (fading over ~20 days back). */
function anchorPath(path: Float64Array, now: number): Float64Array {
  const n = path.length;
  const ratio = now / path[n - 1]!;
  return path.map((v, t) => v * Math.pow(ratio, Math.exp(-(n - 1 - t) / 20)));
}

function closesFrom(returns: Float64Array, last: number): Float64Array {
  const closes = new Float64Array(returns.length);
  closes[returns.length - 1] = last;
  for (let t = returns.length - 1; t > 0; t--) closes[t - 1] = closes[t]! * Math.exp(-returns[t]!);
  return closes;
}

/** Removes the mean and the SPX-explained part of the noise, block by block from the end. */
function orthogonalise(e: Float64Array, m: Float64Array): void {
  for (let end = e.length; end > 1; end -= BLOCK) {
    const start = Math.max(1, end - BLOCK);
    const len = end - start;
    let me = 0;
    let mm = 0;
    for (let t = start; t < end; t++) {
      me += e[t]!;
      mm += m[t]!;
    }
    me /= len;
    mm /= len;
    let cov = 0;
    let varM = 0;
    for (let t = start; t < end; t++) {
      cov += (e[t]! - me) * (m[t]! - mm);
      varM += (m[t]! - mm) ** 2;
    }
    const b = varM > 0 ? cov / varM : 0;
    for (let t = start; t < end; t++) e[t] = e[t]! - me - b * (m[t]! - mm);
  }
}

/** Fair basis of the front future at a date's close (date arithmetic: no time-zone work). */
function basisOn(date: string, carry: number): number {
  const years = (Date.parse(frontQuarterlyOn(date)) - Date.parse(date)) / MS_PER_YEAR;
  return Math.exp(carry * years);
}

function toBars(
  rng: Rng,
  dates: readonly string[],
  closes: Float64Array,
  tick: number,
  volume: number,
): DailyBar[] {
  const round = (x: number): number => clean(Math.round(x / tick) * tick);
  return dates.map((date, t) => {
    const close = closes[t]!;
    const prev = t > 0 ? closes[t - 1]! : close;
    const range = Math.abs(Math.log(close / prev)) + 0.004;
    const open = prev * Math.exp(0.25 * range * rng.normal());
    const high = Math.max(open, close) * Math.exp(0.5 * range * Math.abs(rng.normal()));
    const low = Math.min(open, close) * Math.exp(-0.5 * range * Math.abs(rng.normal()));
    const vol = volume * Math.exp(0.3 * rng.normal());
    return {
      date,
      open: round(open),
      high: round(high),
      low: round(low),
      close: round(close),
      volume: Math.round(vol),
    };
  });
}
