/**
 * Chooses the starting book and its cash. Cash is set so net liquidation starts at DEMO_NLV,
 * raised if needed so the cushion starts at OPENING_CUSHION or better (the large stress book
 * carries far more margin than the demo book).
 */
import { liquidationValue } from './account';
import type { BookContext } from './book-tools';
import { DEMO_NLV, demoBook } from './demo-book';
import { largeDemoBook } from './large-book';
import type { LedgerPosition } from './ledger';
import { marginRequirement } from './margin';
import type { Pricing } from './what-if';
import { valuePositions } from './what-if';

export type BookChoice = 'demo' | 'empty' | { large: number };

export const OPENING_CUSHION = 0.4;

export interface OpeningBook {
  positions: LedgerPosition[];
  cash: number;
}

export function openingBook(choice: BookChoice, ctx: BookContext, pricing: Pricing): OpeningBook {
  const positions =
    choice === 'demo'
      ? demoBook(ctx)
      : choice === 'empty'
        ? []
        : largeDemoBook(ctx, Math.max(0, Math.floor(choice.large)));
  const valued = valuePositions(positions, pricing);
  const held = valued.reduce(
    (sum, p) => sum + liquidationValue(p.instrument, p.quantity, p.price, p.avgPrice),
    0,
  );
  const maint = marginRequirement(valued).maint;
  const nlv = Math.max(DEMO_NLV, maint / (1 - OPENING_CUSHION));
  return { positions, cash: Math.round((nlv - held) * 100) / 100 };
}
