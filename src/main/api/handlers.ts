/** Handlers for the foundation's commands. Each domain registers its own; none is left out. */
import { commandNames, streamNames } from '@shared/api/contract';
import { ApiFailure } from '@shared/api/errors';
import { formatShock, parseShockSpec, type ShockMove } from '@shared/domain/sim';
import type { BrokerKind } from '@shared/domain/account';
import type { MarketCache } from '../market/market-cache';
import type { PositionsPublisher } from '../market/positions-publisher';
import type { StaleAfter } from '../market/positions-view';
import { ShockRejected, type SimControls } from '../broker/sim-controls';
import type { CommandRegistry } from './command-registry';

export interface AppFacts {
  version: string;
  runtime: 'electron' | 'headless';
  broker: BrokerKind;
  startedAt: number;
  staleAfter: StaleAfter;
}

export function registerCoreCommands(
  registry: CommandRegistry,
  facts: AppFacts,
  cache: MarketCache,
  positions: PositionsPublisher,
): void {
  registry.register('app.info', () => ({
    name: 'Bulwark' as const,
    version: facts.version,
    runtime: facts.runtime,
    broker: facts.broker,
    startedAt: facts.startedAt,
    staleAfterMs: { quote: facts.staleAfter.quoteMs, greeks: facts.staleAfter.greeksMs },
    commands: [...commandNames],
    streams: [...streamNames],
  }));
  registry.register('positions.snapshot', () => positions.current());
  registry.register('account.snapshot', () => cache.account());
  registry.register('connection.get', () => cache.connection());
}

/** What the simulator's fault control reaches in the core. */
export interface FaultControls {
  setEngineFault(on: boolean): void;
}

export function registerSimCommands(
  registry: CommandRegistry,
  sim: SimControls | null,
  faults: FaultControls,
): void {
  registry.register('sim.control', (input) => {
    if (!sim) {
      throw new ApiFailure(
        'NOT_AVAILABLE',
        'The market simulator is not running (broker is not sim).',
      );
    }
    switch (input.action) {
      case 'pause':
        sim.pause();
        break;
      case 'resume':
        sim.resume();
        break;
      case 'speed':
        sim.setSpeed(input.speed);
        break;
      case 'shock':
        applyShock(sim, input.moves, formatShock(input.moves));
        break;
      case 'shock-spec':
        applyShock(sim, movesFromSpec(input.spec), input.spec);
        break;
      case 'engine-fault':
        faults.setEngineFault(input.on);
    }
    return sim.status();
  });
}

function applyShock(sim: SimControls, moves: ShockMove[], text: string): void {
  try {
    sim.shock(moves);
  } catch (e) {
    if (e instanceof ShockRejected) throw invalidShock(text, e.problems);
    throw e;
  }
}

function invalidShock(text: string, problems: string[]): ApiFailure {
  // The problems are the message: plain sentences the screen can show as they are.
  return new ApiFailure('INVALID_SHOCK', `Cannot apply shock "${text}": ${problems.join('; ')}.`);
}

function movesFromSpec(spec: string): ShockMove[] {
  const parsed = parseShockSpec(spec);
  if (parsed.ok) return parsed.moves;
  throw invalidShock(spec, parsed.problems);
}
