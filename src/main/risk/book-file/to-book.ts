/**
 * A validated book file → the engine's RiskBook, with every semantic problem (a missing strike,
 * an option whose underlying has no price, a missing benchmark price) listed by path.
 */
import {
  EQUITY_OPTION_MULTIPLIER,
  EUROPEAN_OPTION_ROOTS,
  FUTURES_MULTIPLIERS,
} from '@shared/domain/contract-specs';
import { describeInstrument, instrumentKey } from '@shared/domain/instrument';
import { expiryInstant } from '@shared/domain/time';
import type { Benchmark } from '@shared/domain/risk';
import type { RiskBook, RiskPosition, RiskUnderlying } from '../engine/book';
import type { MatrixIssue } from '../matrix/issues';
import { resolveBeta } from '../betas';
import type { BookFile, BookPosition } from './schema';

export const FILE_GREEKS_MAX_AGE_MS = 30_000;

export type BookIssue = MatrixIssue;

function multiplierOf(p: BookPosition, path: string, issues: BookIssue[]): number {
  if (p.multiplier !== undefined) return p.multiplier;
  if (p.secType === 'STK') return 1;
  if (p.secType === 'OPT') return EQUITY_OPTION_MULTIPLIER;
  const m = FUTURES_MULTIPLIERS[p.symbol];
  if (m === undefined) {
    issues.push({
      path: `${path}.multiplier`,
      message: `is required: no default multiplier for ${p.symbol}`,
    });
    return 1;
  }
  return m;
}

function termsProblems(p: BookPosition, path: string, issues: BookIssue[]): void {
  const isOption = p.secType === 'OPT' || p.secType === 'FOP';
  for (const key of ['right', 'strike'] as const) {
    if (isOption && p[key] === undefined)
      issues.push({ path: `${path}.${key}`, message: `is required for ${p.secType}` });
    if (!isOption && p[key] !== undefined)
      issues.push({ path: `${path}.${key}`, message: `only options have a ${key}` });
  }
  if (p.secType !== 'STK' && p.expiry === undefined) {
    issues.push({ path: `${path}.expiry`, message: `is required for ${p.secType}` });
  }
  if (p.secType === 'STK' && p.expiry !== undefined)
    issues.push({ path: `${path}.expiry`, message: 'stock has no expiry' });
  if (
    !isOption &&
    (p.exercise !== undefined ||
      p.iv !== undefined ||
      p.greeks !== undefined ||
      p.settlement !== undefined)
  ) {
    issues.push({ path, message: 'exercise, settlement, iv and greeks apply to options only' });
  }
}

/** An option whose settlement is at or before the valuation time cannot be valued. */
function expiredProblem(p: BookPosition, path: string, valuationTime: number, issues: BookIssue[]) {
  const isOption = p.secType === 'OPT' || p.secType === 'FOP';
  if (!isOption || p.expiry === undefined || Number.isNaN(valuationTime)) return;
  const settlement = p.settlement ?? 'PM';
  if (expiryInstant(p.expiry, settlement) > valuationTime) return;
  const at = settlement === 'AM' ? '09:30' : '16:00';
  issues.push({
    path: `${path}.expiry`,
    message: `${p.expiry} (${settlement}, ${at} New York) is not after valuationTime: the option has expired; remove it or move valuationTime`,
  });
}

