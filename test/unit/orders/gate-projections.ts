/**
 * Real projections from the risk engine for the gate's risk check: a book short one SPX put,
 * with no trade (nothing changes), and with 3 ES futures bought (beta delta turns red).
 */
import type { LimitCheck } from '@shared/domain/risk';
import { modelPricer } from '../../../src/main/risk/engine/model-pricer';
import { regimeAt } from '../../../src/main/risk/engine/matrix-config';
import { projectTrade, type Projection } from '../../../src/main/risk/engine/projection';
import { book, esFutureLine, spxShortPut, underlying } from '../risk/engine/book-fixture';
import { config, defaultMatrix } from '../risk/engine/config-fixture';

const under = [underlying('SPX', 5900, 1, 0.013), underlying('ES', 5915, 1, 0, 'index')];
const current = book([spxShortPut({ quantity: -1 })], under);
const regime = regimeAt(defaultMatrix(), current.market, current.valuationTime);

const esLine = esFutureLine;

/** The book unchanged: no violation (some lights are red or yellow already, and stay so). */
export function unchangedProjection(): Projection {
  return projectTrade(current, [], config(), regime, modelPricer());
}

/** Buying 3 ES futures: beta-weighted delta goes from green to red. */
export function betaDeltaBreach(): Projection {
  return projectTrade(current, [esLine(3)], config(), regime, modelPricer());
}

/** The projection with one projected light replaced (violations left as they are). */
export function withProjectedLight(
  p: Projection,
  code: LimitCheck['code'],
  change: Partial<LimitCheck>,
): Projection {
  const lights = p.projected.lights.map((l) => (l.code === code ? { ...l, ...change } : l));
  return { ...p, projected: { ...p.projected, lights } };
}

/** The projection with one current light replaced. */
export function withCurrentLight(
  p: Projection,
  code: LimitCheck['code'],
  change: Partial<LimitCheck>,
): Projection {
  const lights = p.current.lights.map((l) => (l.code === code ? { ...l, ...change } : l));
  return { ...p, current: { ...p.current, lights } };
}

/** Buying 3 ES futures with no price for them: the lights they feed cannot be checked. */
export function staleProjection(): Projection {
  const unpriced = { ...esLine(3), price: null, underlyingPrice: null, stale: true };
  return projectTrade(current, [unpriced], config(), regime, modelPricer());
}
