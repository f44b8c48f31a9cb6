/** What a SimBroker is built with and what it reports besides the BrokerPort events. */
import type { Clock } from '../../util/clock';
import type { SimStatus } from '@shared/domain/sim';
import { MAX_SIM_SPEED, MIN_SIM_SPEED } from '@shared/domain/sim';
import type { BookChoice } from './books';
import type { MarketParams } from './market-model';

export interface SimBrokerOptions {
  seed: number;
  clock: Clock;
  /** Sim seconds per wall second (default 1). */
  speed?: number;
  /** Sim market start, epoch ms (default: clock.now()). */
  startTime?: number;
  /** Wall ms between steps (default 250). */
  stepMs?: number;
  book?: BookChoice;
  rate?: number;
  /** Overrides of the market model's parameters (tests). */
  market?: Partial<MarketParams>;
}

export interface SimStatusEvents {
  status: SimStatus;
}

/** A snapshot of the simulated market, for tests and diagnostics. */
export interface MarketSnapshot {
  simTime: number;
  prices: Record<string, number>;
}

export function checkSpeed(speed: number): number {
  if (!(speed >= MIN_SIM_SPEED && speed <= MAX_SIM_SPEED)) {
    throw new RangeError(
      `speed must be between ${MIN_SIM_SPEED} and ${MAX_SIM_SPEED} (got ${speed})`,
    );
  }
  return speed;
}
