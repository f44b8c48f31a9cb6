/**
 * Quotes and option model values for any known instrument, computed lazily once per market
 * version (a step or a shock) and cached, so a line that is subscribed, held and in an order
 * is priced once per step. About 1 model tick in 200 reports null Greeks, as brokers sometimes
 * do, chosen by a hash of seed, line and version (repeatable, no stream consumed).
 */
import type { Instrument } from '@shared/domain/instrument';
import type { OptionModel, Quote } from '@shared/domain/market';
import type { MarketModel } from './market-model';
import type { OptionValue, PriceLine } from './price-line';
import { makeLine, valueOption } from './price-line';
import { futureQuote, indexQuote, optionQuote, stockQuote } from './quotes';
import { hashUniform } from './rng';

export const NULL_GREEKS_RATE = 1 / 200;

interface Cached {
  line: PriceLine;
  version: number;
  quote: Quote | null;
  value: OptionValue | null;
  model: OptionModel | null;
}

export class QuoteEngine {
  private readonly lines = new Map<string, Cached>();

  constructor(
    private readonly market: MarketModel,
    private readonly seed: number,
    private readonly now: () => number,
  ) {}

  /** The pricing line for an instrument the simulator knows (null otherwise). */
  line(inst: Instrument): PriceLine | null {
    return this.entry(inst)?.line ?? null;
  }

  quote(inst: Instrument): Quote | null {
    const e = this.fresh(inst);
    if (!e) return null;
    if (!e.quote) e.quote = this.makeQuote(e);
    return e.quote;
  }

  /** Last computed quote for a key, without computing anything. */
  cachedQuote(key: string): Quote | null {
    return this.lines.get(key)?.quote ?? null;
  }

  /** Per-share option values (unrounded model), null for non-options. */
  value(inst: Instrument): OptionValue | null {
    const e = this.fresh(inst);
    if (!e?.line.option) return null;
    if (!e.value) e.value = valueOption(e.line.option, e.line.source, this.market);
    return e.value;
  }

  optionModel(inst: Instrument): OptionModel | null {
    const e = this.fresh(inst);
    if (!e?.line.option) return null;
    if (!e.model) {
      const v = this.value(inst)!;
      const missing =
        v.t > 0 && hashUniform(this.seed, e.line.keyHash, e.version, 99) < NULL_GREEKS_RATE;
      e.model = {
        key: inst.key,
        iv: v.iv,
        delta: missing ? null : v.delta,
        gamma: missing ? null : v.gamma,
        vega: missing ? null : v.vega,
        theta: missing ? null : v.theta,
        modelPrice: v.price,
        underlyingPrice: v.underlying,
        time: this.now(),
      };
    }
    return e.model;
  }

  /** Mid of the current quote (last for an index). */
  mark(inst: Instrument): number | null {
    return this.quote(inst)?.mark ?? null;
  }

  /** The price an instrument's options or margin refer to: the underlying's current price. */
  sourcePrice(inst: Instrument): number | null {
    const line = this.line(inst);
    return line ? this.market.price(line.source) : null;
  }

  private entry(inst: Instrument): Cached | null {
    let e = this.lines.get(inst.key);
    if (!e) {
      const line = makeLine(inst);
      if (!line) return null;
      e = { line, version: -1, quote: null, value: null, model: null };
      this.lines.set(inst.key, e);
    }
    return e;
  }

  private fresh(inst: Instrument): Cached | null {
    const e = this.entry(inst);
    if (e && e.version !== this.market.version) {
      e.version = this.market.version;
      e.quote = null;
      e.value = null;
      e.model = null;
    }
    return e;
  }

  private makeQuote(e: Cached): Quote {
    const { inst, keyHash, option, source } = e.line;
    const sizes = { seed: this.seed, keyHash, version: e.version };
    const time = this.now();
    if (option) {
      const v = this.value(inst)!;
      return optionQuote(inst.key, option.spec.tickRule, v, sizes, time);
    }
    const price = this.market.price(source);
    switch (inst.secType) {
      case 'STK':
        return stockQuote(inst.key, price, sizes, time);
      case 'FUT':
        return futureQuote(inst.key, price, sizes, time);
      default:
        return indexQuote(inst.key, price, time);
    }
  }
}
