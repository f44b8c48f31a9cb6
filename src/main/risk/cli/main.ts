/**
 * `npm run risk -- <book.json> [--proposed <legs.json>] [--matrix <risk-matrix.yaml>]
 * [--settings <settings.json>] [--json]`
 * Evaluates a book from a file and prints the risk frame: a readable report, or JSON. With
 * proposed legs, the order gate reviews them as one order (local margin model for the what-if).
 * Exit 0 on success, 2 on invalid input (every problem listed on stderr), 3 when the gate
 * would deny the proposed trade.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@shared/domain/settings';
import { reviewOffline } from '../../orders/offline-review';
import { listProblems } from '../../settings/settings-service';
import { modelPricer } from '../engine/model-pricer';
import { DEFAULT_MATRIX_PATH, formatMatrixErrors, loadRiskMatrix } from '../matrix/load';
import { evaluateFile } from './evaluate-file';
import { formatGate } from './gate-report';
import { formatReport } from './report';

const USAGE = `Usage: npm run risk -- <book.json> [--proposed <legs.json>] [--matrix <file.yaml>] [--json]
  <book.json>          the book (format: docs/book-format.md)
  --proposed FILE      proposed legs: the projected frame, new or worse violations, and the
                       order gate's verdict on them as one order (exit 3 when it would deny)
  --settings FILE      Bulwark settings.json for the gate's collars and caps (default: defaults)
  --matrix FILE        risk matrix YAML (default resources/risk-matrix.default.yaml)
  --json               print the frame as JSON instead of a report`;

const EXIT_INVALID = 2;
const EXIT_DENIED = 3;

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
        settings: { type: 'string' },
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
  const settings = args.values.settings ? readSettings(args.values.settings) : DEFAULT_SETTINGS;
  const result = evaluateFile(book, legs, matrix.matrix, modelPricer());
  if (!result.ok) fail(result.errors.map((e) => `${e.path}: ${e.message}`));
  const { frame, projection, inputs } = result.value;
  let gate = null;
  if (projection) {
    try {
      gate = reviewOffline(
        { ...inputs, frame, projected: projection.frame, violations: projection.violations },
        settings,
      );
    } catch (e) {
      fail([e instanceof Error ? e.message : String(e)]);
    }
  }
  const out = args.values.json
    ? JSON.stringify(projection ? { ...frame, projection, gate } : frame, null, 2)
    : formatReport(frame, projection) + (gate ? `\n${formatGate(gate)}` : '');
  process.stdout.write(`${out}\n`);
  if (gate?.decision === 'denied') process.exitCode = EXIT_DENIED;
}

function readSettings(path: string): Settings {
  const parsed = SettingsSchema.safeParse(readJson(path, 'settings'));
  if (!parsed.success) fail(listProblems(parsed.error).map((p) => `${path}: ${p}`));
  return parsed.data;
}

main();
