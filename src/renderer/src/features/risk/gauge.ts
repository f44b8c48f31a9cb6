/**
 * The theta/vega gauge (pure): where the book's |θ|/|ν| sits on a scale with the red, yellow and
 * green bands of the THETA_VEGA_RATIO check. The band edges come from that check's `band` only:
 * the risk matrix owns them. Without a valid band the gauge draws no bands and names none.
 */
import type { Light, LimitCheck } from '@shared/domain/risk';

export const THETA_VEGA_CODE = 'THETA_VEGA_RATIO';

export interface ThetaVegaBands {
  redBelow: number;
  greenLow: number;
  greenHigh: number;
  redAbove: number;
}

/** The band edges the check carries; null when it is absent or its edges are out of order. */
export function thetaVegaBands(check: LimitCheck | undefined): ThetaVegaBands | null {
  const b = check?.band;
  if (!b || !(b.redBelow <= b.greenLow && b.greenLow < b.greenHigh && b.greenHigh <= b.redAbove)) {
    return null;
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
  /** Null without a valid band from the frame: no bands are drawn. */
  bands: ThetaVegaBands | null;
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
  const valid = ratio !== null && Number.isFinite(ratio);
  const scaleMax = bands ? bands.redAbove * 1.5 : Math.max(1, valid ? ratio * 1.5 : 1);
  const edges: Array<[number, number, BandTone]> = bands
    ? [
        [0, bands.redBelow, 'red'],
        [bands.redBelow, bands.greenLow, 'yellow'],
        [bands.greenLow, bands.greenHigh, 'green'],
        [bands.greenHigh, bands.redAbove, 'yellow'],
        [bands.redAbove, scaleMax, 'red'],
      ]
    : [];
  const segments = edges
    .map(([from, to, tone]) => ({
      tone,
      left: pct(from, scaleMax),
      width: pct(to, scaleMax) - pct(from, scaleMax),
    }))
    .filter((s) => s.width > 0);
  return {
    bands,
    scaleMax,
    segments,
    position: valid ? pct(Math.max(0, ratio), scaleMax) : null,
    offScale: valid && ratio > scaleMax,
    band: valid && bands ? bandOf(ratio, bands) : null,
    light: check ? (stale ? 'stale' : check.light) : null,
  };
}
