/**
 * Keeps the risk frame current in the running app and publishes it on `risk.frame`: the fast
 * half is recomputed on the main thread whenever inputs change (coalesced, ≤ 4×/s) and once a
 * second so ageing data turns grey; the scenario grid and Monte Carlo run in the risk worker,
 * latest request wins, and are merged into the newest frame when they return.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { RegimeState, RiskFrame } from '@shared/domain/risk';
import type { RiskBook, RiskPosition, RiskUnderlying } from '../engine/book';
import type { CheckConfig } from '../engine/check-config';
import { Throttle } from '@shared/util/throttle';
import type { StreamHub } from '../../api/stream-hub';
import type { MarketCache } from '../../market/market-cache';
import type { StaleAfter } from '../../market/positions-view';
import type { Clock, TimerHandle } from '../../util/clock';
import { errorMessage, type Logger } from '../../util/logger';
import { failedFrame } from '../engine/failed-frame';
import { evaluateBook } from '../engine/frame';
import { withHeavy, type HeavyRequest, type HeavyResult } from '../engine/heavy';
import { checkConfig, scenarioSpec } from '../engine/matrix-config';
import type { OptionPricer } from '../engine/pricer';
import { revaluables } from '../engine/revalue';
import type { RiskMatrix } from '../matrix/schema';
import type { ValidGreeks } from '../../market/option-model';
import type { ResolvedPosition } from '../engine/resolve';
import { RegimeTracker } from '../regime';
import type { HeavyRunner } from '../worker/heavy-runner';
import type { BetaTable } from './beta-table';
import {
  bookFromCache,
  riskLine,
  underlyingFor,
  VIX_KEY,
  type LiveBookInputs,
} from './book-from-cache';
import { BudgetedPricer } from './budgeted-pricer';
import { StartOfDayTracker, type StartOfDay } from './start-of-day';
import type { StartOfDayStore } from './start-of-day-store';

export const RISK_INTERVAL_MS = 250;
export const HEAVY_INTERVAL_MS = 1_000;
const SWEEP_MS = 1_000;
/** A review reuses the last recompute while it is at most this old (a sweep recomputes every second). */
const EVALUATION_REUSE_MS = 1_500;
/** Heavy results older than this, or from a book that moved since, are marked stale. */
export const HEAVY_STALE_MS = 10_000;
const HEAVY_STALE_MOVE = 0.0025;

/** What the heavy results were computed from, to tell when the book has moved since. */
interface HeavyInputs {
  time: number;
  benchmark: number | null;
  positions: string;
}

function movedSince(inputs: HeavyInputs, now: HeavyInputs): boolean {
  if (now.time - inputs.time > HEAVY_STALE_MS || now.positions !== inputs.positions) return true;
  if (inputs.benchmark === null || now.benchmark === null)
    return inputs.benchmark !== now.benchmark;
  return Math.abs(now.benchmark / inputs.benchmark - 1) > HEAVY_STALE_MOVE;
}

export interface ProjectionInputs {
  book: RiskBook;
  config: CheckConfig;
  regime: RegimeState | null;
  pricer: OptionPricer;
  /**
   * The last recompute's book, its priced positions and its frame, while at most 1.5 s old:
   * a review then measures the trade against the very frame on screen and prices only the
   * trade's own lines (book, config and regime above are that recompute's too).
   */
  evaluated: { resolved: readonly ResolvedPosition[]; frame: RiskFrame } | null;
  line(
    inst: Instrument,
    quantity: number,
    id: string,
  ): { line: RiskPosition; underlying: RiskUnderlying };
}

export interface RiskServiceDeps {
  cache: MarketCache;
  hub: StreamHub;
  clock: Clock;
  log: Logger;
  matrix: RiskMatrix;
  staleAfter: StaleAfter;
  pricer: OptionPricer;
  runner: HeavyRunner;
  betas: BetaTable;
  assumptions: { rate: number; dividendYield(symbol: string): number };
  /** Where the start-of-day NLV survives a restart (the data directory, or memory in tests). */
  startOfDay: StartOfDayStore;
}

/** Options whose Greeks came from the local model, per share in broker units. */
function localPerShare(
  resolved: readonly ResolvedPosition[],
  time: number,
): Map<string, ValidGreeks> {
  const out = new Map<string, ValidGreeks>();
  for (const r of resolved) {
    const units = r.pos.multiplier * r.pos.quantity;
    if (r.source !== 'local' || !r.pos.option || !r.greeks || units === 0) continue;
    const g = r.greeks;
    out.set(r.pos.id, {
      delta: g.delta / units,
      gamma: g.gamma / units,
      theta: g.theta / units,
      vega: g.vega / units,
      iv: r.iv,
      time,
    });
  }
  return out;
}

