/**
 * Standard normal density and distribution to full double precision: W. J. Cody's rational
 * Chebyshev approximations ("Rational Chebyshev approximations for the error function",
 * Math. Comp. 1969), in the arrangement R's pnorm uses. Φ and its complement are computed
 * separately so deep tails keep their relative accuracy (1 − Φ(8) is not rounded to 0).
 * Coefficients are written, as literals, as the doubles they round to; the polynomials are
 * evaluated by Estrin's scheme (shorter dependency chains than Horner's, same accuracy: every
 * term is positive), and exp(−x²/2) with one exponential (`expHalfSq`). Values agree with the
 * textbook loops to an ulp or two.
 *
 * Nothing here allocates. Hot callers that already hold e = exp(−x²/2) (Black–Scholes needs the
 * density anyway) pass it to `normTail` and save the exponential.
 */

export const INV_SQRT_2PI = 0.3989422804014327;
/** Below this |x| Φ uses the central rational function and needs no exponential. */
const CENTRAL = 0.67448975;

/**
 * exp(−x²/2) to within an ulp or two for any x: x² is formed exactly as hi + lo (Dekker's
 * product), so its rounding does not cost precision deep in the tail, with one exponential.
 */
export function expHalfSq(x: number): number {
  const y = Math.abs(x);
  if (y >= 38.7) return y === y ? 0 : NaN; // exp(−x²/2) underflows to 0
  const c = 134217729 * y; // Veltkamp split: 2^27 + 1
  const yh = c - (c - y);
  const yl = y - yh;
  const hi = y * y;
  const lo = yh * yh - hi + 2 * yh * yl + yl * yl;
  return Math.exp(-0.5 * hi) * (1 - 0.5 * lo);
}

export function normPdf(x: number): number {
  return INV_SQRT_2PI * expHalfSq(x);
}

/** Φ(x). */
export function normCdf(x: number): number {
  const q = normTail(x, Math.abs(x) > CENTRAL ? expHalfSq(x) : 0);
  return x < 0 ? q : 1 - q;
}

/** 1 − Φ(x) without cancellation; equals Φ(−x). */
export function normCdfUpper(x: number): number {
  const q = normTail(x, Math.abs(x) > CENTRAL ? expHalfSq(x) : 0);
  return x < 0 ? 1 - q : q;
}

/**
 * The smaller tail, Φ(−|x|), given e = exp(−x²/2) (ignored when |x| ≤ 0.67448975, where no
 * exponential is needed). Then Φ(x) = x < 0 ? q : 1 − q and 1 − Φ(x) = x < 0 ? 1 − q : q, both
 * with full relative accuracy.
 */
export function normTail(x: number, e: number): number {
  const y = Math.abs(x);
  return y <= 0.67448975 ? 0.5 - central(y) : e * tailRatio(y);
}

/** Φ(x) − 1/2 for |x| ≤ 0.67448975. */
function central(x: number): number {
  // Estrin's scheme: the same polynomials as Cody's Horner loops, with a shorter dependency
  // chain (every term is positive, so the order of summation costs no accuracy).
  const x2 = x * x;
  const x4 = x2 * x2;
  const num =
    18154.98125334356 +
    1067.6894854603709 * x2 +
    (161.02823106855587 + 2.2352520354606837 * x2) * x4 +
    0.06568233791820745 * x4 * x4;
  const den =
    45507.78933502673 +
    10260.932208618979 * x2 +
    (976.0985517377767 + 47.202581904688245 * x2) * x4 +
    x4 * x4;
  return (x * num) / den;
}

/** (1 − Φ(y)) / exp(−y²/2) for y > 0.67448975. */
function tailRatio(y: number): number {
  if (y > 5.656854249492381) return farTailRatio(y); // √32
  const y2 = y * y;
  const y4 = y2 * y2;
  const y8 = y4 * y4;
  const num =
    9842.714838383978 +
    11602.65143764735 * y +
    (6848.190450536283 + 2494.5375852903726 * y) * y2 +
    (597.2702763948002 +
      93.50665613217785 * y +
      (8.883149794388377 + 0.39894151208813466 * y) * y2) *
      y4;
  const den =
    19685.429676859992 +
    38912.00328609327 * y +
    (34900.95272114598 + 18615.571640885097 * y) * y2 +
    (6485.558298266761 +
      1519.3775994075547 * y +
      (235.387901782625 + 22.266688044328117 * y) * y2) *
      y4;
  return (num + 1.0765576773720192e-8 * y8) / (den + y8);
}

/** The asymptotic form beyond √32, kept out of line: hot callers rarely get here. */
function farTailRatio(y: number): number {
  const z = 1 / (y * y);
  const z2 = z * z;
  const z4 = z2 * z2;
  const num =
    2.9112874951168793e-5 +
    0.0014216191932278934 * z +
    (0.022235277870649807 + 0.12740116116024736 * z) * z2 +
    (0.215898534057957 + 0.023073441764940174 * z) * z4;
  const den =
    7.297515550839662e-5 +
    0.0037823963320275824 * z +
    (0.06598813786892856 + 0.4682382124808651 * z) * z2 +
    (1.284260096144911 + z) * z4;
  return (INV_SQRT_2PI - (z * num) / den) / y;
}

/**
 * Φ⁻¹(p) for 0 < p < 1 to about 1e-9 relative (P. J. Acklam's rational approximation, no
 * refinement step): good enough for starting points of solvers, not for final answers.
 */
export function normInvApprox(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return tailInv(q);
  }
  if (p > 1 - 0.02425) return -tailInv(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  const num =
    (((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r +
      138.357751867269) *
      r -
      30.66479806614716) *
      r +
      2.506628277459239) *
    q;
  const den =
    ((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r +
      66.80131188771972) *
      r -
      13.28068155288572) *
      r +
    1;
  return num / den;
}

/** Acklam's lower-tail branch, q = √(−2 ln p). */
function tailInv(q: number): number {
  const num =
    ((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q -
      2.549732539343734) *
      q +
      4.374664141464968) *
      q +
    2.938163982698783;
  const den =
    (((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q +
      3.754408661907416) *
      q +
    1;
  return num / den;
}
