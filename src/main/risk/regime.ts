/**
 * Market regimes from VIX, the VIX3M/VIX term ratio and VVIX, with hysteresis so a VIX
 * hovering at a threshold does not flip the limits back and forth. The tracker only reports a
 * change; the caller turns it into an event.
 */
import type { RegimeName, RegimeState } from '@shared/domain/risk';
import { combinedScaler } from './matrix/limits';
import type { Hysteresis, RegimeConfig, RegimeThresholds, ScalerConfig } from './matrix/schema';

export interface RegimeReading {
  vix: number | null;
  vix3m: number | null;
  vvix: number | null;
}

export interface RegimeChange {
  from: RegimeName;
  to: RegimeName;
  at: number;
}

const known = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** VIX3M / VIX, or null when either is unknown or VIX is not positive. */
export function termRatioOf(reading: RegimeReading): number | null {
  const { vix, vix3m } = reading;
  return known(vix) && known(vix3m) && vix > 0 ? vix3m / vix : null;
}

type Bands = Pick<Hysteresis, 'vixBand' | 'vvixBand' | 'termBand'>;
const NO_BANDS: Bands = { vixBand: 0, vvixBand: 0, termBand: 0 };
const RANK: Record<RegimeName, number> = {
  low_volatility: 0,
  neutral: 1,
  high_volatility: 2,
  crisis: 3,
};

/**
 * `x > threshold` seen from the current regime. When the condition holds for the current
 * regime (`holds`), it stays true until x is at least `band` below the threshold; when it does
 * not, it becomes true only once x is at least `band` above it. With band 0: plain x > t.
 */
function above(x: number, threshold: number, band: number, holds: boolean): boolean {
  if (holds) return x > threshold - band;
  return band > 0 ? x >= threshold + band : x > threshold;
}

/** `x < threshold`, the mirror of `above`. */
function below(x: number, threshold: number, band: number, holds: boolean): boolean {
  if (holds) return x < threshold + band;
  return band > 0 ? x <= threshold - band : x < threshold;
}

/**
 * The regime a reading points to, each boundary of the current regime moved `band` outward —
 * so leaving `current` needs the reading past the boundary by the band. No current: raw rules.
 */
function classifyBanded(
  reading: RegimeReading,
  t: RegimeThresholds,
  bands: Bands,
  current: RegimeName | null,
): RegimeName | null {
  const { vix, vvix } = reading;
  if (!known(vix)) return null;
  const rank = current === null ? -1 : RANK[current];
  const inCrisis = current === 'crisis';
  const vixCrisis = above(vix, t.crisis.vixAbove, bands.vixBand, inCrisis);
  const vvixCrisis = known(vvix) && above(vvix, t.crisis.vvixAbove, bands.vvixBand, inCrisis);
  if (vixCrisis || vvixCrisis) return 'crisis';
  if (above(vix, t.highVolatility.vixAbove, bands.vixBand, rank >= RANK.high_volatility)) {
    return 'high_volatility';
  }
  const inLow = current === 'low_volatility';
  const term = termRatioOf(reading);
  const low = t.lowVolatility;
  if (
    below(vix, low.vixBelow, bands.vixBand, inLow) &&
    term !== null &&
    above(term, low.termRatioAbove, bands.termBand, inLow)
  ) {
    return 'low_volatility';
  }
  return 'neutral';
}

/**
 * crisis if VIX > crisis.vixAbove or VVIX > crisis.vvixAbove; else high_volatility if
 * VIX > highVolatility.vixAbove; else low_volatility if VIX < lowVolatility.vixBelow and
 * VIX3M/VIX > termRatioAbove; else neutral. Null when VIX is unknown.
 */
export function classifyRegime(
  reading: RegimeReading,
  thresholds: RegimeThresholds,
): RegimeName | null {
  return classifyBanded(reading, thresholds, NO_BANDS, null);
}

export interface RegimeTrackerConfig {
  regimes: RegimeConfig;
  scalers: ScalerConfig;
}

/**
 * Follows the regime through a stream of readings. The first reading with a known VIX sets it
 * directly. After that a different regime is adopted only when `confirmations` consecutive
 * readings point to it past the band; a reading inside the band or back in the current regime
 * resets the count, one pointing to yet another regime restarts it. A reading whose time is not
 * after the last one is ignored (the same quote seen twice is one reading); a reading with VIX
 * unknown updates the inputs shown but neither counts nor resets.
 */
export class RegimeTracker {
  private state: RegimeState | null = null;
  private lastTime = -Infinity;
  private count = 0;

  constructor(private readonly config: RegimeTrackerConfig) {}

  current(): RegimeState | null {
    return this.state;
  }

  /** `state` is null only until the first reading with a known VIX. */
  update(reading: RegimeReading & { time: number }): {
    state: RegimeState | null;
    change: RegimeChange | null;
  } {
    if (!(reading.time > this.lastTime)) return { state: this.state, change: null };
    this.lastTime = reading.time;
    const { thresholds, hysteresis } = this.config.regimes;
    const termRatio = termRatioOf(reading);
    const inputs = {
      vix: reading.vix,
      vix3m: reading.vix3m,
      vvix: reading.vvix,
      termRatio,
      scaler: combinedScaler(this.config.scalers, reading.vix, termRatio),
    };
    const prev = this.state;
    if (prev === null) {
      const name = classifyRegime(reading, thresholds);
      if (name !== null) this.state = { name, since: reading.time, pending: null, ...inputs };
      return { state: this.state, change: null };
    }
    const candidate = classifyBanded(reading, thresholds, hysteresis, prev.name);
    let pending = prev.pending;
    if (candidate === null) {
      // VIX unknown: no evidence either way.
    } else if (candidate === prev.name) {
      pending = null;
      this.count = 0;
    } else {
      this.count = candidate === pending ? this.count + 1 : 1;
      pending = candidate;
      if (this.count >= hysteresis.confirmations) {
        this.count = 0;
        this.state = { name: candidate, since: reading.time, pending: null, ...inputs };
        return {
          state: this.state,
          change: { from: prev.name, to: candidate, at: reading.time },
        };
      }
    }
    this.state = { ...prev, ...inputs, pending };
    return { state: this.state, change: null };
  }
}
