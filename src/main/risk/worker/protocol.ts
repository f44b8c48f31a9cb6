/** Messages between the main thread and the risk worker. */
import type { HeavyRequest, HeavyResult } from '../engine/heavy';

export interface WorkerRequest {
  id: number;
  request: HeavyRequest;
}

export type WorkerReply =
  { id: number; ok: true; result: HeavyResult } | { id: number; ok: false; error: string };
