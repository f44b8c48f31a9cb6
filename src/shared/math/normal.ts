/**
 * The standard normal distribution for the renderer and the main process alike (src/shared may
 * not import the main process's pricing code). Φ is Hart's 1968 double-precision rational
 * approximation as G. West gives it ("Better approximations to cumulative normal functions",
 * Wilmott 2005). Its error is below 1e-15 absolute everywhere and 1e-13 relative while the
 * smaller tail is above 1e-4 (|x| ≤ 3.5); further out it keeps about 8 significant digits,
 * plenty for probabilities and prices shown to the trader. The smaller tail is computed
 * directly, never as 1 − (1 − tiny).
 */

const SQRT_2PI = 2.5066282746310002;
/** Past |x| = 37, exp(−x²/2) underflows: the tail is 0 to double precision. */
const TAIL_END = 37;
/** Below 10/√2 the rational function holds; above, the continued fraction. */
const SPLIT = 7.07106781186547;

const N = [
  220.206867912376, 221.213596169931, 112.079291497871, 33.912866078383, 6.37396220353165,
  0.700383064443688, 0.0352624965998911,
];
const M = [
  440.413735824752, 793.826512519948, 637.333633378831, 296.564248779674, 86.7807322029461,
  16.064177579207, 1.75566716318264, 0.0883883476483184,
];

/** The density φ(x). */
export function normPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Φ(−|x|): the smaller tail, without cancellation. */
function lowerTail(z: number): number {
  if (z > TAIL_END) return 0;
  const e = Math.exp(-0.5 * z * z);
  if (z < SPLIT) return (e * horner(N, z)) / horner(M, z);
  const cf = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
  return e / (SQRT_2PI * cf);
}

/** Φ(x) = P(Z ≤ x). */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const q = lowerTail(Math.abs(x));
  return x <= 0 ? q : 1 - q;
}

/** 1 − Φ(x) = P(Z > x), accurate in the upper tail too. */
export function normSf(x: number): number {
  return normCdf(-x);
}

function horner(coeffs: readonly number[], z: number): number {
  let acc = 0;
  for (let i = coeffs.length - 1; i >= 0; i--) acc = acc * z + (coeffs[i] ?? 0);
  return acc;
}
