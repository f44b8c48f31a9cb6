/**
 * The composition root without Electron: broker, market cache, publishers and the contract's
 * handlers. The Electron shell (index.ts) and headless mode (headless.ts) both run this.
 */
import { version } from '../../package.json';
import type { BrokerPort } from './broker/port';
import { createBroker } from './broker/factory';
import { readOnlyBroker } from './broker/read-only';
import { join } from 'node:path';
import { registerMarketCommands } from './api/market-handlers';
import { registerOrderCommands } from './api/order-handlers';
import { registerSettingsCommands } from './api/settings-handlers';
import { ChainService } from './market/chain-service';
import type { DecisionLog } from './orders/decision-log';
import { OrderService } from './orders/order-service';
import { jsonFileStore } from './settings/json-file-store';
import { memoryStore } from './settings/key-value-store';
import { SettingsService } from './settings/settings-service';
import type { SimControls } from './broker/sim-controls';
import type { CoreConfig } from './config';
import { CommandRegistry } from './api/command-registry';
import { registerCoreCommands, registerSimCommands } from './api/handlers';
import type { Api } from './api/session';
import { StreamHub } from './api/stream-hub';
import { MarketCache } from './market/market-cache';
import { PositionsPublisher } from './market/positions-publisher';
import { publishCacheStreams } from './market/stream-publishers';
import { MarketDataSubscriptions } from './market/subscriptions';
import { modelPricer } from './risk/engine/model-pricer';
import { BetaTable } from './risk/live/beta-table';
import { RiskService } from './risk/live/risk-service';
import { fileStartOfDayStore, memoryStartOfDayStore } from './risk/live/start-of-day-store';
import { DEFAULT_MATRIX_PATH, formatMatrixErrors, loadRiskMatrix } from './risk/matrix/load';
import type { RiskMatrix } from './risk/matrix/schema';
import { InlineHeavyRunner, type HeavyRunner } from './risk/worker/heavy-runner';
import type { Clock } from './util/clock';
import { errorMessage, type Logger } from './util/logger';

export interface CoreDeps {
  clock: Clock;
  log: Logger;
  /** Tests inject a broker; otherwise one is built from the config. */
  broker?: { port: BrokerPort; sim: SimControls | null };
  /**
   * Where scenario grids and Monte Carlo run. The app and headless mode pass the worker thread;
   * without one they run inline (tests).
   */
  riskRunner?: HeavyRunner;
}

/** The risk matrix from the config (or the default file); throws listing every problem. */
export function loadMatrixOrThrow(path: string | null): RiskMatrix {
  const file = path ?? DEFAULT_MATRIX_PATH;
  const result = loadRiskMatrix(file);
  if (!result.ok)
    throw new Error(`risk matrix ${file} is invalid:\n${formatMatrixErrors(result.errors)}`);
  return result.matrix;
}

export class Core {
  readonly api: Api;
  readonly broker: BrokerPort;
  readonly sim: SimControls | null;
  private readonly cache: MarketCache;
  private readonly positions: PositionsPublisher;
  private readonly subscriptions: MarketDataSubscriptions;
  private readonly risk: RiskService;
  private readonly settings: SettingsService;
  private readonly orders: OrderService;
  /** Every gate decision of the session: what the journal records. */
  readonly decisions: DecisionLog;
  private readonly riskRunner: HeavyRunner;
  private readonly teardown: Array<() => void> = [];
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private stopping: Promise<void> | null = null;

