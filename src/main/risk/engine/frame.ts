/**
 * Book → RiskFrame: resolve each position's Greeks, aggregate, run every check, parametric VaR.
 * Pure and fast (no scenario grid, no Monte Carlo — see heavy.ts, run in a worker), so the main
 * thread can recompute it on every tick.
 */
import type { Alarm, LimitCheck, PositionRisk, RegimeState, RiskFrame } from '@shared/domain/risk';
import { aggregate, type Aggregates } from './aggregate';
import type { RiskBook, VolReadings } from './book';
import type { CheckConfig } from './check-config';
import {
  contractsCheck,
  drawdownCheck,
  expiryCheck,
  gammaNearExpiryCheck,
  marginCushionCheck,
  tierCheck,
} from './checks-book';
import {
  betaDeltaCheck,
  concentrationChecks,
  gammaCheck,
  shortVegaCheck,
  thetaCheck,
  thetaVegaCheck,
} from './checks-greeks';
import { finishCheck, type CheckDraft } from './lights';
import type { OptionPricer } from './pricer';
import { resolvePositions, type ResolvedPosition } from './resolve';
import { dailySigmaFromVix, parametricInputs, parametricVar, Z95, Z99 } from './var';

export interface FrameOptions {
  /** Include per-position rows (CLI, projections); the live stream leaves them out. */
  positions: boolean;
  /** Wall time the frame is made (defaults to the valuation time). */
  asOf?: number;
  /** One-day benchmark σ; from VIX when omitted. */
  sigmaDaily?: number;
  seed?: number;
}

export interface Evaluation {
  frame: RiskFrame;
  resolved: readonly ResolvedPosition[];
  aggregates: Aggregates;
}

interface StaleReasons {
  greeks: string | null;
  account: string | null;
  book: string | null;
}

function staleReasons(
  book: RiskBook,
  resolved: readonly ResolvedPosition[],
  regime: RegimeState | null,
): StaleReasons {
  const bookReason = book.staleReason;
  let none = 0;
  let staleQuotes = 0;
  for (const r of resolved) {
    if (r.source === 'none') none++;
    if (r.pos.stale) staleQuotes++;
  }
  const greeks =
    bookReason ??
    (regime === null ? 'VIX is unknown, so the regime and its limits are unknown' : null) ??
    (none > 0 ? `${none} of ${resolved.length} positions have no valid Greeks` : null) ??
    (staleQuotes > 0 ? `${staleQuotes} position(s) priced from stale quotes` : null);
  const nlvKnown = book.account.netLiquidation !== null;
  const account = bookReason ?? (nlvKnown ? null : 'no account values from the broker');
  return { greeks, account, book: bookReason };
}

export function evaluateBook(
  book: RiskBook,
  config: CheckConfig,
  regime: RegimeState | null,
  pricer: OptionPricer,
  opts: FrameOptions = { positions: false },
): Evaluation {
  return evaluateResolved(book, resolvePositions(book, pricer), config, regime, opts);
}

