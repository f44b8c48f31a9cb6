/**
 * Risk-matrix problems as the trader reads them: a key path and a short message, e.g.
 * `limits.neutral.shortVega.pctNlv: must be ≥ 0`. Zod's issues are rewritten here; the messages
 * say what is wrong and what is allowed, never "Invalid input".
 */
import { z } from 'zod';

export interface MatrixIssue {
  /** Key path (`scalers.vix[2].factor`), `line L, column C` for YAML syntax, or `(file)`. */
  path: string;
  message: string;
}

export type PathPart = string | number | symbol;

export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  }
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** Per-parse zod error map: the message for one raw issue. */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const wantsNumber = issue.expected === 'number' || issue.expected === 'int';
      if (wantsNumber && typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
        return 'must be a finite number';
      }
      const isInt = issue.inst instanceof z.ZodNumber && issue.inst.isInt === true;
      const expected = TYPE_NAMES[isInt ? 'int' : issue.expected] ?? issue.expected;
      return `must be ${expected}, got ${describe(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${show(issue.minimum)} entries`;
      return `must be ${issue.inclusive === false ? '>' : '≥'} ${show(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${show(issue.maximum)} entries`;
      return `must be ${issue.inclusive === false ? '<' : '≤'} ${show(issue.maximum)}`;
    case 'invalid_value': {
      const values = issue.values.map((v) => show(v));
      const got = `, got ${describe(issue.input)}`;
      if (values.length === 1) return `must be ${values[0] ?? ''}${got}`;
      return `must be one of ${values.join(', ')}${got}`;
    }
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return 'is not valid';
  }
}

const REGIME_KEYS = 'low_volatility, neutral, high_volatility or crisis';

function unknownKeyMessage(parent: readonly PathPart[]): string {
  if (parent.length === 1 && parent[0] === 'limits') {
    return `unknown regime name; expected ${REGIME_KEYS}`;
  }
  return 'unknown key';
}

/** Flattens zod's issues: one entry per unknown key, the key's own message for a bad key. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): MatrixIssue[] {
  const out: MatrixIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: formatPath([...issue.path, key]),
          message: unknownKeyMessage(issue.path),
        });
      }
    } else if (issue.code === 'invalid_key') {
      const inner = issue.issues[0]?.message ?? 'is not valid';
      out.push({ path: formatPath(issue.path), message: `key ${inner}` });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out;
}
