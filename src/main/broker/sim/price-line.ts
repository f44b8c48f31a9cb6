/**
 * What the simulator needs to price one instrument, worked out once per key: where its
 * underlying price comes from, its option terms and tick rule. Valuation of options happens
 * here too, with the shared pricer: BSM with dividend yield for index/ETF/stock options (the
 * American early-exercise premium is ignored), Black-76 on the ES future for ES options.
 * Greeks are converted to broker units: vega per vol point, theta per calendar day.
 */
import type { Instrument, OptionRight, Settlement } from '@shared/domain/instrument';
import { yearsToExpiry } from '@shared/domain/time';
import { black76Inputs, bsGreeks, bsmInputs } from '../../risk/pricing/black-scholes';
import type { MarketModel } from './market-model';
import { hashString } from './rng';
import { impliedVol } from './vol-surface';
import type { OptionSpec } from './universe';
import { SYMBOL_INDEX, UNIVERSE } from './universe';

export interface OptionTerms {
  spec: OptionSpec;
  strike: number;
  right: OptionRight;
  expiry: string;
  /** AM contracts settle on the 09:30 print of their date, PM ones at 16:00. */
  settlement: Settlement;
  /** Black-76 on a future (ES options) rather than BSM on spot. */
  onFuture: boolean;
  divYield: number;
}

export interface PriceLine {
  readonly inst: Instrument;
  readonly keyHash: number;
  /** Index into the market model of the price this line follows (the option's underlying). */
  readonly source: number;
  readonly option: OptionTerms | null;
}

/** Per-share option values in broker units. */
export interface OptionValue {
  price: number;
  delta: number;
  gamma: number;
  /** Per 1 vol point. */
  vega: number;
  /** Per calendar day. */
  theta: number;
  iv: number | null;
  underlying: number;
  /** Years to expiry at the valuation time; ≤ 0 once expired. */
  t: number;
}

export function makeLine(inst: Instrument): PriceLine | null {
  const source = SYMBOL_INDEX.get(inst.symbol);
  if (source === undefined) return null;
  const spec = UNIVERSE[source]!;
  let option: OptionTerms | null = null;
  if (inst.secType === 'OPT' || inst.secType === 'FOP') {
    if (!spec.options || inst.strike === undefined || !inst.right || !inst.expiry) return null;
    option = {
      spec: spec.options,
      strike: inst.strike,
      right: inst.right,
      expiry: inst.expiry,
      settlement: inst.settlement ?? 'PM',
      onFuture: inst.secType === 'FOP',
      divYield: spec.divYield,
    };
  }
  return { inst, keyHash: hashString(inst.key), source, option };
}

export function valueOption(o: OptionTerms, source: number, m: MarketModel): OptionValue {
  const t = yearsToExpiry(o.expiry, m.time, o.settlement);
  if (t <= 0) {
    // Expired: worth intrinsic against the settlement print the sim recorded (or spot now).
    const s = m.settlement(o.expiry, o.settlement)?.[source] ?? m.price(source);
    const intrinsic = Math.max(0, o.right === 'C' ? s - o.strike : o.strike - s);
    const sign = o.right === 'C' ? 1 : -1;
    return {
      price: intrinsic,
      delta: intrinsic > 0 ? sign : 0,
      gamma: 0,
      vega: 0,
      theta: 0,
      iv: null,
      underlying: s,
      t,
    };
  }
  const s = m.price(source);
  const r = m.params.rate;
  const forward = o.onFuture ? s : s * Math.exp((r - o.divYield) * t);
  const vol = impliedVol(o.spec, forward, o.strike, t, m.vix, m.vix3m);
  const inputs = o.onFuture
    ? black76Inputs(o.right, s, o.strike, t, r, vol)
    : bsmInputs(o.right, s, o.strike, t, r, o.divYield, vol);
  const g = bsGreeks(inputs);
  return {
    price: g.price,
    delta: g.delta,
    gamma: g.gamma,
    vega: g.vega * 0.01,
    theta: g.theta / 365,
    iv: vol,
    underlying: s,
    t,
  };
}
