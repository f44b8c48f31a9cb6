/**
 * Numerical building blocks of the American boundary engine: Gauss–Legendre rules, and
 * interpolation through values at the Chebyshev–Lobatto points ξᵢ = cos(iπ/n) — as a row of
 * barycentric weights (for points fixed in advance) or by Chebyshev coefficients (anywhere).
 */

/** Weights of the values at ξᵢ = cos(iπ/n) in the Chebyshev interpolant at ξ (barycentric). */
export function lagrangeRow(n: number, xi: number): Float64Array {
  const row = new Float64Array(n + 1);
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const d = xi - Math.cos((i * Math.PI) / n);
    if (d === 0) {
      row.fill(0);
      row[i] = 1;
      return row;
    }
    const w = (i % 2 === 0 ? 1 : -1) * (i === 0 || i === n ? 0.5 : 1);
    row[i] = w / d;
    sum += row[i]!;
  }
  for (let i = 0; i <= n; i++) row[i]! /= sum;
  return row;
}

/** out[p] = √max(Σᵢ M[p][i]·h[i], 0) for rows p in [from, to) of M. */
export function interpolateRows(
  m: Float64Array,
  h: Float64Array,
  out: Float64Array,
  from: number,
  to: number,
): void {
  for (let p = from; p < to; p++) out[p] = Math.sqrt(Math.max(dot(m, p, h), 0));
}

export function dot(m: Float64Array, row: number, h: Float64Array): number {
  const width = h.length;
  const base = row * width;
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < width; i += 2) {
    s0 += m[base + i]! * h[i]!;
    s1 += m[base + i + 1]! * h[i + 1]!;
  }
  if (i < width) s0 += m[base + i]! * h[i]!;
  return s0 + s1;
}

/** Coefficients aₖ of Σ aₖ Tₖ(ξ) through values at the Chebyshev–Lobatto points cos(iπ/n). */
export function chebyshevCoefficients(values: Float64Array): Float64Array {
  const n = values.length - 1;
  const a = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0.5 * (values[0]! + (k % 2 === 0 ? values[n]! : -values[n]!));
    for (let i = 1; i < n; i++) sum += values[i]! * Math.cos((i * k * Math.PI) / n);
    a[k] = (2 / n) * sum;
  }
  a[0]! *= 0.5;
  a[n]! *= 0.5;
  return a;
}

export function clenshaw(a: Float64Array, x: number): number {
  let b1 = 0;
  let b2 = 0;
  for (let k = a.length - 1; k >= 1; k--) {
    const b0 = 2 * x * b1 - b2 + a[k]!;
    b2 = b1;
    b1 = b0;
  }
  return x * b1 - b2 + a[0]!;
}

export interface Quadrature {
  x: Float64Array;
  w: Float64Array;
  /** sin θ and cos θ at θ = π(1 + x)/4, for the substitution u = τ·sin²θ. */
  sin: Float64Array;
  cos: Float64Array;
}

/**
 * Gauss–Legendre nodes and weights on [−1, 1] (Newton on the Legendre polynomial, to double
 * precision), with sin θ and cos θ at θ = π(1 + x)/4 for the substitution u = τ·sin²θ.
 */
export function gaussLegendre(n: number): Quadrature {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  const sin = x.map((z) => Math.sin((Math.PI * (1 + z)) / 4));
  const cos = x.map((z) => Math.cos((Math.PI * (1 + z)) / 4));
  return { x, w, sin, cos };
}
