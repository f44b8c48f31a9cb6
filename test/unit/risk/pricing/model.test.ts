import { describe, expect, it } from 'vitest';
import { americanGreeks, americanPrice } from '../../../../src/main/risk/pricing/american';
import {
  black76Inputs,
  bsGreeks,
  bsmInputs,
  bsPrice,
} from '../../../../src/main/risk/pricing/black-scholes';
import { greeksOption, priceOption } from '../../../../src/main/risk/pricing/model';

describe('pricing model dispatcher', () => {
  const stock = bsmInputs('P', 95, 100, 0.5, 0.05, 0.02, 0.3);
  const future = black76Inputs('C', 5900, 5800, 0.25, 0.045, 0.17);

  it('prices European exercise in closed form: BSM or Black-76 by the inputs', () => {
    expect(priceOption('european', stock)).toBe(bsPrice(stock));
    expect(priceOption('european', future)).toBe(bsPrice(future));
    expect(greeksOption('european', future)).toEqual(bsGreeks(future));
  });

  it('prices American exercise with the early-exercise model, on stocks and on futures', () => {
    expect(priceOption('american', stock)).toBe(americanPrice(stock));
    expect(priceOption('american', stock)).toBeGreaterThan(priceOption('european', stock));
    expect(priceOption('american', future)).toBeGreaterThanOrEqual(priceOption('european', future));
    expect(greeksOption('american', stock)).toEqual(americanGreeks(stock));
  });
});
