/**
 * Bivariate standard normal distribution, accurate to about 1e-15 absolute: A. Genz, "Numerical
 * computation of rectangular bivariate and trivariate normal and t probabilities", Statistics
 * and Computing 14 (2004) — Drezner–Wesolowsky's Gauss–Legendre integration of Plackett's
 * formula for |ρ| < 0.925 and an asymptotic expansion with a corrected integral beyond. This is
 * Genz's BVND, which QuantLib ships as BivariateCumulativeNormalDistributionWe04DP.
 */
import { normCdf } from './normal';

const TWO_PI = 2 * Math.PI;
const SQRT_TWO_PI = Math.sqrt(TWO_PI);

// Gauss–Legendre abscissae in (−1, 0) and weights, 6, 12 and 20 points (half of each rule).
const X6 = [-0.932469514203152, -0.6612093864662645, -0.2386191860831969];
const W6 = [0.17132449237917036, 0.3607615730481386, 0.46791393457269104];
const X12 = [
  -0.9815606342467192, -0.9041172563704749, -0.7699026741943047, -0.5873179542866175,
  -0.3678314989981802, -0.1252334085114689,
];
const W12 = [
  0.04717533638651183, 0.10693932599531843, 0.16007832854334622, 0.20316742672306592,
  0.2334925365383548, 0.24914704581340277,
];
const X20 = [
  -0.9931285991850949, -0.9639719272779138, -0.912234428251326, -0.8391169718222188,
  -0.7463319064601508, -0.636053680726515, -0.5108670019508271, -0.37370608871541955,
  -0.22778585114164507, -0.07652652113349734,
];
const W20 = [
  0.017614007139152118, 0.04060142980038694, 0.06267204833410907, 0.08327674157670475,
  0.10193011981724044, 0.11819453196151841, 0.13168863844917664, 0.14209610931838204,
  0.14917298647260374, 0.15275338713072584,
];

/** P(X ≤ a, Y ≤ b) for standard normals with correlation ρ ∈ [−1, 1]. */
export function bivariateNormalCdf(a: number, b: number, rho: number): number {
  return upperOrthant(-a, -b, rho);
}

/** Genz's BVND: P(X > h, Y > k). */
function upperOrthant(h: number, k: number, rho: number): number {
  const r = Math.max(-1, Math.min(1, rho));
  const abs = Math.abs(r);
  const [xs, ws] = abs < 0.3 ? [X6, W6] : abs < 0.75 ? [X12, W12] : [X20, W20];
  const n = xs.length;
  let hk = h * k;
  let bvn = 0;
  if (abs < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const w = ws[i]!;
      let sn = Math.sin((asr * (x + 1)) / 2);
      bvn += w * Math.exp((sn * hk - hs) / (1 - sn * sn));
      sn = Math.sin((asr * (1 - x)) / 2);
      bvn += w * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    return (bvn * asr) / (2 * TWO_PI) + normCdf(-h) * normCdf(-k);
  }
  let kk = k;
  if (r < 0) {
    kk = -k;
    hk = -hk;
  }
  if (abs < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - kk) * (h - kk);
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn =
      a *
      Math.exp(-(bs / as + hk) / 2) *
      (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -=
        Math.exp(-hk / 2) *
        SQRT_TWO_PI *
        normCdf(-b / a) *
        b *
        (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const w = ws[i]!;
      let xsq = (a * (x + 1)) ** 2;
      let rs = Math.sqrt(1 - xsq);
      bvn +=
        a *
        w *
        (Math.exp(-bs / (2 * xsq) - hk / (1 + rs)) / rs -
          Math.exp(-(bs / xsq + hk) / 2) * (1 + c * xsq * (1 + d * xsq)));
      xsq = (as * (1 - x) * (1 - x)) / 4;
      rs = Math.sqrt(1 - xsq);
      bvn +=
        a *
        w *
        Math.exp(-(bs / xsq + hk) / 2) *
        (Math.exp((-hk * xsq) / (2 * (1 + rs) * (1 + rs))) / rs - (1 + c * xsq * (1 + d * xsq)));
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normCdf(-Math.max(h, kk));
  bvn = -bvn;
  if (kk > h) bvn += h < 0 ? normCdf(kk) - normCdf(h) : normCdf(-h) - normCdf(-kk);
  return bvn;
}
