/**
 * One entry point for the risk engine: price and Greeks by exercise style.
 *
 * The underlying is already in the inputs: `bsmInputs` (stock, ETF, index: carry b = r − q) or
 * `black76Inputs` (options on futures: b = 0), so "BSM vs Black-76" needs no second switch —
 * `'european'` with Black-76 inputs is Black-76, `'american'` with them is an American option
 * on a future.
 */
import { americanGreeks, americanPrice } from './american';
import { bsGreeks, bsPrice, type BsInputs, type BsResult } from './black-scholes';

export type Exercise = 'european' | 'american';

export function priceOption(exercise: Exercise, p: BsInputs): number {
  return exercise === 'american' ? americanPrice(p) : bsPrice(p);
}

export function greeksOption(exercise: Exercise, p: BsInputs): BsResult {
  return exercise === 'american' ? americanGreeks(p) : bsGreeks(p);
}
