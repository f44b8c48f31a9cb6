/** The default risk matrix and variants of it, edited through the YAML document. */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { DEFAULT_MATRIX_PATH, parseRiskMatrix } from '../../../../src/main/risk/matrix/load';
import type { MatrixIssue, MatrixResult } from '../../../../src/main/risk/matrix/load';
import type { RiskMatrix } from '../../../../src/main/risk/matrix/schema';

export const DEFAULT_TEXT = readFileSync(DEFAULT_MATRIX_PATH, 'utf8');

export function defaultMatrix(): RiskMatrix {
  const result = parseRiskMatrix(DEFAULT_TEXT, DEFAULT_MATRIX_PATH);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.matrix;
}

/** Parses the default file after `edit` changed it (doc.setIn / doc.deleteIn). */
export function variant(edit: (doc: Document) => void): MatrixResult {
  const doc = parseDocument(DEFAULT_TEXT);
  edit(doc);
  return parseRiskMatrix(String(doc), 'variant.yaml');
}

/** Sets each dotted path (numbers index lists) to a value in the default file. */
export function withValues(values: Record<string, unknown>): MatrixResult {
  return variant((doc) => {
    for (const [path, value] of Object.entries(values)) {
      doc.setIn(toPath(path), doc.createNode(value));
    }
  });
}

export function without(...paths: string[]): MatrixResult {
  return variant((doc) => {
    for (const path of paths) doc.deleteIn(toPath(path));
  });
}

function toPath(dotted: string): Array<string | number> {
  return dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function errorsOf(result: MatrixResult): MatrixIssue[] {
  if (result.ok) throw new Error('expected the matrix to be rejected');
  return result.errors;
}

export function lines(result: MatrixResult): string[] {
  return errorsOf(result).map((e) => `${e.path}: ${e.message}`);
}
