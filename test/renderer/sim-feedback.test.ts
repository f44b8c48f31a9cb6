import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../src/renderer/src/stores/store';
import {
  errorText,
  feedbackAfterEdit,
} from '../../src/renderer/src/features/simulator/feedback-text';

const shockError: Feedback = {
  kind: 'error',
  at: 0,
  error: {
    code: 'INVALID_SHOCK',
    message: 'Cannot apply shock "SPX down a lot".',
    details: { problem1: '"SPX down a lot": expected SYMBOL ±N or SYMBOL ±N%' },
  },
};

describe('custom shock errors', () => {
  it('show plain text, never the raw detail key', () => {
    if (shockError.kind !== 'error') throw new Error('fixture');
    const t = errorText(shockError.error);
    expect(t.lines).toEqual(['"SPX down a lot": expected SYMBOL ±N or SYMBOL ±N%']);
    expect(t.lines.join(' ')).not.toMatch(/problem1/);
    expect(t.message).toBe('Cannot apply shock "SPX down a lot".');
  });

  it('keep a meaningful key as words', () => {
    const t = errorText({ code: 'INVALID_INPUT', message: 'Bad.', details: { max_speed: 1000 } });
    expect(t.lines).toEqual(['max speed: 1000']);
  });

  it('clear when the shock field is cleared', () => {
    expect(feedbackAfterEdit(shockError, '')).toBeNull();
    expect(feedbackAfterEdit(shockError, '   ')).toBeNull();
    expect(feedbackAfterEdit(shockError, 'SPX -')).toBe(shockError);
    const ok: Feedback = { kind: 'ok', text: 'Shock applied: SPX −5%', at: 0 };
    expect(feedbackAfterEdit(ok, '')).toBe(ok);
  });
});
