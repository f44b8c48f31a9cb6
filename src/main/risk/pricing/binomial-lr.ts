/**
 * Leisen–Reimer binomial tree for American options ("Binomial models for option valuation —
 * examining and improving convergence", Applied Mathematical Finance 1996), Peizer–Pratt
 * inversion method 2, odd step count, cost-of-carry form. The same construction as QuantLib's
 * BinomialLRVanillaEngine. O(steps²): a fallback for parameters the integral engine does not
 * cover (negative rates) and an independent check in the tests, not a hot path.
 */

/** American price with positional arguments: call?, spot, strike, years, rate, carry b, vol. */
export function lrAmericanPrice(
  call: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
  v: number,
  steps = 801,
): number {
  const intrinsic = Math.max(call ? s - k : k - s, 0);
  if (!(t > 0 && v > 0)) return intrinsic;
  const n = steps % 2 === 1 ? steps : steps + 1;
  const dt = t / n;
  const vst = v * Math.sqrt(t);
  const d1 = (Math.log(s / k) + (b + 0.5 * v * v) * t) / vst;
  const d2 = d1 - vst;
  const pu = peizerPratt(d2, n);
  const pd = 1 - pu;
  const pStar = peizerPratt(d1, n);
  const growth = Math.exp(b * dt);
  const up = (growth * pStar) / pu;
  const down = (growth - pu * up) / pd;
  const disc = Math.exp(-r * dt);
  const values = new Float64Array(n + 1);
  // Terminal nodes, j up-moves: S·up^j·down^(n−j).
  const ratio = up / down;
  let node = s * down ** n;
  for (let j = 0; j <= n; j++) {
    values[j] = Math.max(call ? node - k : k - node, 0);
    node *= ratio;
  }
  for (let i = n - 1; i >= 0; i--) {
    node = s * down ** i;
    for (let j = 0; j <= i; j++) {
      const cont = disc * (pu * values[j + 1]! + pd * values[j]!);
      values[j] = Math.max(cont, call ? node - k : k - node);
      node *= ratio;
    }
  }
  return Math.max(values[0]!, intrinsic);
}

/** Peizer–Pratt method 2: the binomial probability that matches Φ(z) for n steps. */
function peizerPratt(z: number, n: number): number {
  const a = z / (n + 1 / 3 + 0.1 / (n + 1));
  const sign = z >= 0 ? 1 : -1;
  return 0.5 + sign * 0.5 * Math.sqrt(1 - Math.exp(-a * a * (n + 1 / 6)));
}
