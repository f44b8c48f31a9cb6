/**
 * `npm run risk -- <book.json> [--proposed <legs.json>] [--matrix <risk-matrix.yaml>] [--json]`
 * Evaluates a book from a file and prints the risk frame: a readable report, or JSON.
 * Exit 0 on success, 2 on invalid input (every problem listed on stderr).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { modelPricer } from '../engine/model-pricer';
import { DEFAULT_MATRIX_PATH, formatMatrixErrors, loadRiskMatrix } from '../matrix/load';
import { evaluateFile } from './evaluate-file';
import { formatReport } from './report';

const USAGE = `Usage: npm run risk -- <book.json> [--proposed <legs.json>] [--matrix <file.yaml>] [--json]
  <book.json>          the book (format: docs/book-format.md)
  --proposed FILE      proposed legs: show the projected frame and new or worse violations
  --matrix FILE        risk matrix YAML (default resources/risk-matrix.default.yaml)
  --json               print the frame as JSON instead of a report`;

const EXIT_INVALID = 2;

function fail(problems: string[]): never {
  process.stderr.write(`${problems.map((p) => `error: ${p}`).join('\n')}\n`);
  process.exit(EXIT_INVALID);
}

function readJson(path: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail([`${label} ${path}: cannot read (${e instanceof Error ? e.message : String(e)})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    fail([`${label} ${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        proposed: { type: 'string' },
        matrix: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    fail([e instanceof Error ? e.message : String(e), '', USAGE]);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.positionals.length !== 1) fail(['expected exactly one book file', '', USAGE]);
  const matrixPath = args.values.matrix ?? DEFAULT_MATRIX_PATH;
  const matrix = loadRiskMatrix(matrixPath);
  if (!matrix.ok)
    fail(
      formatMatrixErrors(matrix.errors)
        .split('\n')
        .map((l) => `${matrixPath}: ${l}`),
    );
  const book = readJson(args.positionals[0]!, 'book');
  const legs = args.values.proposed ? readJson(args.values.proposed, 'proposed legs') : undefined;
  const result = evaluateFile(book, legs, matrix.matrix, modelPricer());
  if (!result.ok) fail(result.errors.map((e) => `${e.path}: ${e.message}`));
  const { frame, projection } = result.value;
  const out = args.values.json
    ? JSON.stringify(projection ? { ...frame, projection } : frame, null, 2)
    : formatReport(frame, projection);
  process.stdout.write(`${out}\n`);
}

main();
