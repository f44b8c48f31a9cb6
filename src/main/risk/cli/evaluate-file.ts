/**
 * What `npm run risk` does, without the process around it: book JSON (+ proposed legs) and a
 * risk matrix in, the full risk frame (and the projection) out, or every problem by path.
 */
import type { RiskFrame } from '@shared/domain/risk';
import type { z } from 'zod';
import {
  BookFileSchema,
  BookPositionSchema,
  ProposedLegsSchema,
  type BookFile,
  type BookPosition,
} from '../book-file/schema';
import { toRiskBook, type BookIssue } from '../book-file/to-book';
import type { RiskBook, RiskPosition } from '../engine/book';
import type { CheckConfig } from '../engine/check-config';
import { evaluateBook } from '../engine/frame';
import { computeHeavy, withHeavy } from '../engine/heavy';
import { checkConfig, regimeAt, scenarioSpec } from '../engine/matrix-config';
import type { OptionPricer } from '../engine/pricer';
import { combine, violationsBetween, type Violation } from '../engine/projection';
import { revaluables } from '../engine/revalue';
import { fromZodIssues, issueMessage } from '../matrix/issues';
import type { RiskMatrix } from '../matrix/schema';

export interface FileEvaluation {
  frame: RiskFrame;
  projection: { frame: RiskFrame; violations: Violation[] } | null;
  /** What the order gate needs to review the proposed legs offline (src/main/orders/offline-review.ts). */
  inputs: { book: RiskBook; legs: readonly RiskPosition[]; config: CheckConfig };
}

export type EvaluateResult =
  { ok: true; value: FileEvaluation } | { ok: false; errors: BookIssue[] };

function issues(list: readonly z.core.$ZodIssue[], prefix: string): BookIssue[] {
  return fromZodIssues(list).map((e) => ({ ...e, path: prefix + e.path }));
}

const PLACEHOLDER_LINE: BookPosition = {
  symbol: '(invalid)',
  secType: 'STK',
  quantity: 1,
  price: 1,
};

/**
 * When the file fails the schema, the lines that pass it are still checked for semantic
 * problems (a missing strike, an expired option), so every problem is listed in one run.
 * Checks that need a part of the file that is itself invalid are left out, not guessed.
 */
function partialSemantics(raw: unknown, matrix: RiskMatrix, found: BookIssue[]): BookIssue[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const r = raw as Record<string, unknown>;
  const shape = BookFileSchema.shape;
  const market = shape.market.safeParse(r.market);
  const time = shape.valuationTime.safeParse(r.valuationTime);
  const skip = new Set<number>();
  const lines = (Array.isArray(r.positions) ? (r.positions as unknown[]) : []).map((p, i) => {
    const line = BookPositionSchema.safeParse(p);
    if (line.success) return line.data;
    skip.add(i);
    return PLACEHOLDER_LINE;
  });
  const file: BookFile = {
    valuationTime: time.success ? time.data : 'invalid',
    rate: 0,
    market: market.success ? market.data : { underlyings: {} },
    positions: lines,
  };
  const built = toRiskBook(file, { benchmark: matrix.benchmark, userBetas: matrix.betas }, skip);
  if (built.ok) return [];
  const known = new Set(found.map((e) => `${e.path}: ${e.message}`));
  return built.errors.filter(
    (e) =>
      (market.success || !e.path.startsWith('market.')) && !known.has(`${e.path}: ${e.message}`),
  );
}

export function evaluateFile(
  bookRaw: unknown,
  legsRaw: unknown,
  matrix: RiskMatrix,
  pricer: OptionPricer,
): EvaluateResult {
  const parsed = BookFileSchema.safeParse(bookRaw, { error: issueMessage });
  const legsParsed =
    legsRaw === undefined ? null : ProposedLegsSchema.safeParse(legsRaw, { error: issueMessage });
  const errors = [
    ...(parsed.success ? [] : issues(parsed.error.issues, '')),
    ...(legsParsed && !legsParsed.success ? issues(legsParsed.error.issues, 'proposed: ') : []),
  ];
  if (!parsed.success) errors.push(...partialSemantics(bookRaw, matrix, errors));
  if (!parsed.success || (legsParsed && !legsParsed.success)) return { ok: false, errors };
  const defaults = { benchmark: matrix.benchmark, userBetas: matrix.betas };
  const built = toRiskBook(parsed.data, defaults);
  let legsBook = null;
  if (legsParsed?.success) {
    const legs = Array.isArray(legsParsed.data) ? legsParsed.data : legsParsed.data.legs;
    const asBook = toRiskBook({ ...parsed.data, positions: legs }, defaults);
    if (!asBook.ok)
      errors.push(...asBook.errors.map((e) => ({ ...e, path: `proposed: ${e.path}` })));
    else legsBook = asBook.book;
  }
  if (!built.ok) errors.unshift(...built.errors);
  if (!built.ok || errors.length > 0) return { ok: false, errors };
  const book = built.book;
  const regime = regimeAt(matrix, book.market, book.valuationTime);
  const config = checkConfig(
    matrix,
    regime?.name ?? 'neutral',
    book.account.netLiquidation,
    book.market.vix,
    regime?.termRatio ?? null,
  );
  const full = (b: typeof book): RiskFrame => {
    const { frame, resolved } = evaluateBook(b, config, regime, pricer, {
      positions: true,
      seed: matrix.var.seed,
    });
    const heavy = computeHeavy({
      items: revaluables(resolved).items,
      scenarios: scenarioSpec(matrix),
      sigmaDaily: frame.var?.sigmaDaily ?? null,
      paths: matrix.var.paths,
      seed: matrix.var.seed,
    });
    const at = b.valuationTime;
    return withHeavy(frame, heavy, matrix.var.seed, {
      inputTime: at,
      computedAt: at,
      stale: false,
    });
  };
  const frame = full(book);
  const inputs = { book, legs: legsBook?.positions ?? [], config };
  if (!legsBook) return { ok: true, value: { frame, projection: null, inputs } };
  const projected = full(combine(book, legsBook.positions));
  return {
    ok: true,
    value: {
      frame,
      projection: { frame: projected, violations: violationsBetween(frame, projected) },
      inputs,
    },
  };
}
