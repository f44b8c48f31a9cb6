/** The regime badge's words (pure): machine name for assistive tech, friendly name on screen. */
import type { RegimeName, RegimeState } from '@shared/domain/risk';
import { DASH, fmt } from '../../format/numbers';
import { fmtTermRatio, termState, type TermState } from '../../format/term';

export const REGIME_LABELS: Record<RegimeName, string> = {
  low_volatility: 'Low volatility',
  neutral: 'Neutral',
  high_volatility: 'High volatility',
  crisis: 'Crisis',
};

export type RegimeTone = 'calm' | 'neutral' | 'elevated' | 'crisis';

const TONES: Record<RegimeName, RegimeTone> = {
  low_volatility: 'calm',
  neutral: 'neutral',
  high_volatility: 'elevated',
  crisis: 'crisis',
};

export interface RegimeView {
  /** Exactly "Regime: <machine name>", e.g. "Regime: high_volatility". */
  ariaLabel: string;
  label: string;
  tone: RegimeTone;
  /** "→ crisis pending", or null when the readings agree with the regime. */
  pendingText: string | null;
  /** "limits ×0.75", or null when the scaler is 1. */
  scalerText: string | null;
  vixText: string;
  /** VIX3M / VIX, "1.08" */
  termRatioText: string;
  /** Below 1 the curve is inverted: a warning. */
  term: TermState | null;
}

export function regimeView(r: RegimeState): RegimeView {
  const scaled = Math.abs(r.scaler - 1) > 1e-9;
  return {
    ariaLabel: `Regime: ${r.name}`,
    label: REGIME_LABELS[r.name],
    tone: TONES[r.name],
    pendingText:
      r.pending && r.pending !== r.name
        ? `→ ${REGIME_LABELS[r.pending].toLowerCase()} pending`
        : null,
    scalerText: scaled ? `limits ×${fmt(r.scaler, 2)}` : null,
    vixText: r.vix === null ? DASH : fmt(r.vix, 2),
    termRatioText: fmtTermRatio(r.termRatio),
    term: termState(r.termRatio),
  };
}
