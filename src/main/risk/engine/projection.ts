/**
 * Pre-trade projection (pure): the book plus proposed legs → the projected frame and the
 * violations the trade makes new or worse. A stale input is itself a violation: an order the
 * engine cannot check fails closed.
 */
import type { LimitCheck, RegimeState, RiskFrame } from '@shared/domain/risk';
import type { RiskBook, RiskPosition } from './book';
import type { CheckConfig } from './check-config';
import { evaluateBook } from './frame';
import type { OptionPricer } from './pricer';

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

/** Adds legs to the book: a leg on a held instrument changes its quantity, else it is a new line. */
export function combine(book: RiskBook, legs: readonly ProposedLeg[]): RiskBook {
  const byId = new Map(book.positions.map((p) => [p.id, { ...p }]));
  for (const leg of legs) {
    const held = byId.get(leg.id);
    if (held) held.quantity += leg.quantity;
    else byId.set(leg.id, { ...leg });
  }
  const positions = [...byId.values()].filter((p) => p.quantity !== 0);
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

export function projectTrade(
  book: RiskBook,
  legs: readonly ProposedLeg[],
  config: CheckConfig,
  regime: RegimeState | null,
  pricer: OptionPricer,
): Projection {
  const current = evaluateBook(book, config, regime, pricer, { positions: true }).frame;
  const projected = evaluateBook(combine(book, legs), config, regime, pricer, {
    positions: true,
  }).frame;
  return { current, projected, violations: violationsBetween(current, projected) };
}
