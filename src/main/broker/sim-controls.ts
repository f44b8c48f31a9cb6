/** What the `sim.control` command and `sim.status` stream need from the simulator. */
import type { ShockMove, SimStatus } from '@shared/domain/sim';

export interface SimControls {
  pause(): void;
  resume(): void;
  setSpeed(speed: number): void;
  /** Throws ShockRejected for moves it cannot apply (unknown symbol, impossible move). */
  shock(moves: readonly ShockMove[]): void;
  status(): SimStatus;
  /** Called with the status on every change and about once a second; returns unsubscribe. */
  onStatus(listener: (status: SimStatus) => void): () => void;
}

/** A shock the simulator cannot apply; the command turns it into INVALID_SHOCK. */
export class ShockRejected extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid shock: ${problems.join('; ')}`);
    this.name = 'ShockRejected';
    this.problems = problems;
  }
}
