/**
 * The risk slice: the latest frame from `risk.frame` (the core computes risk; the renderer only
 * shows it) and when a frame must be shown stale.
 */
import type { RiskFrame } from '@shared/domain/risk';

export interface RiskState {
  /** The latest frame, or null before the first one arrived. */
  frame: RiskFrame | null;
}

export const EMPTY_RISK: RiskState = { frame: null };

/** The newest frame wins; an older frame arriving late never replaces a newer one. */
export function applyRiskFrame(state: RiskState, frame: RiskFrame): RiskState {
  if (state.frame && frame.asOf < state.frame.asOf) return state;
  return { frame };
}

export interface RiskStaleInputs {
  frame: RiskFrame | null;
  /** feedStaleReason(): link to the core down or broker not connected. */
  feedReason: string | null;
  /** Age of the frame on the core's clock. */
  ageMs: number | null;
  /** A frame older than this is no longer live (the Greeks staleness limit). */
  limitMs: number;
}

/**
 * Why the risk figures on screen are not live, or null when they are. The core's own flag comes
 * first; the renderer adds what the core cannot know: the link or broker is down, or no new frame
 * arrived for longer than the limit.
 */
export function riskStaleReason(i: RiskStaleInputs): string | null {
  if (!i.frame) return 'no risk frame from the core yet';
  if (i.frame.stale) return i.frame.staleReason ?? 'the core marked the risk inputs stale';
  if (i.feedReason !== null) return i.feedReason;
  if (i.ageMs === null || i.ageMs > i.limitMs) {
    return `no new risk frame for over ${Math.round(i.limitMs / 1000)}s`;
  }
  return null;
}
