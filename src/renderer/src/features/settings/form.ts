/**
 * The settings form (pure): what the fields show, and the patch of only the changed fields that
 * Save sends. The patch is checked with the contract's own schema first, so an out-of-range value
 * is marked at its field before anything is sent; the core validates the whole again.
 */
import type { ApiError } from '@shared/api/errors';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '@shared/domain/settings';
import { FIELDS, fieldById, fullLabel, LIVE_ACCOUNT_FIELD, valueAt, type FieldDef } from './fields';

/** Text for text and number fields, a boolean for checkboxes; keyed by field id. */
export type FormValues = Readonly<Record<string, string | boolean>>;

export function formFromSettings(settings: Settings): FormValues {
  const values: Record<string, string | boolean> = {};
  for (const f of FIELDS) {
    const v = valueAt(settings, f.id);
    if (f.kind === 'checkbox') values[f.id] = v === true;
    else values[f.id] = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  }
  return values;
}

export type PatchResult =
  | { ok: true; patch: SettingsPatch; changed: string[] }
  | { ok: false; problems: Readonly<Record<string, string>> };

/** The changed fields as a patch, or a plain-words problem per field that cannot be sent. */
export function patchFromForm(saved: Settings, form: FormValues): PatchResult {
  const problems: Record<string, string> = {};
  const raw: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const f of FIELDS) {
    const read = readField(f, form[f.id]);
    if (!read.ok) {
      problems[f.id] = read.problem;
      continue;
    }
    if (read.value === valueAt(saved, f.id)) continue;
    setAt(raw, f.id, read.value);
    changed.push(f.id);
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const parsed = SettingsPatchSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const id = issue.path.map(String).join('.');
      problems[id] = problems[id] ? `${problems[id]}; ${issue.message}` : issue.message;
    }
    return { ok: false, problems };
  }
  return { ok: true, patch: parsed.data, changed };
}

type Read = { ok: true; value: string | number | boolean | null } | { ok: false; problem: string };

function readField(f: FieldDef, v: string | boolean | undefined): Read {
  if (f.kind === 'checkbox') return { ok: true, value: v === true };
  const text = typeof v === 'string' ? v.trim() : '';
  // An empty account id means "no live account": that is how live trading is switched off.
  if (f.kind === 'text')
    return { ok: true, value: f.id === LIVE_ACCOUNT_FIELD && !text ? null : text };
  if (!text) return { ok: false, problem: 'Enter a number.' };
  // Thousands separators are how a trader types 25,000,000.
  const n = Number(text.replace(/[,_\s]/g, ''));
  if (!Number.isFinite(n)) return { ok: false, problem: 'Enter a number.' };
  if (f.kind === 'integer' && !Number.isInteger(n))
    return { ok: false, problem: 'Enter a whole number.' };
  return { ok: true, value: n };
}

function setAt(target: Record<string, unknown>, id: string, value: unknown): void {
  const keys = id.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * A refusal from the core in the dialog's words: a detail keyed by a field's path, or a problem
 * line starting with one, is shown with the field's label instead of the path.
 */
export function settingsErrorLines(error: ApiError): string[] {
  return Object.entries(error.details ?? {}).map(([key, value]) => {
    const text = String(value);
    if (key === 'file') return `File: ${text}`;
    const byKey = fieldById(key);
    if (byKey) return `${fullLabel(byKey)}: ${text}`;
    const m = /^([\w.]+): (.*)$/s.exec(text);
    const byLine = m ? fieldById(m[1]!) : undefined;
    return byLine && m ? `${fullLabel(byLine)}: ${m[2]!}` : text;
  });
}
