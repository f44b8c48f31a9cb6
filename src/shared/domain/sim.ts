import { z } from 'zod';
import { TimestampSchema } from './market';

/** One move in a simulator shock: "SPX -5%" (percent) or "VIX +10" (points). */
export const ShockMoveSchema = z
  .object({
    symbol: z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, 'expected an upper-case symbol'),
    change: z.number().finite(),
    unit: z.enum(['percent', 'points']),
  })
  .strict();
export type ShockMove = z.infer<typeof ShockMoveSchema>;

export const SimStatusSchema = z
  .object({
    running: z.boolean(),
    speed: z.number().positive(),
    seed: z.number().int(),
    /** Simulated market time, epoch ms. */
    simTime: TimestampSchema,
    steps: z.number().int().nonnegative(),
    lastShock: z.string().nullable(),
  })
  .strict();
export type SimStatus = z.infer<typeof SimStatusSchema>;

export const MIN_SIM_SPEED = 0.1;
export const MAX_SIM_SPEED = 1000;

const MOVE = /^([A-Za-z][A-Za-z0-9]{0,7})\s*([+\-\u2212])\s*(\d+(?:\.\d+)?)\s*(%?)$/;

export type ShockParse = { ok: true; moves: ShockMove[] } | { ok: false; problems: string[] };

/**
 * Parses "SPX -6%, VIX +15" (comma or semicolon separated; Unicode minus accepted).
 * A percent sign means a relative move; without it the change is in points.
 */
export function parseShockSpec(spec: string): ShockParse {
  const parts = spec
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0) return { ok: false, problems: ['empty shock: expected e.g. "SPX -5%"'] };
  const moves: ShockMove[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const m = MOVE.exec(part);
    if (!m) {
      problems.push(`"${part}": expected SYMBOL ±N or SYMBOL ±N%`);
      continue;
    }
    const [, rawSymbol = '', sign, amount = '0', pct] = m;
    const symbol = rawSymbol.toUpperCase();
    if (seen.has(symbol)) problems.push(`"${part}": ${symbol} appears twice`);
    seen.add(symbol);
    const change = (sign === '+' ? 1 : -1) * Number(amount);
    const unit = pct === '%' ? 'percent' : 'points';
    if (unit === 'percent' && change <= -100) problems.push(`"${part}": a price cannot fall 100%`);
    moves.push({ symbol, change, unit });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, moves };
}

export function formatShock(moves: readonly ShockMove[]): string {
  return moves
    .map(
      (m) => `${m.symbol} ${m.change >= 0 ? '+' : ''}${m.change}${m.unit === 'percent' ? '%' : ''}`,
    )
    .join(', ');
}