export class RiskService {
  private latest: RiskFrame | null = null;
  private heavy: { result: HeavyResult; inputs: HeavyInputs; computedAt: number } | null = null;
  private bookInputs: HeavyInputs | null = null;
  private heavyRequest: HeavyRequest | null = null;
  private heavyBusy = false;
  private restTimer: TimerHandle | null = null;
  private readonly regime: RegimeTracker;
  private readonly startOfDay: StartOfDayTracker;
  private readonly throttle: Throttle;
  private readonly heavyThrottle: Throttle;
  private sweep: TimerHandle | null = null;
  private readonly off: Array<() => void> = [];
  private stopped = false;
  private fault: string | null = null;
  private readonly pricer: BudgetedPricer;
  private local = new Map<string, ValidGreeks>();
  private lastEvaluation: {
    time: number;
    book: RiskBook;
    config: CheckConfig;
    regime: RegimeState | null;
    resolved: readonly ResolvedPosition[];
    frame: RiskFrame;
    /** The cache's position list it was built from (a new list means a fill or a change). */
    positions: unknown;
  } | null = null;
  private lastStartOfDay: StartOfDay = { nlv: null, basis: 'start of day not yet observed' };

  constructor(private readonly d: RiskServiceDeps) {
    this.pricer = new BudgetedPricer(d.pricer);
    this.startOfDay = new StartOfDayTracker(d.startOfDay);
    this.regime = new RegimeTracker({ regimes: d.matrix.regimes, scalers: d.matrix.scalers });
    this.throttle = new Throttle(d.clock, RISK_INTERVAL_MS, () => this.recompute());
    this.heavyThrottle = new Throttle(d.clock, HEAVY_INTERVAL_MS, () => this.runHeavy());
    d.hub.provideInitial('risk.frame', () => this.latest ?? this.computeOrFail());
  }

  start(): void {
    const schedule = () => this.throttle.schedule();
    for (const event of ['quote', 'greeks', 'positions', 'account', 'connection'] as const) {
      this.off.push(this.d.cache.changes.on(event, schedule));
    }
    this.off.push(this.d.betas.onChange(schedule));
    this.sweep = this.d.clock.setInterval(schedule, SWEEP_MS);
    this.sweep.unref?.();
    schedule();
  }

  stop(): void {
    this.stopped = true;
    this.throttle.cancel();
    this.heavyThrottle.cancel();
    for (const off of this.off.splice(0)) off();
    if (this.sweep) this.d.clock.clearInterval(this.sweep);
    this.sweep = null;
    if (this.restTimer) this.d.clock.clearTimeout(this.restTimer);
    this.restTimer = null;
  }

  current(): RiskFrame | null {
    return this.latest;
  }

  /** Local-model Greeks per share (broker units) of the last frame, for the positions table. */
  localGreeks(positionId: string): ValidGreeks | undefined {
    return this.local.get(positionId);
  }

  /** The live book's inputs at this instant, as the recompute and the order gate see them. */
  private liveInputs(now: number, startOfDay: StartOfDay): LiveBookInputs {
    const { cache, matrix, staleAfter, assumptions } = this.d;
    return {
      cache,
      now,
      staleAfter,
      benchmark: matrix.benchmark,
      rate: assumptions.rate,
      dividendYield: (s) => assumptions.dividendYield(s),
      beta: (s) => this.d.betas.resolve(s),
      startOfDay,
    };
  }

  private configFor(state: RegimeState | null, nlv: number | null, vix: number | null) {
    const { matrix } = this.d;
    return checkConfig(matrix, state?.name ?? 'neutral', nlv, vix, state?.termRatio ?? null);
  }

  /**
   * A fresh book and the checks of the current regime for a pre-trade projection, plus how to
   * turn an order's instruments into book lines. Reads only: the regime's hysteresis and the
   * start-of-day record move with the recompute, not with a review.
   */
  projectionInputs(): ProjectionInputs {
    const now = this.d.clock.now();
    const inputs = this.liveInputs(now, this.lastStartOfDay);
    const last = this.lastEvaluation;
    // Reused only while no position changed since: a fill must be in the book a review uses.
    const fresh =
      last !== null &&
      now - last.time <= EVALUATION_REUSE_MS &&
      !this.latest?.failure &&
      last.positions === this.d.cache.positions();
    const book = fresh ? last.book : bookFromCache(inputs);
    const regime = fresh ? last.regime : this.regime.current();
    return {
      book,
      config: fresh
        ? last.config
        : this.configFor(regime, book.account.netLiquidation, book.market.vix),
      regime,
      pricer: this.d.pricer,
      evaluated: fresh ? { resolved: last.resolved, frame: last.frame } : null,
      line: (inst, quantity, id) => {
        const l = riskLine(inputs, inst, quantity, id);
        return { line: l, underlying: underlyingFor(inputs, l) };
      },
    };
  }

