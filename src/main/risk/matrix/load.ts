/**
 * Reading the risk matrix. A file must be complete: there is no merging over the defaults, so
 * what the file says is what is enforced. Every problem is reported at once — YAML syntax
 * errors with their line and column, then schema problems, then relations between values —
 * and a file with any problem yields no matrix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkRelations } from './checks';
import { fromZodIssues, issueMessage } from './issues';
import type { MatrixIssue } from './issues';
import { RiskMatrixSchema } from './schema';
import type { RiskMatrix } from './schema';

export type { MatrixIssue } from './issues';

export type MatrixResult = { ok: true; matrix: RiskMatrix } | { ok: false; errors: MatrixIssue[] };

const DEFAULT_FILE = join('resources', 'risk-matrix.default.yaml');

/**
 * The bundled default matrix: the first `resources/risk-matrix.default.yaml` found walking up
 * from `from` (src/main/risk/matrix under vitest/tsx, out/main after a build).
 */
export function defaultMatrixPath(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`${DEFAULT_FILE} not found in ${from} or any folder above it`);
}

function findDefault(): string {
  try {
    return defaultMatrixPath();
  } catch {
    // Not found: loading this path then fails with "cannot read", which says what is missing.
    return join(import.meta.dirname, DEFAULT_FILE);
  }
}

export const DEFAULT_MATRIX_PATH: string = findDefault();

/** Parses and validates risk-matrix YAML; `source` names the text in messages (a file path). */
export function parseRiskMatrix(text: string, source: string): MatrixResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlProblems = [...doc.errors, ...doc.warnings];
  if (yamlProblems.length > 0) {
    return {
      ok: false,
      errors: yamlProblems.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { path: `line ${line}, column ${col}`, message: e.message };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `${source}: ${String(e)}` }] };
  }
  if (raw === null || raw === undefined) {
    return { ok: false, errors: [{ path: '(root)', message: 'the file is empty' }] };
  }
  const parsed = RiskMatrixSchema.safeParse(raw, { error: issueMessage });
  const schemaErrors = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  // A value the schema already rejected is not compared with others as well.
  const rejected = new Set(schemaErrors.map((e) => e.path));
  const errors = [...schemaErrors, ...checkRelations(raw, rejected)];
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, matrix: parsed.data };
}

export function loadRiskMatrix(path: string): MatrixResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: '(file)', message: `cannot read ${path}: ${reason}` }] };
  }
  return parseRiskMatrix(text, path);
}

/** One line per problem, `path: message`, for logs and the command line. */
export function formatMatrixErrors(errors: readonly MatrixIssue[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
