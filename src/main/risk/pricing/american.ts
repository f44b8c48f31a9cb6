/**
 * American options in cost-of-carry form (b = r − q for stock/ETF/index, b = 0 for options on
 * futures): price and finite-difference Greeks, same units as the European `BsResult` (per unit
 * of underlying; vega per 1.00 vol; theta per year of calendar time, negative = decay; charm =
 * ∂Δ/∂t per year).
 *
 * Prices come from the integral-equation engine (american-boundary.ts, Andersen–Lake–
 * Offengelden), which agrees with QuantLib's 2001-step Leisen–Reimer tree to well inside 0.1% on
 * the fixture grid and is a smooth function of its inputs. Bjerksund–Stensland 2002
 * (bjerksund-stensland.ts) is faster but misses 0.1% on long-dated, high-vol options; it is
 * kept as `americanPriceBs2002` for callers that accept that.
 *
 * Calls are priced as puts through C(S, K, r, q) = P(K, S, q, r). With the put's rate r ≤ 0
 * there is no single exercise boundary: with r ≤ 0 ≤ q early exercise never pays, so the
 * European price is exact; other negative rates fall back to a Leisen–Reimer tree, as do very
 * low vols (see STIFF). The price is never below the European price or intrinsic value.
 */
import {
  DEFAULT_SCHEME,
  putPrice,
  solvePutBoundary,
  type BoundaryScheme,
  type PutBoundary,
} from './american-boundary';
import { lrAmericanPrice } from './binomial-lr';
import { bs2002Price } from './bjerksund-stensland';
import { bsGreeks, bsPriceAt, newBsResult, type BsInputs, type BsResult } from './black-scholes';

export { DEFAULT_SCHEME, type BoundaryScheme } from './american-boundary';

/** Relative finite-difference steps; see `americanGreeks`. */
const SPOT_STEP = 1e-3;
const SPOT_STEP_PER_STDDEV = 1e-2;
const VOL_STEP = 1e-4;
const TIME_STEP = 1e-3;
/**
 * Above this 2·max(r, |q|)/σ² (rates of the equivalent put) the integral engine is stiff and
 * prices come from the Leisen–Reimer tree: e.g. σ below 1% at a 5% rate. Such options are worth
 * almost nothing beyond intrinsic; both methods are within ~1e-5 of the strike there.
 */
const STIFF = 1000;

export function americanPrice(p: BsInputs, scheme: BoundaryScheme = DEFAULT_SCHEME): number {
  return new AmericanPricer(p, scheme).price(p.spot);
}

/** Bjerksund–Stensland 2002: faster, less accurate (see the file comment). */
export function americanPriceBs2002(p: BsInputs): number {
  return bs2002Price(p.right === 'C', p.spot, p.strike, p.t, p.rate, p.carry, p.vol);
}

/**
 * Price and Greeks by central finite differences of the price, with steps chosen so truncation
 * and rounding errors both stay near 1e-7 relative:
 * - delta, gamma: spot step h = S·min(1e-3, 1e-2·σ√t) — a hundredth of a standard deviation,
 *   so one-day options are not smoothed over. The boundary does not depend on the spot, so these
 *   reuse one boundary.
 * - vega, vanna: vol step 1e-4·σ (vanna = change of the finite-difference delta).
 * - theta, charm: time step 1e-3·t, as calendar time passes (t decreases).
 * Five boundary solves in all (base, σ ± h, t ± h). Every step count in the engine is fixed, so
 * the price is smooth in each input and the differences are clean.
 */
export function americanGreeks(p: BsInputs, scheme: BoundaryScheme = DEFAULT_SCHEME): BsResult {
  const { spot: s, t, vol: v } = p;
  if (!(t > 0 && v > 0 && s > 0)) return expiryGreeks(p);
  const base = new AmericanPricer(p, scheme);
  if (base.european) return bsGreeks(p);
  const hs = s * Math.min(SPOT_STEP, SPOT_STEP_PER_STDDEV * v * Math.sqrt(t));
  const hv = VOL_STEP * v;
  const ht = TIME_STEP * t;
  const volUp = new AmericanPricer({ ...p, vol: v + hv }, scheme);
  const volDown = new AmericanPricer({ ...p, vol: v - hv }, scheme);
  const later = new AmericanPricer({ ...p, t: t - ht }, scheme);
  const earlier = new AmericanPricer({ ...p, t: t + ht }, scheme);
  const price = base.price(s);
  const up = base.price(s + hs);
  const down = base.price(s - hs);
  const out = newBsResult();
  out.price = price;
  out.delta = (up - down) / (2 * hs);
  out.gamma = (up - 2 * price + down) / (hs * hs);
  out.vega = (volUp.price(s) - volDown.price(s)) / (2 * hv);
  out.theta = (later.price(s) - earlier.price(s)) / (2 * ht);
  out.vanna = (volUp.delta(s, hs) - volDown.delta(s, hs)) / (2 * hv);
  out.charm = (later.delta(s, hs) - earlier.delta(s, hs)) / (2 * ht);
  return out;
}

