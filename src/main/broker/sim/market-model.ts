/**
 * The simulated market: state and its evolution over sim time.
 *
 * Two time scales on purpose. Prices move in calendar time with realistic vols (SPX realised
 * vol = 0.8 × VIX/100 a year). VIX runs on a demo time scale so regimes change within a demo:
 * ln VIX = ln 17 + u + s, where u is fast noise (OU, half-life 3 sim minutes) and s the spike
 * component (jumps about every 15 sim minutes, decaying with a 6-minute half-life). A spike
 * drags SPX down by `spxDrag` × jump (log; ≈ −0.9 % for VIX +55 %) and that drag fades with
 * the spike, so it adds a bounded wobble (≈ 0.5 % std) rather than a trend. SPX diffusion
 * is correlated −0.7 with the VIX noise. VIX3M chases 17→19 plus half of VIX's deviation with a
 * slower half-life (10 minutes), so VIX/VIX3M inverts in spikes.
 *
 * Every other equity underlying: ln P = ln P0 + β·(ln SPX − ln SPX0) + e, where e is a random
 * walk with the name's own vol (scaled by (VIX/17)^0.8), or — for SPY, ES and MES — a small
 * tracking error that mean-reverts within a minute. ES/MES = SPX·e^{(r−q)T}: fair basis.
 */
import type { Settlement } from '@shared/domain/instrument';
import { expiryInstant, addDays, newYorkDate, yearsToExpiry } from '@shared/domain/time';
import { Rng, STREAM_MARKET } from './rng';
import { vixScale } from './vol-surface';
import { DEFAULT_RATE, SPX, UNIVERSE, VIX, VIX3M, VIX3M_LONG_RUN, VIX_LONG_RUN } from './universe';

export interface MarketParams {
  rate: number;
  vixHalfLifeSec: number;
  /** Stationary std of the fast log-VIX noise. */
  vixNoise: number;
  spikeEverySec: number;
  spikeHalfLifeSec: number;
  /** Log-size range of a VIX jump: 0.2 → +22 %, 0.7 → +101 %. */
  spikeMin: number;
  spikeMax: number;
  /** SPX log move per unit of log VIX jump (negative drag). */
  spxDrag: number;
  vix3mHalfLifeSec: number;
  vix3mShare: number;
  vix3mNoise: number;
  spxVolPerVix: number;
  rho: number;
  trackingHalfLifeSec: number;
  /** Longest sub-step: big steps at high speed are split into pieces at most this long. */
  maxSubStepSec: number;
}

export const DEFAULT_MARKET_PARAMS: MarketParams = {
  rate: DEFAULT_RATE,
  vixHalfLifeSec: 180,
  vixNoise: 0.12,
  spikeEverySec: 900,
  spikeHalfLifeSec: 360,
  spikeMin: 0.2,
  spikeMax: 0.7,
  spxDrag: 0.02,
  vix3mHalfLifeSec: 600,
  vix3mShare: 0.5,
  vix3mNoise: 0.03,
  spxVolPerVix: 0.8,
  rho: -0.7,
  trackingHalfLifeSec: 60,
  maxSubStepSec: 5,
};

const SEC_PER_YEAR = 365 * 86_400;
const LN2 = Math.log(2);
const N = UNIVERSE.length;
const SPX0 = UNIVERSE[SPX]!.startPrice;
const LN_SPX0 = Math.log(SPX0);

export class MarketModel {
  readonly params: MarketParams;
  readonly futureExpiry: string;
  /** Sim time, epoch ms. */
  time: number;
  /** Bumped whenever prices change (step or shock): caches compare against it. */
  version = 0;
  private readonly rng: Rng;
  private u: number;
  private s = 0;
  private y: number;
  private spxLog = LN_SPX0;
  private drag = 0;
  private readonly idio = new Float64Array(N);
  private readonly prices = new Float64Array(N);
  /** Prices at each 09:30 open and 16:00 close the sim ran through, by `date AM|PM`. */
  private readonly settlements = new Map<string, Float64Array>();
  private nextPrint: { at: number; date: string; kind: Settlement };

  constructor(
    seed: number,
    startTime: number,
    futureExpiry: string,
    params: Partial<MarketParams> = {},
  ) {
    this.params = { ...DEFAULT_MARKET_PARAMS, ...params };
    this.futureExpiry = futureExpiry;
    this.time = startTime;
    this.rng = new Rng(seed, STREAM_MARKET);
    this.u = Math.log(UNIVERSE[VIX]!.startPrice / VIX_LONG_RUN);
    this.y = Math.log(UNIVERSE[VIX3M]!.startPrice);
    this.nextPrint = printAfter(startTime);
    this.recompute();
  }

  price(index: number): number {
    return this.prices[index]!;
  }

  get vix(): number {
    return this.prices[VIX]!;
  }

  get vix3m(): number {
    return this.prices[VIX3M]!;
  }

  /**
   * Prices at 16:00 New York (PM) or at the 09:30 open (AM) on a date the sim ran through: the
   * cash settlement of expiries.
   */
  settlement(date: string, kind: Settlement = 'PM'): Float64Array | undefined {
    return this.settlements.get(`${date} ${kind}`);
  }

