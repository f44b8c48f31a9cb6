/**
 * The real core over the IBKR adapter and the fake TWS (real TCP, the simulator behind it),
 * and what tests read off the wire: placeOrder (3) and cancelOrder (4) messages.
 */
import type { Review } from '@shared/domain/order-ticket';
import type { CoreConfig } from '../../../src/main/config';
import { Core } from '../../../src/main/core';
import { systemClock } from '../../../src/main/util/clock';
import { silentLogger } from '../../../src/main/util/logger';
import { simCoreConfig } from '../../fakes/core-config';
import { FieldCursor } from '../../fake-tws/fields';
import {
  readCancelOrder,
  readPlaceOrder,
  type CancelOrderMessage,
  type PlaceOrderMessage,
} from '../../fake-tws/order-decode';
import type { FakeTws } from '../../fake-tws/server';
import { adapterOnSim, closeAdapters, spxOptionVia } from './adapter-harness';
import { EXPIRY } from './order-harness';

let core: Core | null = null;

/** For afterEach: stops the core, then the adapter, the fake TWS and the simulator. */
export async function closeCoreOnTws(): Promise<void> {
  await core?.stop();
  core = null;
  await closeAdapters();
}

/** The core on the adapter, and the keys of a condor's legs (0.90 / 0.93 / 1.07 / 1.10 × spot). */
export async function coreOnTws(config: Partial<CoreConfig> = {}) {
  const a = await adapterOnSim();
  const c = new Core(
    { ...simCoreConfig(), ...config },
    { clock: systemClock, log: silentLogger, broker: { port: a.broker, sim: null } },
  );
  core = c;
  await c.start();
  // Quotes flow while the market steps; the gate wants them two-sided and fresh.
  const legs = await Promise.all([
    spxOptionVia(a, EXPIRY, 'P', 0.9),
    spxOptionVia(a, EXPIRY, 'P', 0.93),
    spxOptionVia(a, EXPIRY, 'C', 1.07),
    spxOptionVia(a, EXPIRY, 'C', 1.1),
  ]);
  return { a, core: c, keys: legs.map((l) => l.key) };
}

/** Real orders on the wire since `from`: placeOrder messages that are not what-if checks. */
export function placeOrders(tws: FakeTws, from: number): PlaceOrderMessage[] {
  return tws.received
    .slice(from)
    .filter((f) => f[0] === '3')
    .map((f) => readPlaceOrder(new FieldCursor(f.slice(1), '3'), tws.serverVersion))
    .filter((m) => !m.whatIf);
}

/** cancelOrder messages sent since `from` for an order id. */
export function cancels(tws: FakeTws, from: number, orderId: number): CancelOrderMessage[] {
  return tws.received
    .slice(from)
    .filter((f) => f[0] === '4')
    .map((f) => readCancelOrder(new FieldCursor(f.slice(1), '4'), tws.serverVersion))
    .filter((m) => m.orderId === orderId);
}

/** `steps`: market steps while the review waits for quotes (fewer once the legs are held). */
export async function preview(
  c: Core,
  ticket: unknown,
  step: () => Promise<void>,
  steps = 8,
): Promise<Review> {
  const pending = c.api.commands.dispatch('orders.preview', ticket);
  for (let i = 0; i < steps; i++) await step();
  const r = await pending;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Review;
}