/**
 * True when early exercise never pays, so the American price is the European one: for the
 * equivalent put (a call C(S, K, r, q) is the put P(K, S, q, r)) with r ≤ 0 ≤ q, the European
 * lower bound K e^{−rt} − S e^{−qt} is already at least K − S. Covers calls on assets with no
 * positive yield (b ≥ r ≥ 0).
 */
export function neverExercisedEarly(p: Pick<BsInputs, 'right' | 'rate' | 'carry'>): boolean {
  const putRate = p.right === 'P' ? p.rate : p.rate - p.carry;
  const putYield = p.right === 'P' ? p.rate - p.carry : p.rate;
  return putRate <= 0 && putYield >= 0;
}

/**
 * One option's market (strike, t, rate, carry, vol) with its exercise boundary solved once;
 * prices any spot. Exposed for implied-vol and scenario loops that reprice many spots.
 */
export class AmericanPricer {
  readonly european: boolean;
  private readonly boundary: PutBoundary | null;

  constructor(
    private readonly p: BsInputs,
    scheme: BoundaryScheme = DEFAULT_SCHEME,
  ) {
    const { right, t, rate: r, carry: b, vol } = p;
    // Rates of the equivalent put: a call C(S, K, r, q) is the put P(K, S, q, r).
    const putRate = right === 'P' ? r : r - b;
    const putYield = right === 'P' ? r - b : r;
    this.european = !(t > 0 && vol > 0) || neverExercisedEarly(p);
    // Rates large against σ² make the boundary hug the strike and the integral equation stiff.
    const stiff = (2 * Math.max(putRate, Math.abs(putYield))) / (vol * vol) > STIFF;
    this.boundary =
      this.european || putRate <= 0 || stiff
        ? null
        : solvePutBoundary(t, putRate, putYield, vol, scheme);
  }

  price(spot: number): number {
    const { right, strike: k, t, rate: r, carry: b, vol } = this.p;
    const call = right === 'C';
    const european = bsPriceAt(call, spot, k, t, r, b, vol);
    const intrinsic = call ? spot - k : k - spot;
    if (this.european) return Math.max(european, intrinsic);
    let american: number;
    if (this.boundary) {
      american = call ? putPrice(this.boundary, k, spot) : putPrice(this.boundary, spot, k);
    } else {
      american = lrAmericanPrice(call, spot, k, t, r, b, vol);
      // At vanishing vol even the tree degenerates: use the σ → 0 limit.
      if (!Number.isFinite(american)) american = deterministicValue(call, spot, k, t, r, b);
    }
    return Math.max(american, european, intrinsic);
  }

  /** Central-difference delta with spot step h. */
  delta(spot: number, h: number): number {
    return (this.price(spot + h) - this.price(spot - h)) / (2 * h);
  }
}

/**
 * The σ → 0 limit: the path is S·e^{bt}, so the value is the best discounted exercise value
 * over t ∈ [0, T], at an end or where d/dt[(S e^{−qt} − K e^{−rt})] = 0.
 */
function deterministicValue(
  call: boolean,
  s: number,
  k: number,
  t: number,
  r: number,
  b: number,
): number {
  const q = r - b;
  const value = (u: number) =>
    Math.max(
      call
        ? s * Math.exp(-q * u) - k * Math.exp(-r * u)
        : k * Math.exp(-r * u) - s * Math.exp(-q * u),
      0,
    );
  const turn = r !== q ? Math.log((r * k) / (q * s)) / (r - q) : NaN;
  return Math.max(value(0), value(t), turn > 0 && turn < t ? value(turn) : 0);
}

function expiryGreeks(p: BsInputs): BsResult {
  const g = bsGreeks(p);
  const intrinsic = p.right === 'C' ? p.spot - p.strike : p.strike - p.spot;
  if (intrinsic > g.price) {
    g.price = intrinsic;
    g.delta = p.right === 'C' ? 1 : -1;
  }
  return g;
}
