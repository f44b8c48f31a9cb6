/**
 * Simulator feedback in plain words (pure). A coded error's details are shown as sentences, never
 * as their raw keys ("problem1 …"); an error about the typed shock goes away with the text.
 */
import type { ApiError } from '@shared/api/errors';
import type { Feedback } from '../../stores/store';

export interface ErrorText {
  code: ApiError['code'];
  message: string;
  /** One plain line per detail, in the core's order. */
  lines: string[];
}

/** Generic detail keys (problem1, problem2 …) say nothing: only their text is shown. */
const GENERIC_KEY = /^(problem|issue|error)\d*$/i;

export function errorText(error: ApiError): ErrorText {
  const lines = Object.entries(error.details ?? {}).map(([k, v]) =>
    GENERIC_KEY.test(k) ? String(v) : `${k.replace(/[_-]/g, ' ')}: ${String(v)}`,
  );
  return { code: error.code, message: error.message, lines };
}

/** What the feedback becomes when the shock field changes: an error clears with the field. */
export function feedbackAfterEdit(feedback: Feedback | null, text: string): Feedback | null {
  return feedback?.kind === 'error' && text.trim() === '' ? null : feedback;
}