  constructor(
    readonly config: CoreConfig,
    private readonly deps: CoreDeps,
  ) {
    const { clock, log } = deps;
    const built = deps.broker ?? createBroker(config.broker, clock, log);
    this.broker = built.port;
    this.sim = built.sim;
    const commands = new CommandRegistry(log, config.validateContract);
    const streams = new StreamHub(log, config.validateContract);
    this.api = { commands, streams };
    this.cache = new MarketCache(readOnlyBroker(this.broker));
    this.positions = new PositionsPublisher(this.cache, streams, clock, config.staleAfter);
    this.subscriptions = new MarketDataSubscriptions(readOnlyBroker(this.broker), log, { clock });
    const matrix = loadMatrixOrThrow(config.riskMatrix);
    const pricer = modelPricer();
    this.riskRunner = deps.riskRunner ?? new InlineHeavyRunner();
    this.risk = new RiskService({
      cache: this.cache,
      hub: streams,
      clock,
      log,
      matrix,
      staleAfter: config.staleAfter,
      pricer,
      runner: this.riskRunner,
      betas: new BetaTable(matrix.benchmark, matrix.betas, readOnlyBroker(this.broker), log),
      assumptions: {
        rate: matrix.pricing.rate,
        dividendYield: (s) => matrix.pricing.dividendYields[s] ?? 0,
      },
      startOfDay: config.dataDir
        ? fileStartOfDayStore(config.dataDir, log)
        : memoryStartOfDayStore(),
    });
    this.positions.localGreeks = (id) => this.risk.localGreeks(id);
    registerCoreCommands(
      commands,
      {
        version,
        runtime: config.runtime,
        broker: this.broker.kind,
        startedAt: clock.now(),
        staleAfter: config.staleAfter,
      },
      this.cache,
      this.positions,
    );
    registerSimCommands(commands, this.sim, {
      setEngineFault: (on) =>
        this.risk.injectFault(on ? 'fault injected from the simulator controls' : null),
    });
    this.settings = new SettingsService(
      config.dataDir ? jsonFileStore(join(config.dataDir, 'settings.json')) : memoryStore(),
      log,
    );
    registerSettingsCommands(commands, this.settings);
    const chains = new ChainService({
      broker: readOnlyBroker(this.broker),
      cache: this.cache,
      holds: this.subscriptions,
      clock,
      log,
    });
    registerMarketCommands(commands, chains);
    this.orders = new OrderService({
      broker: this.broker,
      cache: this.cache,
      holds: this.subscriptions,
      projection: () => this.risk.projectionInputs(),
      settings: () => this.settings.current(),
      now: () => clock.now(),
      quoteMaxAgeMs: config.staleAfter.quoteMs,
      quoteWaitMs: 1_500,
      holdMs: 60_000,
      clock,
      log,
      publish: (e) => streams.publish('orders.events', e),
    });
    this.decisions = this.orders.decisions;
    registerOrderCommands(commands, this.orders);
    streams.provideInitial('trading.state', () => this.orders.trading.current());
    const missing = commands.unregistered();
    if (missing.length > 0)
      throw new Error(`contract commands without a handler: ${missing.join(', ')}`);
  }

  /** Connects the broker and starts publishing; resolves when the book is loaded. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`core cannot start from state ${this.state}`);
    this.state = 'running';
    const { clock, log } = this.deps;
    this.teardown.push(publishCacheStreams(this.cache, this.api.streams, clock));
    if (this.sim) {
      const sim = this.sim;
      this.api.streams.provideInitial('sim.status', () => sim.status());
      this.teardown.push(sim.onStatus((s) => this.api.streams.publish('sim.status', s)));
    }
    this.teardown.push(
      this.cache.changes.on('positions', (p) => {
        this.subscriptions.sync(p).catch((e: unknown) => {
          log.error('market data subscription failed', { error: errorMessage(e) });
        });
      }),
    );
    this.teardown.push(
      this.orders.trading.changes.on('state', (t) => this.api.streams.publish('trading.state', t)),
      this.api.streams.subscribe('risk.frame', (f) => this.orders.observeFrame(f)),
      () => this.orders.stop(),
    );
    this.positions.start();
    this.risk.start();
    await this.broker.start();
    await this.subscriptions.sync(this.broker.positions());
    log.info('core started', {
      broker: this.broker.kind,
      positions: this.broker.positions().length,
    });
  }

  /**
   * An error nobody caught (the process guards call this, and log it with its stack): the risk
   * frame is marked failed at once so no light stays green on a core in an unknown state.
   */
  reportUnexpectedError(error: unknown, origin: string): void {
    this.risk.fail(`unexpected error (${origin}): ${errorMessage(error)}`);
  }

  /** Stops everything in reverse order and drains pending publications. Idempotent. */
  stop(): Promise<void> {
    if (this.state === 'new') this.state = 'stopped';
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    this.state = 'stopping';
    this.positions.stop();
    this.risk.stop();
    await this.riskRunner.close();
    for (const off of this.teardown.splice(0).reverse()) off();
    await this.subscriptions.stop();
    await this.broker.stop();
    this.state = 'stopped';
    this.deps.log.info('core stopped');
  }
}
