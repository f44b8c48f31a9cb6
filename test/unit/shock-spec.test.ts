import { describe, expect, it } from 'vitest';
import { formatShock, parseShockSpec } from '@shared/domain/sim';

describe('shock spec', () => {
  it('reads percent and point moves, with a Unicode minus', () => {
    expect(parseShockSpec('SPX \u22126%, VIX +15')).toEqual({
      ok: true,
      moves: [
        { symbol: 'SPX', change: -6, unit: 'percent' },
        { symbol: 'VIX', change: 15, unit: 'points' },
      ],
    });
  });

  it('accepts lower case and semicolons', () => {
    expect(parseShockSpec('spx -5%; tsla +2.5%')).toMatchObject({
      ok: true,
      moves: [{ symbol: 'SPX' }, { symbol: 'TSLA', change: 2.5 }],
    });
  });

  it('lists every problem at once', () => {
    const r = parseShockSpec('SPX down a lot, VIX +10, VIX +5, QQQ -100%');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join('\n')).toMatch(/SPX down a lot/);
    expect(r.problems.join('\n')).toMatch(/VIX appears twice/);
    expect(r.problems.join('\n')).toMatch(/cannot fall 100%/);
  });

  it('refuses an empty spec', () => {
    expect(parseShockSpec(' , ').ok).toBe(false);
  });

  it('formats moves back into the same syntax', () => {
    const r = parseShockSpec('SPX -6%, VIX +15');
    expect(r.ok && formatShock(r.moves)).toBe('SPX -6%, VIX +15');
  });
});
