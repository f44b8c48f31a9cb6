/**
 * Pre-trade projection (pure): the book plus proposed legs → the projected frame and the
 * violations the trade makes new or worse. A stale input is itself a violation: an order the
 * engine cannot check fails closed.
 */
import type { LimitCheck, RegimeState, RiskFrame } from '@shared/domain/risk';
import type { RiskBook, RiskPosition } from './book';
import type { CheckConfig } from './check-config';
import { evaluateResolved } from './frame';
import type { OptionPricer } from './pricer';
import { expiryClock, resolvePosition, resolvePositions, type ResolvedPosition } from './resolve';

/** A proposed leg: a position-shaped line; quantity is the signed change. */
export type ProposedLeg = RiskPosition;

export interface Violation {
  code: string;
  name: string;
  kind: 'new' | 'worse' | 'stale';
  before: LimitCheck | null;
  after: LimitCheck;
  message: string;
}

export interface Projection {
  current: RiskFrame;
  projected: RiskFrame;
  violations: Violation[];
}

/**
 * Adds legs to the book: a leg on a held instrument changes its quantity, else it is a new line.
 * Untouched positions are the book's own objects (never mutated), so a projection copies only
 * what the trade changes.
 */
export function combine(book: RiskBook, legs: readonly ProposedLeg[]): RiskBook {
  const change = new Map<string, number>();
  for (const leg of legs) change.set(leg.id, (change.get(leg.id) ?? 0) + leg.quantity);
  const positions: RiskPosition[] = [];
  for (const p of book.positions) {
    const d = change.get(p.id);
    if (d === undefined) {
      positions.push(p);
      continue;
    }
    change.delete(p.id);
    if (p.quantity + d !== 0) positions.push({ ...p, quantity: p.quantity + d });
  }
  for (const leg of legs) {
    const q = change.get(leg.id);
    if (q === undefined) continue; // held, or already added
    change.delete(leg.id);
    if (q !== 0) positions.push({ ...leg, quantity: q });
  }
  return { ...book, positions };
}

function worse(before: LimitCheck, after: LimitCheck): boolean {
  if (before.utilization !== null && after.utilization !== null) {
    return after.utilization > before.utilization + 1e-9;
  }
  if (before.value !== null && after.value !== null) return after.value !== before.value;
  return false;
}

export function violationsBetween(current: RiskFrame, projected: RiskFrame): Violation[] {
  const before = new Map(current.lights.map((l) => [l.code, l]));
  const out: Violation[] = [];
  for (const after of projected.lights) {
    const prev = before.get(after.code) ?? null;
    if (after.light === 'stale') {
      out.push({
        code: after.code,
        name: after.name,
        kind: 'stale',
        before: prev,
        after,
        message: `${after.name} cannot be checked: ${after.explanation}`,
      });
      continue;
    }
    if (after.light !== 'red') continue;
    if (prev === null || prev.light !== 'red') {
      out.push({
        code: after.code,
        name: after.name,
        kind: 'new',
        before: prev,
        after,
        message: after.explanation,
      });
    } else if (worse(prev, after)) {
      out.push({
        code: after.code,
        name: after.name,
        kind: 'worse',
        before: prev,
        after,
        message: after.explanation,
      });
    }
  }
  return out;
}

/**
 * `base`: the book already priced and its frame (the live recompute's); without it the book
 * is priced here. Either way only the lines the trade touches are priced for the projection.
 */
export function projectTrade(
  book: RiskBook,
  legs: readonly ProposedLeg[],
  config: CheckConfig,
  regime: RegimeState | null,
  pricer: OptionPricer,
  base?: { resolved: readonly ResolvedPosition[]; frame: RiskFrame },
): Projection {
  const resolved = base?.resolved ?? resolvePositions(book, pricer);
  // Per-position rows are not needed to judge a trade; leaving them out saves 2 × n objects.
  const current = base?.frame ?? evaluateResolved(book, resolved, config, regime).frame;
  const after = combine(book, legs);
  // Only the lines the trade touches are priced again: a 4-leg order on a 2000-line book
  // costs one book's pricing, not two.
  const before = new Map(book.positions.map((p, i) => [p, resolved[i]!]));
  const clock = expiryClock(after.valuationTime);
  const again = after.positions.map(
    (p) => before.get(p) ?? resolvePosition(after, p, pricer, clock),
  );
  const projected = evaluateResolved(after, again, config, regime).frame;
  return { current, projected, violations: violationsBetween(current, projected) };
}
