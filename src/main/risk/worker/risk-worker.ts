/**
 * The risk worker thread: runs the scenario grid and Monte Carlo VaR (engine/heavy.ts) off the
 * main thread. One request at a time; every answer carries the id of its request.
 */
import { parentPort } from 'node:worker_threads';
import { computeHeavy } from '../engine/heavy';
import type { WorkerReply, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('risk-worker must run in a worker thread');

port.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: msg.id, ok: true, result: computeHeavy(msg.request) };
  } catch (e) {
    reply = { id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