export function toRiskBook(
  file: BookFile,
  defaults: { benchmark: Benchmark; userBetas: Record<string, number> },
  /** Positions already reported invalid by the schema: not checked again. */
  skip: ReadonlySet<number> = new Set(),
): { ok: true; book: RiskBook } | { ok: false; errors: BookIssue[] } {
  const issues: BookIssue[] = [];
  const valuationTime = Date.parse(file.valuationTime);
  const benchmark = file.benchmark ?? defaults.benchmark;
  const prices = file.market.underlyings;
  const benchmarkPrice = prices[benchmark]?.price ?? null;
  if (benchmarkPrice === null) {
    issues.push({
      path: `market.underlyings.${benchmark}`,
      message: `is required: the benchmark ${benchmark} needs a price`,
    });
  }
  const userBetas = { ...defaults.userBetas };
  for (const [sym, u] of Object.entries(prices)) if (u.beta !== undefined) userBetas[sym] = u.beta;
  const underlyings = new Map<string, RiskUnderlying>();
  const underlyingOf = (symbol: string, price: number | null): void => {
    if (underlyings.has(symbol)) return;
    const b = resolveBeta(symbol, benchmark, { user: userBetas, computed: new Map() });
    underlyings.set(symbol, {
      symbol,
      price: prices[symbol]?.price ?? price,
      dividendYield: prices[symbol]?.dividendYield ?? 0,
      beta: b.beta,
      betaSource: b.source,
    });
  };
  const futurePrice = new Map<string, number>();
  for (const p of file.positions)
    if (p.secType === 'FUT' && p.price !== undefined) futurePrice.set(p.symbol, p.price);
  const positions: RiskPosition[] = [];
  const seen = new Set<string>();
  file.positions.forEach((p, i) => {
    if (skip.has(i)) return;
    const path = `positions[${i}]`;
    const before = issues.length;
    termsProblems(p, path, issues);
    expiredProblem(p, path, valuationTime, issues);
    const multiplier = multiplierOf(p, path, issues);
    const isOption = p.secType === 'OPT' || p.secType === 'FOP';
    const own =
      prices[p.symbol]?.price ?? (p.secType === 'FUT' ? futurePrice.get(p.symbol) : undefined);
    const underlyingPrice = isOption
      ? (p.underlyingPrice ?? own ?? null)
      : (p.price ?? own ?? null);
    if (underlyingPrice === null) {
      issues.push({
        path: isOption ? `market.underlyings.${p.symbol}` : `${path}.price`,
        message: isOption
          ? `is required: ${path} is an option on ${p.symbol}`
          : 'is required (no market price for the symbol)',
      });
    }
    // Every problem of the line is listed before it is left out.
    if (issues.length > before || underlyingPrice === null) return;
    const parts = {
      symbol: p.symbol,
      secType: p.secType,
      expiry: p.expiry,
      right: p.right,
      strike: p.strike,
    };
    const key = instrumentKey(parts);
    const id = p.account ? `${p.account}|${key}` : key;
    if (seen.has(id)) {
      issues.push({
        path,
        message: `duplicate position ${key}: merge the quantities into one line`,
      });
      return;
    }
    seen.add(id);
    underlyingOf(p.symbol, underlyingPrice);
    const exercise =
      p.exercise ??
      (p.secType === 'OPT' && EUROPEAN_OPTION_ROOTS.has(p.symbol) ? 'european' : 'american');
    positions.push({
      id,
      description: describeInstrument(parts),
      underlying: p.symbol,
      secType: p.secType,
      quantity: p.quantity,
      multiplier,
      expiry: p.expiry ?? null,
      settlement: p.settlement ?? 'PM',
      option: isOption ? { right: p.right!, strike: p.strike!, exercise } : null,
      price: isOption ? (p.price ?? null) : underlyingPrice,
      underlyingPrice,
      brokerGreeks: p.greeks
        ? {
            ...p.greeks,
            iv: p.greeks.iv ?? null,
            time: valuationTime - (p.greeks.ageSeconds ?? 0) * 1000,
          }
        : null,
      ivOverride: p.iv ?? null,
      stale: false,
    });
  });
  if (issues.length > 0) return { ok: false, errors: issues };
  const acct = file.account;
  return {
    ok: true,
    book: {
      valuationTime,
      rate: file.rate,
      benchmark,
      benchmarkPrice,
      underlyings,
      positions,
      account: {
        netLiquidation: acct?.netLiquidation ?? null,
        excessLiquidity: acct?.excessLiquidity ?? null,
        ...startOfDayOf(acct),
      },
      market: {
        vix: file.market.VIX ?? null,
        vix3m: file.market.VIX3M ?? null,
        vvix: file.market.VVIX ?? null,
      },
      staleReason: null,
      greeksMaxAgeMs: FILE_GREEKS_MAX_AGE_MS,
    },
  };
}

/** The file's start of day: given outright, or NLV − the broker's daily P&L; else unknown. */
function startOfDayOf(acct: BookFile['account']): {
  startOfDayNetLiquidation: number | null;
  startOfDayBasis: string;
} {
  if (acct?.startOfDayNetLiquidation !== undefined)
    return {
      startOfDayNetLiquidation: acct.startOfDayNetLiquidation,
      startOfDayBasis: 'account.startOfDayNetLiquidation',
    };
  if (acct?.dailyPnl !== undefined)
    return {
      startOfDayNetLiquidation: acct.netLiquidation - acct.dailyPnl,
      startOfDayBasis: 'NLV − account.dailyPnl',
    };
  return {
    startOfDayNetLiquidation: null,
    startOfDayBasis:
      'Start of day unknown: the file gives neither startOfDayNetLiquidation nor dailyPnl',
  };
}
