/**
 * The OptionPricer the engine uses, on src/main/risk/pricing.
 * TEMPORARY: European formulas for every model and a bisection IV, until american.ts and
 * implied-vol.ts land (this session).
 */
import { bsGreeks, bsPrice, type BsInputs } from '../pricing/black-scholes';
import type { IvOutcome, ModelGreeks, OptionPricer, OptionSpec } from './pricer';

function inputs(spec: OptionSpec, vol: number): BsInputs {
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

export function modelPricer(): OptionPricer {
  return {
    price: (spec, vol) => bsPrice(inputs(spec, vol)),
    greeks: (spec, vol): ModelGreeks => bsGreeks(inputs(spec, vol)),
    impliedVol: (spec, price): IvOutcome => {
      let lo = 1e-4;
      let hi = 10;
      if (bsPrice(inputs(spec, lo)) > price)
        return { ok: false, code: 'BELOW_INTRINSIC', message: 'price below intrinsic value' };
      if (bsPrice(inputs(spec, hi)) < price)
        return {
          ok: false,
          code: 'ABOVE_UPPER_BOUND',
          message: 'price above the no-arbitrage bound',
        };
      for (let i = 0; i < 100; i++) {
        const mid = 0.5 * (lo + hi);
        if (bsPrice(inputs(spec, mid)) > price) hi = mid;
        else lo = mid;
      }
      return { ok: true, vol: 0.5 * (lo + hi) };
    },
  };
}
