/**
 * Betas for the live book: the risk matrix's user table first, the S&P 500 family at 1.0, then
 * betas computed from one year of daily bars against the benchmark (fetched once per symbol in
 * the background), else 1.0 flagged "beta unavailable" until the bars arrive — or for good.
 */
import type { Benchmark, BetaSource } from '@shared/domain/risk';
import { Emitter } from '@shared/util/emitter';
import type { DailyBar } from '@shared/domain/market';
import { betaFromBars, resolveBeta } from '../betas';
import type { Logger } from '../../util/logger';
import { errorMessage } from '../../util/logger';

const HISTORY_DAYS = 380;

export interface BarsSource {
  historicalDaily(symbol: string, days: number): Promise<DailyBar[]>;
}

export class BetaTable {
  private readonly computed = new Map<string, number>();
  private readonly requested = new Set<string>();
  private benchmarkBars: Promise<DailyBar[]> | null = null;
  private readonly changes = new Emitter<{ change: string }>();

  constructor(
    private readonly benchmark: Benchmark,
    private readonly user: Record<string, number>,
    private readonly bars: BarsSource | null,
    private readonly log: Logger,
  ) {}

  onChange(fn: () => void): () => void {
    return this.changes.on('change', fn);
  }

  resolve(symbol: string): { beta: number; source: BetaSource } {
    const r = resolveBeta(symbol, this.benchmark, { user: this.user, computed: this.computed });
    if (r.source === 'unavailable') this.request(symbol);
    return r;
  }

  private request(symbol: string): void {
    if (!this.bars || this.requested.has(symbol)) return;
    this.requested.add(symbol);
    const source = this.bars;
    this.benchmarkBars ??= source.historicalDaily(this.benchmark, HISTORY_DAYS);
    Promise.all([source.historicalDaily(symbol, HISTORY_DAYS), this.benchmarkBars])
      .then(([own, bench]) => {
        const fit = betaFromBars(own, bench);
        if (!fit) {
          this.log.warn('beta unavailable: not enough history', { symbol });
          return;
        }
        this.computed.set(symbol, fit.beta);
        this.changes.emit('change', symbol);
      })
      .catch((e: unknown) => {
        this.log.warn('beta unavailable: history request failed', {
          symbol,
          error: errorMessage(e),
        });
      });
  }
}
