/**
 * A large deterministic book for stress tests: stock and futures lines, then options spread
 * over every optionable underlying, expiry and near-the-money strike (within ±12 % of spot),
 * mostly short. Same seed → same book.
 */
import type { BookContext } from './book-tools';
import { option, position, underlying } from './book-tools';
import type { LedgerPosition } from './ledger';
import { yearsToExpiry } from '@shared/domain/time';
import { SYMBOL_INDEX } from './universe';

const STOCK_LINES: ReadonlyArray<[string, number]> = [
  ['SPY', 100],
  ['QQQ', 100],
  ['IWM', 200],
  ['AAPL', 300],
  ['TSLA', 100],
  ['NVDA', 400],
  ['ES', 1],
  ['MES', -2],
];
const OPTION_ROOTS = ['SPX', 'SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA', 'NVDA', 'ES'];
const NEAR = 0.12;

export function largeDemoBook(ctx: BookContext, n: number): LedgerPosition[] {
  const out: LedgerPosition[] = [];
  const seen = new Set<string>();
  for (const [symbol, qty] of STOCK_LINES) {
    if (out.length >= n) return out;
    const inst = underlying(ctx, symbol);
    seen.add(inst.key);
    out.push(position(ctx, inst, qty, 0.015));
  }
  const rng = ctx.rng;
  for (let attempts = 0; out.length < n && attempts < n * 50; attempts++) {
    const symbol = OPTION_ROOTS[rng.int(0, OPTION_ROOTS.length - 1)]!;
    const chain = ctx.instruments.chain(symbol)!;
    const expiries = chain.expirations.filter(
      (e) => yearsToExpiry(e, ctx.market.time, chain.settlement(e)) > 0,
    );
    const spot = ctx.market.price(SYMBOL_INDEX.get(symbol)!);
    const strikes = chain.strikes.filter((k) => Math.abs(k / spot - 1) <= NEAR);
    const expiry = expiries[rng.int(0, expiries.length - 1)]!;
    const strike = strikes[rng.int(0, strikes.length - 1)]!;
    const right = rng.next() < 0.5 ? 'P' : 'C';
    const size = rng.int(1, 5);
    const qty = rng.next() < 0.7 ? -size : size;
    const inst = option(ctx, symbol, expiry, right, strike);
    if (seen.has(inst.key)) continue;
    seen.add(inst.key);
    out.push(position(ctx, inst, qty));
  }
  return out;
}
