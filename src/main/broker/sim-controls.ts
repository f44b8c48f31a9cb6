/** What the `sim.control` command and `sim.status` stream need from the simulator. */
import type { ShockMove, SimStatus } from '@shared/domain/sim';

export interface SimControls {
  pause(): void;
  resume(): void;
  setSpeed(speed: number): void;
  /** Throws an error with `problems` for moves it cannot apply (unknown symbol). */
  shock(moves: readonly ShockMove[]): void;
  status(): SimStatus;
  /** Called with the status on every change and about once a second; returns unsubscribe. */
  onStatus(listener: (status: SimStatus) => void): () => void;
}