  private compute(): RiskFrame {
    if (this.fault !== null) throw new Error(this.fault);
    const { cache, clock, matrix } = this.d;
    const now = clock.now();
    const account = cache.account();
    const startOfDay = this.startOfDay.observe(
      now,
      account?.netLiquidation ?? null,
      account?.dailyPnl ?? null,
    );
    this.lastStartOfDay = startOfDay;
    const positionsSeen = cache.positions();
    const book = bookFromCache(this.liveInputs(now, startOfDay));
    const vixTime = cache.quote(VIX_KEY)?.time ?? now;
    const { state, change } = this.regime.update({ ...book.market, time: vixTime });
    if (change) {
      this.d.log.info('regime changed', { from: change.from, to: change.to });
      this.d.hub.publish('risk.regimeChanged', {
        ...change,
        vix: state?.vix ?? null,
        termRatio: state?.termRatio ?? null,
      });
    }
    const config = this.configFor(state, book.account.netLiquidation, book.market.vix);
    this.pricer.beginFrame();
    const { frame, resolved } = evaluateBook(book, config, state, this.pricer, {
      positions: false,
      seed: matrix.var.seed,
    });
    this.local = localPerShare(resolved, now);
    this.lastEvaluation = {
      time: now,
      book,
      config,
      regime: state,
      resolved,
      frame,
      positions: positionsSeen,
    };
    const { items } = revaluables(resolved);
    this.bookInputs = {
      time: now,
      benchmark: frame.benchmark.price,
      positions: resolved.map((r) => `${r.pos.id}=${r.pos.quantity}`).join(','),
    };
    this.heavyRequest = {
      items,
      scenarios: scenarioSpec(matrix),
      sigmaDaily: frame.var?.sigmaDaily ?? null,
      paths: matrix.var.paths,
      seed: matrix.var.seed,
    };
    if (!this.stopped) this.heavyThrottle.schedule();
    return this.withLatestHeavy(frame);
  }

  private withLatestHeavy(frame: RiskFrame): RiskFrame {
    const h = this.heavy;
    if (!h) return frame;
    const stale = this.bookInputs === null || movedSince(h.inputs, this.bookInputs);
    const stamp = { inputTime: h.inputs.time, computedAt: h.computedAt, stale };
    return withHeavy(frame, h.result, this.d.matrix.var.seed, stamp);
  }

  /**
   * Marks the book's risk unknown at once (an engine exception, or an unexpected error anywhere
   * in the process): every light grey with the reason until the next good frame.
   */
  fail(reason: string): void {
    if (this.stopped) return;
    this.latest = failedFrame(this.latest, reason, this.d.clock.now());
    this.d.hub.publish('risk.frame', this.latest);
  }

  /** Simulator demo/test control: every recompute throws with this reason until cleared. */
  injectFault(reason: string | null): void {
    this.fault = reason;
    if (!this.stopped) this.throttle.schedule();
  }

  private computeOrFail(): RiskFrame {
    try {
      return this.compute();
    } catch (e) {
      // An injected fault is the trader's own doing: a warning, not an error.
      const level = this.fault !== null ? 'warn' : 'error';
      this.d.log[level]('risk frame failed', { error: errorMessage(e) });
      this.latest = failedFrame(this.latest, errorMessage(e), this.d.clock.now());
      return this.latest;
    }
  }

  private recompute(): void {
    if (this.stopped) return;
    this.latest = this.computeOrFail();
    this.d.hub.publish('risk.frame', this.latest);
  }

  private runHeavy(): void {
    if (this.stopped || this.heavyBusy || !this.heavyRequest) return;
    const request = this.heavyRequest;
    const inputs = this.bookInputs;
    this.heavyRequest = null;
    this.heavyBusy = true;
    this.d.runner
      .run(request)
      .then((result) => {
        if (this.stopped) return;
        if (!inputs) return;
        this.heavy = { result, inputs, computedAt: this.d.clock.now() };
        if (this.latest && this.latest.failure === null) {
          this.latest = this.withLatestHeavy(this.latest);
          this.d.hub.publish('risk.frame', this.latest);
        }
      })
      .catch((e: unknown) => {
        if (!this.stopped) this.d.log.warn('risk worker failed', { error: errorMessage(e) });
      })
      .finally(() => {
        if (this.stopped) return;
        // Rest as long as the run took before the next one: the worker never takes more than
        // half a core, however heavy the book.
        const rest = this.heavy?.result.computeMs ?? 0;
        this.restTimer = this.d.clock.setTimeout(() => {
          this.restTimer = null;
          this.heavyBusy = false;
          if (this.heavyRequest && !this.stopped) this.heavyThrottle.schedule();
        }, rest);
        this.restTimer.unref?.();
      });
  }
}
