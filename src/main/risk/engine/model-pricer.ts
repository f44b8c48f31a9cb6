/**
 * The OptionPricer the engine uses, on src/main/risk/pricing: Black–Scholes–Merton and Black-76
 * in closed form, American exercise by the integral-equation engine (Andersen–Lake–Offengelden),
 * implied vol by the safeguarded solvers. Units as the pricing layer returns them.
 */
import {
  AmericanPricer,
  americanGreeks,
  americanPrice,
  type BoundaryScheme,
} from '../pricing/american';
import * as blackScholes from '../pricing/black-scholes';
import type { BsInputs } from '../pricing/black-scholes';
import { impliedVol } from '../pricing/implied-vol';
import type { IvOutcome, ModelGreeks, OptionPricer, OptionSpec } from './pricer';

// Local bindings for hot loops (module runners wrap each import use in a getter; docs/pricing.md).
const bsPriceAt = blackScholes.bsPriceAt;
const bsGreeks = blackScholes.bsGreeks;

export function bsInputs(spec: OptionSpec, vol: number): BsInputs {
  return {
    right: spec.right,
    spot: spec.spot,
    strike: spec.strike,
    t: spec.t,
    rate: spec.rate,
    carry: spec.carry,
    vol,
  };
}

/**
 * The American engine's lighter scheme for scenario revaluation: 3× faster than the default,
 * within 6e-6 relative of it on a strike/expiry/vol grid (measured; see docs/risk-engine.md).
 */
export const SCENARIO_SCHEME: BoundaryScheme = {
  nodes: 6,
  iterations: 3,
  quadrature: 8,
  priceQuadrature: 12,
};

/** A price function of spot for one option at one vol: the American boundary is solved once. */
export function spotPricer(
  spec: OptionSpec,
  vol: number,
  scheme: BoundaryScheme = SCENARIO_SCHEME,
): (spot: number) => number {
  if (spec.model === 'american') {
    const am = new AmericanPricer(bsInputs(spec, vol), scheme);
    return (spot) => am.price(spot);
  }
  const call = spec.right === 'C';
  const { strike, t, rate, carry } = spec;
  return (spot) => bsPriceAt(call, spot, strike, t, rate, carry, vol);
}

export function modelPricer(): OptionPricer {
  return {
    price: (spec, vol) =>
      spec.model === 'american'
        ? americanPrice(bsInputs(spec, vol))
        : bsPriceAt(spec.right === 'C', spec.spot, spec.strike, spec.t, spec.rate, spec.carry, vol),
    greeks: (spec, vol): ModelGreeks =>
      spec.model === 'american'
        ? americanGreeks(bsInputs(spec, vol))
        : bsGreeks(bsInputs(spec, vol)),
    impliedVol: (spec, price): IvOutcome => {
      const r = impliedVol(
        spec.model === 'american' ? 'american' : 'european',
        price,
        bsInputs(spec, 0),
      );
      return r.ok ? { ok: true, vol: r.vol } : { ok: false, code: r.code, message: r.message };
    },
  };
}
