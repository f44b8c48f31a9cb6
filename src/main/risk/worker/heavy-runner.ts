/**
 * Runs heavy risk work (scenario grid, Monte Carlo) — in a worker thread in the app, inline in
 * the CLI and unit tests. The worker is restarted if it dies; a request in flight then fails.
 */
import { Worker } from 'node:worker_threads';
import { computeHeavy, type HeavyRequest, type HeavyResult } from '../engine/heavy';
import type { WorkerReply, WorkerRequest } from './protocol';

export interface HeavyRunner {
  run(request: HeavyRequest): Promise<HeavyResult>;
  close(): Promise<void>;
}

/** Same thread: for the CLI and tests, where blocking is fine. */
export class InlineHeavyRunner implements HeavyRunner {
  run(request: HeavyRequest): Promise<HeavyResult> {
    return Promise.resolve(computeHeavy(request));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export interface WorkerSpec {
  /** The worker script: out/main/risk-worker.js when built, the .ts source under tsx. */
  url: URL;
  execArgv?: string[];
}

export class WorkerHeavyRunner implements HeavyRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: HeavyResult) => void; reject: (e: Error) => void }
  >();
  private closed = false;

  constructor(private readonly spec: WorkerSpec) {}

  run(request: HeavyRequest): Promise<HeavyResult> {
    if (this.closed) return Promise.reject(new Error('risk worker closed'));
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const msg: WorkerRequest = { id, request };
      worker.postMessage(msg);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('risk worker closed'));
    if (w) await w.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.spec.url, { execArgv: this.spec.execArgv ?? [] });
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
    });
    const died = (why: string) => {
      if (this.worker === w) this.worker = null;
      this.failAll(new Error(`risk worker stopped: ${why}`));
    };
    w.on('error', (e: Error) => died(e.message));
    w.on('exit', (code) => died(`exit code ${code}`));
    this.worker = w;
    return w;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/**
 * The built worker beside the built entry (out/main/risk-worker.js). The entry passes its own
 * import.meta.url: this module is bundled into a chunk in another folder.
 */
export function builtWorker(entryUrl: string): WorkerHeavyRunner {
  return new WorkerHeavyRunner({ url: new URL('./risk-worker.js', entryUrl) });
}
