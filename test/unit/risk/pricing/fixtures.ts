/** Reference fixtures from scripts/reference/quantlib_fixtures.py (QuantLib 1.29). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  black76Inputs,
  bsmInputs,
  type BsInputs,
  type Right,
} from '../../../../src/main/risk/pricing/black-scholes';

type Inputs = [
  model: 'bsm' | 'black76',
  right: Right,
  spot: number,
  strike: number,
  t: number,
  rate: number,
  div: number,
  vol: number,
];

interface FixtureFile<Row> {
  columns: string[];
  rows: Row[];
  skipped?: number;
}

export type EuropeanRow = [
  ...Inputs,
  price: number,
  delta: number,
  gamma: number,
  vega: number,
  theta: number,
];
export type AmericanRow = [...Inputs, price: number, delta: number, gamma: number, qdfp: number];
export type ImpliedVolRow = [...Inputs, price: number, vega: number];

function load<Row>(name: string): FixtureFile<Row> {
  const path = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'quantlib', name);
  return JSON.parse(readFileSync(path, 'utf8')) as FixtureFile<Row>;
}

export const european = load<EuropeanRow>('european.json');
export const american = load<AmericanRow>('american.json');
export const impliedVol = load<ImpliedVolRow>('implied-vol.json');

/** The row's inputs as our model takes them. */
export function inputsOf(row: Inputs | EuropeanRow | AmericanRow | ImpliedVolRow): BsInputs {
  const [model, right, spot, strike, t, rate, div, vol] = row;
  return model === 'bsm'
    ? bsmInputs(right, spot, strike, t, rate, div, vol)
    : black76Inputs(right, spot, strike, t, rate, vol);
}

export function label(row: Inputs | EuropeanRow | AmericanRow | ImpliedVolRow): string {
  const [model, right, spot, strike, t, rate, div, vol] = row;
  return `${model} ${right} S=${spot} K=${strike} t=${t.toFixed(4)} r=${rate} q=${div} σ=${vol}`;
}
