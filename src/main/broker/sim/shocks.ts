/**
 * Instant market shocks: "SPX -6%, VIX +15". An SPX move carries every equity underlying by
 * its beta (SPY, ES and MES exactly 1:1) unless that symbol has its own move; a VIX move takes
 * VIX3M half as far unless VIX3M has its own. Vol surfaces follow VIX, so option prices and
 * vega react at once. Shocks then fade the way the model fades them (VIX spikes decay; price
 * moves of SPX and stocks stay; SPY/ES dislocations given alone revert within minutes).
 */
import type { ShockMove } from '@shared/domain/sim';
import type { MarketModel } from './market-model';
import { SPX, SYMBOL_INDEX, UNIVERSE, VIX, VIX3M, followsSpx } from './universe';
import { ShockRejected } from '../sim-controls';

/** A shock the simulator refuses; the caller maps it to INVALID_SHOCK. */
export class SimShockError extends ShockRejected {
  constructor(problems: string[]) {
    super(problems);
    this.name = 'SimShockError';
  }
}

/** VIX and VIX3M never go below this, however large a negative shock. */
export const VOL_INDEX_FLOOR = 5;
/** A beta-scaled move never takes a price below 1 % of where it was. */
const MIN_FACTOR = 0.01;
/** One shock moves a price by at most this fraction either way (a crash, not a wipe-out). */
export const MAX_PRICE_MOVE = 0.5;
/** VIX and VIX3M stay below this after a shock (its record close was 82.7). */
export const VOL_INDEX_CEILING = 150;
/**
 * An SPX shock given without its own VIX move takes VIX along the spot-vol relation:
 * VIX × (SPX factor)^−5 — SPX −5 % lifts VIX by about 29 %, SPX +5 % lowers it by about 22 %.
 */
export const SHOCK_SPOT_VOL_ELASTICITY = 5;

const KNOWN = UNIVERSE.map((u) => u.symbol).join(', ');

/** Validates every move first, then applies them all; on any problem nothing changes. */
export function applyShock(model: MarketModel, moves: readonly ShockMove[]): void {
  const factors = new Map<number, number>();
  const problems: string[] = [];
  if (moves.length === 0) problems.push('empty shock: expected e.g. "SPX -5%"');
  for (const m of moves) {
    const index = SYMBOL_INDEX.get(m.symbol);
    if (index === undefined) {
      problems.push(`unknown symbol ${m.symbol}: the simulator knows ${KNOWN}`);
      continue;
    }
    if (factors.has(index)) {
      problems.push(`${m.symbol} appears twice`);
      continue;
    }
    const factor = factorOf(m, model.price(index));
    if (!Number.isFinite(m.change) || !(factor > 0)) {
      problems.push(
        `${m.symbol} ${m.change}${m.unit === 'percent' ? '%' : ''} would not leave a positive price`,
      );
      continue;
    }
    const isVol = index === VIX || index === VIX3M;
    const shown = `${m.symbol} ${m.change > 0 ? '+' : ''}${m.change}${m.unit === 'percent' ? '%' : ''}`;
    if (!isVol && Math.abs(factor - 1) > MAX_PRICE_MOVE) {
      problems.push(`${shown} is beyond the simulator's ±${MAX_PRICE_MOVE * 100}% per shock`);
      continue;
    }
    if (isVol && model.price(index) * factor > VOL_INDEX_CEILING) {
      problems.push(`${shown} would take ${m.symbol} above ${VOL_INDEX_CEILING}`);
      continue;
    }
    factors.set(index, factor);
  }
  if (problems.length > 0) throw new SimShockError(problems);

  const spxFactor = factors.get(SPX);
  const before = UNIVERSE.map((_, i) => model.price(i));
  if (spxFactor !== undefined) model.movePrice(SPX, spxFactor);
  UNIVERSE.forEach((spec, i) => {
    if (!followsSpx(spec)) return;
    const own = factors.get(i);
    const target = own ?? (spxFactor === undefined ? undefined : 1 + spec.beta * (spxFactor - 1));
    if (target === undefined) return;
    // The SPX move already carried this name along; correct it to exactly the target.
    const natural = model.price(i) / before[i]!;
    model.movePrice(i, Math.max(MIN_FACTOR, target) / natural);
  });

  const spotVol =
    spxFactor === undefined ? undefined : Math.pow(spxFactor, -SHOCK_SPOT_VOL_ELASTICITY);
  const vixFactor = factors.get(VIX) ?? spotVol;
  if (vixFactor !== undefined) moveVolIndex(model, VIX, vixFactor);
  const vix3mFactor =
    factors.get(VIX3M) ??
    halfMove(moves, model) ??
    (spotVol === undefined || factors.has(VIX) ? undefined : 1 + (spotVol - 1) / 2);
  if (vix3mFactor !== undefined) moveVolIndex(model, VIX3M, vix3mFactor);
}

function factorOf(m: ShockMove, price: number): number {
  return m.unit === 'percent' ? 1 + m.change / 100 : (price + m.change) / price;
}

/** VIX3M's default: half of VIX's move, in the same unit. */
function halfMove(moves: readonly ShockMove[], model: MarketModel): number | undefined {
  const v = moves.find((m) => m.symbol === 'VIX');
  if (!v) return undefined;
  return factorOf({ ...v, change: v.change / 2 }, model.vix3m);
}

function moveVolIndex(model: MarketModel, index: number, factor: number): void {
  const now = model.price(index);
  const target = Math.min(VOL_INDEX_CEILING, Math.max(VOL_INDEX_FLOOR, now * factor));
  model.movePrice(index, target / now);
}
