/**
 * Number formatting for the desk: thousands separators, fixed decimals per kind, a true minus
 * sign (U+2212) and an explicit plus where the sign carries meaning (P&L, quantity).
 */
export const MINUS = '\u2212';
export const DASH = '\u2014';

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, f);
  }
  return f;
}

/** Fixed decimals, thousands separators, U+2212 for negatives; "—" for no value. */
export function fmt(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = formatter(decimals).format(Math.abs(value));
  // Values that round to zero print without a sign.
  const isZero = Number(text.replace(/,/g, '')) === 0;
  return value < 0 && !isZero ? MINUS + text : text;
}

/** Like fmt, with "+" on positive values. */
export function fmtSigned(value: number | null | undefined, decimals: number): string {
  const text = fmt(value, decimals);
  if (value === null || value === undefined || !Number.isFinite(value)) return text;
  return value > 0 && text !== fmt(0, decimals) ? `+${text}` : text;
}

export const fmtPrice = (v: number | null | undefined): string => fmt(v, 2);
export const fmtMoney = (v: number | null | undefined): string => fmt(v, 0);
export const fmtPnl = (v: number | null | undefined): string => fmtSigned(v, 0);
/** Delta in share-equivalents: one decimal when small, whole shares otherwise. */
export const fmtDelta = (v: number | null | undefined): string =>
  fmt(v, v !== null && v !== undefined && Math.abs(v) < 100 ? 1 : 0);
/** Gamma per point: two decimals, fewer once the figure is large (book and group sums). */
export const fmtGamma = (v: number | null | undefined): string => {
  const abs = v === null || v === undefined ? 0 : Math.abs(v);
  return fmt(v, abs < 100 ? 2 : abs < 1000 ? 1 : 0);
};
export const fmtTheta = (v: number | null | undefined): string => fmt(v, 0);
export const fmtVega = (v: number | null | undefined): string => fmt(v, 0);
/** Implied vol as a percentage (0.1834 → "18.3%"). */
export const fmtIv = (v: number | null | undefined): string =>
  v === null || v === undefined ? DASH : `${fmt(v * 100, 1)}%`;
export const fmtQty = (v: number): string => fmtSigned(v, Number.isInteger(v) ? 0 : 2);
export const fmtPercent = (v: number | null | undefined, decimals = 1): string =>
  v === null || v === undefined ? DASH : `${fmt(v * 100, decimals)}%`;

/** CSS class for a signed P&L figure: green gains, red losses, neutral zero/none. */
export function pnlClass(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  if (Math.round(v) > 0) return 'pos';
  if (Math.round(v) < 0) return 'neg';
  return '';
}

/** Dollars with the sign before the symbol: "$12,345", "−$1,250"; "—" for no value. */
export function fmtUsd(v: number | null | undefined, decimals = 0): string {
  const text = fmt(v, decimals);
  if (text === DASH) return text;
  return text.startsWith(MINUS) ? `${MINUS}$${text.slice(1)}` : `$${text}`;
}

/**
 * A signed figure in at most ~6 characters for dense grids: "+850", "−8.5k", "−123k", "+1.25M".
 * The full value belongs in a tooltip.
 */
export function fmtCompact(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const abs = Math.abs(v);
  if (Math.round(abs) < 1_000) return fmtSigned(v, 0);
  if (abs < 9_999.5) return `${fmtSigned(v / 1_000, 1)}k`;
  if (abs < 999_500) return `${fmtSigned(v / 1_000, 0)}k`;
  if (abs < 9_995_000) return `${fmtSigned(v / 1_000_000, 2)}M`;
  if (abs < 999_500_000) return `${fmtSigned(v / 1_000_000, 0)}M`;
  return `${fmtSigned(v / 1_000_000_000, 1)}B`;
}

/**
 * Dollars in at most ~7 characters for chart axes: "$850", "−$12k", "$1.2M", "−$15M", "$1.1B".
 * The sign goes before the symbol, like fmtUsd.
 */
export function fmtCompactUsd(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const abs = Math.abs(v);
  const sign = Math.round(abs) === 0 ? '' : v < 0 ? MINUS : '';
  const body = (x: number, unit: string) =>
    `${x < 10 ? fmt(x, 1).replace(/\.0$/, '') : fmt(x, 0)}${unit}`;
  let text: string;
  if (abs < 999.5) text = fmt(abs, 0);
  else if (abs < 999_500) text = body(abs / 1_000, 'k');
  else if (abs < 999_500_000) text = body(abs / 1_000_000, 'M');
  else text = body(abs / 1_000_000_000, 'B');
  return `${sign}$${text}`;
}