  /** Advances sim time; steps longer than maxSubStepSec are split into equal sub-steps. */
  step(dtSec: number): void {
    if (dtSec <= 0) return;
    const n = Math.ceil(dtSec / this.params.maxSubStepSec - 1e-9);
    const h = dtSec / n;
    for (let i = 0; i < n; i++) {
      this.subStep(h);
      this.time += h * 1000;
      if (this.time >= this.nextPrint.at) this.recordPrint();
    }
    this.recompute();
    this.version++;
  }

  /** Multiplies one price by `factor` now (shocks). SPX moves carry every follower by beta. */
  movePrice(index: number, factor: number): void {
    const d = Math.log(factor);
    if (index === SPX) this.spxLog += d;
    else if (index === VIX) this.s += d;
    else if (index === VIX3M) this.y += d;
    else this.idio[index] = this.idio[index]! + d;
    this.recompute();
    this.version++;
  }

  private subStep(h: number): void {
    const p = this.params;
    const rng = this.rng;
    const zv = rng.normal();
    const zp = rng.normal();
    const jumpDraw = rng.next();
    const jumpSize = p.spikeMin + (p.spikeMax - p.spikeMin) * rng.next();
    const vix = VIX_LONG_RUN * Math.exp(this.u + this.s);

    // VIX: exact OU update for the noise, exponential decay plus Poisson jumps for spikes.
    const au = Math.exp((-LN2 * h) / p.vixHalfLifeSec);
    this.u = this.u * au + p.vixNoise * Math.sqrt(1 - au * au) * zv;
    const as = Math.exp((-LN2 * h) / p.spikeHalfLifeSec);
    this.s *= as;
    this.drag *= as;
    if (jumpDraw < 1 - Math.exp(-h / p.spikeEverySec)) {
      this.s += jumpSize;
      this.drag += p.spxDrag * jumpSize;
    }
    const a3 = Math.exp((-LN2 * h) / p.vix3mHalfLifeSec);
    const target3 = Math.log(VIX3M_LONG_RUN) + p.vix3mShare * (this.u + this.s);
    this.y = target3 + (this.y - target3) * a3 + p.vix3mNoise * Math.sqrt(1 - a3 * a3) * zv;

    // SPX in calendar time, correlated with the VIX noise.
    const hy = h / SEC_PER_YEAR;
    const sqrtHy = Math.sqrt(hy);
    const vol = (p.spxVolPerVix * vix) / 100;
    const zs = p.rho * zv + Math.sqrt(1 - p.rho * p.rho) * zp;
    this.spxLog += -0.5 * vol * vol * hy + vol * sqrtHy * zs;

    const scale = vixScale(vix);
    const at = Math.exp((-LN2 * h) / p.trackingHalfLifeSec);
    for (let i = 0; i < N; i++) {
      const spec = UNIVERSE[i]!;
      if (spec.kind !== 'etf' && spec.kind !== 'stock' && spec.kind !== 'future') continue;
      const z = rng.normal();
      const e = this.idio[i]!;
      if (spec.tracking) {
        this.idio[i] = e * at + spec.idioVol * Math.sqrt(1 - at * at) * z;
      } else {
        const v = spec.idioVol * scale;
        this.idio[i] = e - 0.5 * v * v * hy + v * sqrtHy * z;
      }
    }
  }

  private recompute(): void {
    const lnSpx = this.spxLog - this.drag;
    const spx = Math.exp(lnSpx);
    const carry = this.params.rate - UNIVERSE[SPX]!.divYield;
    const basis = Math.exp(carry * Math.max(0, yearsToExpiry(this.futureExpiry, this.time)));
    for (let i = 0; i < N; i++) {
      const spec = UNIVERSE[i]!;
      const e = this.idio[i]!;
      switch (spec.kind) {
        case 'index':
          this.prices[i] = spx;
          break;
        case 'etf':
        case 'stock':
          this.prices[i] = spec.startPrice * Math.exp(spec.beta * (lnSpx - LN_SPX0) + e);
          break;
        case 'future':
          this.prices[i] = spx * basis * Math.exp(e);
          break;
        case 'vol-index':
          this.prices[i] = i === VIX ? VIX_LONG_RUN * Math.exp(this.u + this.s) : Math.exp(this.y);
          break;
      }
    }
  }

  private recordPrint(): void {
    this.recompute();
    const { date, kind } = this.nextPrint;
    this.settlements.set(`${date} ${kind}`, Float64Array.from(this.prices));
    this.nextPrint = printAfter(this.time);
  }
}

/** The first 09:30 open or 16:00 close in New York after `t`. */
function printAfter(t: number): { at: number; date: string; kind: Settlement } {
  for (let date = newYorkDate(t); ; date = addDays(date, 1)) {
    for (const kind of ['AM', 'PM'] as const) {
      const at = expiryInstant(date, kind);
      if (at > t) return { at, date, kind };
    }
  }
}
