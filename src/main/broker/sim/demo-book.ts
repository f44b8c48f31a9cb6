/**
 * The demo book: about 30 positions an options seller might hold, chosen against the start
 * market and the chains so every line is a real chain instrument. Cash is set so net
 * liquidation starts at DEMO_NLV; average prices sit near the start marks (P&L near zero).
 */
import type { OptionRight } from '@shared/domain/instrument';
import type { BookContext } from './book-tools';
import {
  expiryNear,
  expiryWithin,
  nearestStrike,
  option,
  position,
  strikeByDelta,
  underlying,
} from './book-tools';
import type { LedgerPosition } from './ledger';

export const DEMO_ACCOUNT = 'SIM-DEMO';
export const DEMO_NLV = 299_000;

function short(
  ctx: BookContext,
  symbol: string,
  expiry: string,
  right: OptionRight,
  delta: number,
  qty: number,
): LedgerPosition {
  const strike = strikeByDelta(ctx, symbol, expiry, right, delta);
  return position(ctx, option(ctx, symbol, expiry, right, strike), -qty);
}

function strangle(
  ctx: BookContext,
  symbol: string,
  dte: number,
  delta: number,
  qty: number,
): LedgerPosition[] {
  const expiry = expiryNear(ctx, symbol, dte);
  return [short(ctx, symbol, expiry, 'P', delta, qty), short(ctx, symbol, expiry, 'C', delta, qty)];
}

/** Short put spread (or call spread): short at `delta`, long `width` further out. */
function creditSpread(
  ctx: BookContext,
  symbol: string,
  expiry: string,
  right: OptionRight,
  delta: number,
  width: number,
  qty: number,
): LedgerPosition[] {
  const shortStrike = strikeByDelta(ctx, symbol, expiry, right, delta);
  const longStrike = nearestStrike(ctx, symbol, shortStrike + (right === 'P' ? -width : width));
  return [
    position(ctx, option(ctx, symbol, expiry, right, shortStrike), -qty),
    position(ctx, option(ctx, symbol, expiry, right, longStrike), qty),
  ];
}

function ironCondor(
  ctx: BookContext,
  symbol: string,
  dte: number,
  delta: number,
  width: number,
  qty: number,
): LedgerPosition[] {
  const expiry = expiryNear(ctx, symbol, dte);
  return [
    ...creditSpread(ctx, symbol, expiry, 'P', delta, width, qty),
    ...creditSpread(ctx, symbol, expiry, 'C', delta, width, qty),
  ];
}

export function demoBook(ctx: BookContext): LedgerPosition[] {
  const nearStock = (symbol: string): string => expiryWithin(ctx, symbol, 1, 5);
  return [
    // Index premium: a strangle, a condor and a 0–2 DTE put spread that trips expiry alarms;
    // a strangle on the ES quarterly (futures options: margin-light) carries much of the vega.
    ...strangle(ctx, 'SPX', 45, 0.1, 1),
    ...strangle(ctx, 'ES', 90, 0.16, 4),
    ...ironCondor(ctx, 'SPX', 10, 0.2, 50, 1),
    ...creditSpread(ctx, 'SPX', expiryWithin(ctx, 'SPX', 0, 2), 'P', 0.1, 25, 2),
    ...strangle(ctx, 'SPY', 30, 0.16, 1),
    ...ironCondor(ctx, 'SPY', 8, 0.2, 5, 3),
    ...strangle(ctx, 'QQQ', 45, 0.15, 1),
    ...ironCondor(ctx, 'QQQ', 15, 0.2, 5, 2),
    ...creditSpread(ctx, 'IWM', expiryNear(ctx, 'IWM', 20), 'P', 0.2, 5, 3),
    // Single-stock puts close to expiry.
    short(ctx, 'AAPL', nearStock('AAPL'), 'P', 0.2, 2),
    short(ctx, 'TSLA', nearStock('TSLA'), 'P', 0.2, 1),
    short(ctx, 'NVDA', nearStock('NVDA'), 'P', 0.2, 3),
    // Covered call and plain long stock.
    position(ctx, underlying(ctx, 'AAPL'), 200, 0.015),
    short(ctx, 'AAPL', expiryNear(ctx, 'AAPL', 30), 'C', 0.25, 2),
    position(ctx, underlying(ctx, 'NVDA'), 200, 0.015),
    // Futures: ES and MES short as a delta hedge for the short puts, one short ES put.
    position(ctx, underlying(ctx, 'ES'), -1, 0.001),
    position(ctx, underlying(ctx, 'MES'), -2, 0.001),
    short(ctx, 'ES', expiryNear(ctx, 'ES', 10), 'P', 0.15, 1),
  ];
}
