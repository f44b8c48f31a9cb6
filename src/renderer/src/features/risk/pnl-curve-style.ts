/**
 * How the P&L curve is drawn (pure): "now" solid blue, "+1 day" dashed amber, told apart by
 * style as well as colour (also when stale and both are grey). The series carry no on-chart
 * titles (they overlapped at the right edge); the caption is the legend.
 */
import { LineStyle } from 'lightweight-charts';

export type CurveId = 'now' | 'decay';

export interface CurveStyle {
  color: string;
  staleColor: string;
  lineWidth: 1 | 2 | 3;
  lineStyle: LineStyle;
  /** Legend text. */
  label: string;
  /** Legend tooltip. */
  description: string;
}

export const CURVE_STYLES: Record<CurveId, CurveStyle> = {
  now: {
    color: '#5b9bff',
    staleColor: '#7c8794',
    lineWidth: 2,
    lineStyle: LineStyle.Solid,
    label: 'now',
    description: 'Revalued now, no vol shift',
  },
  decay: {
    color: '#f0a23a',
    staleColor: '#4f5864',
    lineWidth: 2,
    lineStyle: LineStyle.Dashed,
    label: '+1 day',
    description: 'No vol shift, after one calendar day of time decay',
  },
};

/** Width reserved for the P&L axis so "−$1.2M" is never clipped. */
export const PRICE_SCALE_MIN_WIDTH = 58;
