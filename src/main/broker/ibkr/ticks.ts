/**
 * One market-data line's ticks → Bulwark's Quote and OptionModel. Sentinels and "not computed"
 * values become null; delayed tick types (66–71, 80–83) mark the line delayed; the mark is the
 * mid of a valid two-sided quote, else the last trade, else the close.
 */
import type { OptionModel, Quote } from '@shared/domain/market';
import { ibModelValue, ibNumber } from './ib-errors';

/** IB tick type numbers (protocol constants; @stoqey/ib exports its enum only as a type). */
export const TICK = {
  BID_SIZE: 0,
  BID: 1,
  ASK: 2,
  ASK_SIZE: 3,
  LAST: 4,
  LAST_SIZE: 5,
  HIGH: 6,
  CLOSE: 9,
  MODEL_OPTION: 13,
  DELAYED_BID: 66,
  DELAYED_ASK: 67,
  DELAYED_LAST: 68,
  DELAYED_BID_SIZE: 69,
  DELAYED_ASK_SIZE: 70,
  DELAYED_CLOSE: 75,
  DELAYED_MODEL_OPTION: 83,
} as const;

const PRICE: Readonly<Record<number, 'bid' | 'ask' | 'last' | 'close'>> = {
  [TICK.BID]: 'bid',
  [TICK.ASK]: 'ask',
  [TICK.LAST]: 'last',
  [TICK.CLOSE]: 'close',
  [TICK.DELAYED_BID]: 'bid',
  [TICK.DELAYED_ASK]: 'ask',
  [TICK.DELAYED_LAST]: 'last',
  [TICK.DELAYED_CLOSE]: 'close',
};

const SIZE: Readonly<Record<number, 'bidSize' | 'askSize'>> = {
  [TICK.BID_SIZE]: 'bidSize',
  [TICK.ASK_SIZE]: 'askSize',
  [TICK.DELAYED_BID_SIZE]: 'bidSize',
  [TICK.DELAYED_ASK_SIZE]: 'askSize',
};

const DELAYED_TYPES: ReadonlySet<number> = new Set([
  66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 80, 81, 82, 83,
]);

/** The option computation Bulwark uses: the model's (13), or its delayed twin (83). */
export const MODEL_TICKS: ReadonlySet<number> = new Set([
  TICK.MODEL_OPTION,
  TICK.DELAYED_MODEL_OPTION,
]);

export interface OptionComputation {
  impliedVol?: number;
  delta?: number;
  optPrice?: number;
  gamma?: number;
  vega?: number;
  theta?: number;
  undPrice?: number;
}

export class TickAssembler {
  private bid: number | null = null;
  private ask: number | null = null;
  private last: number | null = null;
  private close: number | null = null;
  private bidSize: number | null = null;
  private askSize: number | null = null;
  private delayed = false;

  constructor(readonly key: string) {}

  /** Marks the line delayed (marketDataType 3 or 4 reported for it). */
  setDelayed(delayed: boolean): void {
    this.delayed = delayed;
  }

  /** A price tick; returns the updated quote, or null when the tick is not one Bulwark shows. */
  price(tickType: number, value: number | undefined, time: number): Quote | null {
    const field = PRICE[tickType];
    if (!field) return null;
    if (DELAYED_TYPES.has(tickType)) this.delayed = true;
    // −1 is IB's "no bid/ask right now".
    const v = ibNumber(value);
    this[field] =
      v !== null && v > 0 ? v : field === 'last' || field === 'close' ? this[field] : null;
    return this.quote(time);
  }

  size(tickType: number, value: number | undefined, time: number): Quote | null {
    const field = SIZE[tickType];
    if (!field) return null;
    const v = ibNumber(value);
    this[field] = v !== null && v >= 0 ? v : null;
    return this.quote(time);
  }

  quote(time: number): Quote {
    const twoSided = this.bid !== null && this.ask !== null && this.ask >= this.bid;
    return {
      key: this.key,
      bid: this.bid,
      ask: this.ask,
      last: this.last,
      mark: twoSided ? (this.bid! + this.ask!) / 2 : (this.last ?? this.close),
      bidSize: this.bidSize,
      askSize: this.askSize,
      delayed: this.delayed,
      time,
    };
  }
}

/** A model tick as the broker-neutral OptionModel (per share, vega per point, theta per day). */
export function optionModelOf(key: string, c: OptionComputation, time: number): OptionModel {
  return {
    key,
    iv: ibModelValue(c.impliedVol, -1),
    delta: ibModelValue(c.delta, -2),
    gamma: ibModelValue(c.gamma, -2),
    vega: ibModelValue(c.vega, -2),
    theta: ibModelValue(c.theta, -2),
    modelPrice: ibModelValue(c.optPrice, -1),
    underlyingPrice: ibModelValue(c.undPrice, -1),
    time,
  };
}
