/**
 * The theta/vega gauge (pure): where the book's |θ|/|ν| sits on a scale with the red, yellow and
 * green bands of the THETA_VEGA_RATIO check. The band edges come from that check's `band`;
 * without it the desk defaults apply.
 */
import type { Light, LimitCheck } from '@shared/domain/risk';

export const THETA_VEGA_CODE = 'THETA_VEGA_RATIO';

export interface ThetaVegaBands {
  redBelow: number;
  greenLow: number;
  greenHigh: number;
  redAbove: number;
}

export const DEFAULT_THETA_VEGA_BANDS: ThetaVegaBands = {
  redBelow: 0.2,
  greenLow: 0.25,
  greenHigh: 0.4,
  redAbove: 0.5,
};

/** The band edges the check carries, or the defaults when it is absent or out of order. */
export function thetaVegaBands(check: LimitCheck | undefined): ThetaVegaBands {
  const b = check?.band;
  if (!b || !(b.redBelow <= b.greenLow && b.greenLow < b.greenHigh && b.greenHigh <= b.redAbove)) {
    return DEFAULT_THETA_VEGA_BANDS;
  }
  return {
    redBelow: b.redBelow,
    greenLow: b.greenLow,
    greenHigh: b.greenHigh,
    redAbove: b.redAbove,
  };
}

export type BandTone = 'red' | 'yellow' | 'green';

export interface GaugeSegment {
  tone: BandTone;
  /** Left edge and width, percent of the scale. */
  left: number;
  width: number;
}

export interface GaugeView {
  bands: ThetaVegaBands;
  /** The scale runs from 0 to this ratio. */
  scaleMax: number;
  segments: GaugeSegment[];
  /** Marker position, percent of the scale (clamped); null without a ratio. */
  position: number | null;
  /** The ratio lies beyond the right end of the scale. */
  offScale: boolean;
  /** The band the ratio falls in, by the edges above; null without a ratio. */
  band: BandTone | null;
  /** The core's light for the ratio (stale when not live); null when it sent no such check. */
  light: Light | null;
}

export function bandOf(ratio: number, b: ThetaVegaBands): BandTone {
  if (ratio < b.redBelow || ratio > b.redAbove) return 'red';
  if (ratio < b.greenLow || ratio > b.greenHigh) return 'yellow';
  return 'green';
}

const pct = (v: number, max: number) => Math.min(100, Math.max(0, (v / max) * 100));

export function gaugeView(
  ratio: number | null,
  check: LimitCheck | undefined,
  stale: boolean,
): GaugeView {
  const bands = thetaVegaBands(check);
  const scaleMax = bands.redAbove * 1.5;
  const edges: Array<[number, number, BandTone]> = [
    [0, bands.redBelow, 'red'],
    [bands.redBelow, bands.greenLow, 'yellow'],
    [bands.greenLow, bands.greenHigh, 'green'],
    [bands.greenHigh, bands.redAbove, 'yellow'],
    [bands.redAbove, scaleMax, 'red'],
  ];
  const segments = edges
    .map(([from, to, tone]) => ({
      tone,
      left: pct(from, scaleMax),
      width: pct(to, scaleMax) - pct(from, scaleMax),
    }))
    .filter((s) => s.width > 0);
  const valid = ratio !== null && Number.isFinite(ratio);
  return {
    bands,
    scaleMax,
    segments,
    position: valid ? pct(Math.max(0, ratio), scaleMax) : null,
    offScale: valid && ratio > scaleMax,
    band: valid ? bandOf(ratio, bands) : null,
    light: check ? (stale ? 'stale' : check.light) : null,
  };
}