/** The frame of a book whose positions are already resolved (one per book position, in order). */
export function evaluateResolved(
  book: RiskBook,
  resolved: readonly ResolvedPosition[],
  config: CheckConfig,
  regime: RegimeState | null,
  opts: FrameOptions = { positions: false },
): Evaluation {
  const agg = aggregate(book, resolved);
  const nlv = book.account.netLiquidation;
  const stale = staleReasons(book, resolved, regime);
  const alarms: Alarm[] = [];
  const t = config.lights;
  const greekDrafts: CheckDraft[] = [
    betaDeltaCheck(agg, config, nlv),
    shortVegaCheck(agg, config, nlv),
    thetaCheck(agg, config, nlv),
    gammaCheck(agg, config, nlv),
    thetaVegaCheck(agg, config),
    ...concentrationChecks(agg, config),
    tierCheck(resolved, config, nlv),
    gammaNearExpiryCheck(resolved, config, alarms),
  ];
  const lights: LimitCheck[] = [
    ...greekDrafts.map((d) => finishCheck(d, stale.greeks, t)),
    finishCheck(marginCushionCheck(book.account, config, alarms), stale.account, t),
    finishCheck(drawdownCheck(book.account, config), stale.account, t),
    finishCheck(contractsCheck(resolved, config), stale.book, t),
    finishCheck(expiryCheck(resolved, config, alarms), stale.book, t),
  ];
  for (const u of agg.byUnderlying) {
    if (u.betaSource !== 'unavailable') continue;
    alarms.push({
      code: 'BETA_UNAVAILABLE',
      severity: 'info',
      subject: u.underlying,
      message: `Beta unavailable for ${u.underlying}: 1.0 is used for its β-delta.`,
    });
  }
  for (const r of resolved) {
    if (r.source === 'local' && r.problem !== null) {
      alarms.push({
        code: 'BROKER_GREEKS_REFUSED',
        severity: 'warning',
        subject: r.pos.description,
        message: `${r.pos.description}: ${r.problem}.`,
      });
    }
    if (r.source !== 'none') continue;
    alarms.push({
      code: 'NO_GREEKS',
      severity: 'warning',
      subject: r.pos.description,
      message: `${r.pos.description}: no valid Greeks (${r.problem ?? 'unknown'}); left out of every sum.`,
    });
  }
  const vix = book.market.vix;
  const sigma = opts.sigmaDaily ?? (vix !== null ? dailySigmaFromVix(vix) : null);
  const p = parametricInputs(resolved);
  const staleLight = lights.find((l) => l.light === 'stale');
  const frame: RiskFrame = {
    asOf: opts.asOf ?? book.valuationTime,
    valuationTime: book.valuationTime,
    benchmark: { symbol: book.benchmark, price: book.benchmarkPrice },
    netLiquidation: nlv,
    regime: regime ?? unknownRegime(book.valuationTime, book.market),
    totals: { ...agg.totals, thetaVegaRatio: thetaVegaRatio(agg) },
    byUnderlying: agg.byUnderlying,
    byExpiry: agg.byExpiry,
    gammaByDte: agg.gammaByDte,
    coverage: agg.coverage,
    lights,
    alarms,
    stale: staleLight !== undefined,
    // A grey light always says why, even when only its own inputs are missing.
    staleReason:
      stale.book ?? stale.greeks ?? stale.account ?? (staleLight ? staleLight.explanation : null),
    failure: null,
    scenarios: null,
    standardShocks: [],
    heavy: null,
    var:
      sigma === null
        ? null
        : {
            parametric95: parametricVar(p, sigma, Z95),
            parametric99: parametricVar(p, sigma, Z99),
            mc95: null,
            mc99: null,
            sigmaDaily: sigma,
            paths: 0,
            seed: opts.seed ?? 0,
          },
  };
  if (opts.positions) frame.positions = resolved.map(positionRisk);
  return { frame, resolved, aggregates: agg };
}

function thetaVegaRatio(a: Aggregates): number | null {
  return Math.abs(a.totals.vega) > 1e-9 ? Math.abs(a.totals.theta) / Math.abs(a.totals.vega) : null;
}

/** The regime shown while it cannot be known (no VIX, or no frame at all). */
export function unknownRegime(since: number, market: VolReadings): RegimeState {
  return {
    name: 'neutral',
    since,
    vix: market.vix,
    vix3m: market.vix3m,
    vvix: market.vvix,
    termRatio: null,
    pending: null,
    scaler: 1,
  };
}

export function positionRisk(r: ResolvedPosition): PositionRisk {
  return {
    id: r.pos.id,
    underlying: r.pos.underlying,
    description: r.pos.description,
    quantity: r.pos.quantity,
    dte: r.dte,
    delta: r.greeks?.delta ?? null,
    gamma: r.greeks?.gamma ?? null,
    theta: r.greeks?.theta ?? null,
    vega: r.greeks?.vega ?? null,
    betaDelta: r.betaDelta,
    iv: r.iv,
    greeksSource: r.source,
    greeksAgeMs: r.ageMs,
    problem: r.problem,
  };
}
