/**
 * Order review latency for a 4-leg SPX iron condor: one full orders.preview through the real
 * core (contract dispatch, order service, gate). On the simulator's 2000-position book the
 * legs' quotes are already fresh and the clock stands still while timing. The preview always
 * asks the broker for a what-if; the simulator answers it in-process (no round-trip), so the
 * review is also timed without it (local checks only) and the gate's checks alone. Over the
 * IBKR adapter to the fake TWS (real TCP) the what-if is a real round-trip on the socket.
 * Targets: p99 <= 10 ms local, p99 <= 300 ms with the broker's what-if.
 */
import type { Review } from '@shared/domain/order-ticket';
import type { TestContext } from 'vitest';
import { test } from 'vitest';
import type { Core } from '../src/main/core';
import { runGate } from '../src/main/orders/gate/pipeline';
import type { WhatIfOutcome } from '../src/main/orders/gate/types';
import {
  freshQuotes,
  gateContext,
  orderRequest,
  projectOrder,
  runWhatIf,
  type GateInputDeps,
} from '../src/main/orders/gate-inputs';
import { systemClock } from '../src/main/util/clock';
import { FakeClock } from '../test/fakes/fake-clock';
import { sourceRiskWorker } from '../test/fakes/source-risk-worker';
import { record } from './metric';
import {
  START,
  condorTicket,
  latency,
  newCore,
  spxCondor,
  timeAsync,
  timeSync,
  twsRig,
  type Condor,
  type Latency,
} from './order-review-fixture';

const N = 2000;
/** Gap between timed reviews over TWS: more than the IB client's 100 ms pacing window. */
const PACE_MS = 200;

async function preview(core: Core, ticket: unknown): Promise<Review> {
  const r = await core.api.commands.dispatch('orders.preview', ticket);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Review;
}

/** The order service's own gate inputs (private): the object its preview builds contexts from. */
function serviceInputs(core: Core): GateInputDeps {
  return (core as unknown as { orders: { inputs: GateInputDeps } }).orders.inputs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Timings of `runs` calls, each after a `gapMs` pause (a trader's click, not a burst). */
async function paced(fn: () => Promise<unknown>, runs: number, gapMs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(gapMs);
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

type Extra = Record<string, string | number | boolean>;

function reviewDetail(review: Review, condor: Condor, positions: number): Extra {
  return {
    positions,
    legs: condor.keys.join(' '),
    decision: review.decision,
    denials: review.denials.map((d) => d.code).join(',') || 'none',
    whatIf: review.whatIfSource ?? 'not run',
  };
}

/** One latency metric: value is the p99, with p50 and max; target and met when it has one. */
function recordLatency(
  ctx: TestContext,
  metric: string,
  l: Latency,
  target: number | null,
  extra: Extra,
): void {
  record(ctx, {
    metric,
    value: l.p99,
    unit: 'ms',
    ...(target !== null ? { target: `<= ${target}`, met: l.p99 <= target } : {}),
    stat: 'p99',
    p50: l.p50,
    p99: l.p99,
    max: l.max,
    runs: l.runs,
    ...extra,
  });
}

test('review latency, iron condor on the 2000-position simulator book', async (ctx) => {
  const clock = new FakeClock(START);
  const core = newCore(clock, N);
  await core.start();
  clock.advance(2_000); // quotes, account values and a first risk frame
  const condor = await spxCondor(core.broker, core.broker.lastQuote('IND:SPX')!.mark!, START);
  // The first review looks the legs up and holds them on market data; the market steps until
  // their quotes arrive. The timed ones are priced at the combo mid.
  const first = preview(core, condorTicket(condor, 0));
  for (let i = 0; i < 8; i++) {
    clock.advance(250);
    await new Promise((r) => setImmediate(r));
  }
  const ticket = condorTicket(condor, (await first).prices.mid!);
  // From here the clock stands still: every leg's quote stays fresh (under 10 s old, so the
  // review never waits for one) and no market step or risk frame runs during the timing.
  const review = await preview(core, ticket);
  const full = latency(await timeAsync(() => preview(core, ticket), 400, 100));

  // The steps of OrderService.preview on the service's own inputs, less the broker what-if.
  const inputs = serviceInputs(core);
  const instruments = review.order.legs.map((l) => l.instrument);
  const order = orderRequest(ticket, instruments, review.order.account, 'bench');
  const notRun: WhatIfOutcome = { kind: 'not-run' };
  const parts = (quotes: Awaited<ReturnType<typeof freshQuotes>>) => ({
    ticket,
    order,
    quotes,
    projection: null,
    whatIf: notRun,
  });
  const local = async () => {
    const quotes = await freshQuotes(inputs, order, 1_500);
    const projectionInputs = inputs.projection();
    const ctx0 = gateContext(inputs, { ...parts(quotes), inputs: projectionInputs });
    const changes = ctx0.legs.map((l) => l.change);
    const projection = projectOrder(projectionInputs, order, changes);
    runGate(ctx0, 'fast');
    const { projection: p, error } = projection;
    return runGate({ ...ctx0, projection: p, projectionError: error }, 'all');
  };
  const localChecks = latency(await timeAsync(local, 400, 100));

  // The pieces, each alone.
  const quotes = await freshQuotes(inputs, order, 1_500);
  const projectionInputs = inputs.projection();
  const ctx0 = gateContext(inputs, { ...parts(quotes), inputs: projectionInputs });
  const changes = ctx0.legs.map((l) => l.change);
  const projection = projectOrder(projectionInputs, order, changes);
  const whatIf = await runWhatIf((o) => core.broker.whatIf(o), order, true);
  const gateCtx = {
    ...ctx0,
    projection: projection.projection,
    projectionError: projection.error,
    whatIf,
  };
  const pieces: Array<[string, Latency, string]> = [
    [
      'sim_whatif',
      latency(await timeAsync(() => core.broker.whatIf(order), 200, 50)),
      'the simulator what-if alone (in-process, the whole book valued before and after)',
    ],
    [
      'projection_inputs',
      latency(timeSync(() => inputs.projection(), 200, 50)),
      'RiskService.projectionInputs (the book from the cache), once per review',
    ],
    [
      'gate_context',
      latency(
        timeSync(
          () => gateContext(inputs, { ...parts(quotes), inputs: projectionInputs }),
          200,
          50,
        ),
      ),
      'gateContext on the inputs the review already built',
    ],
    [
      'project_trade',
      latency(timeSync(() => projectOrder(projectionInputs, order, changes), 200, 50)),
      'projectOrder: the current and the projected frame (only the touched lines priced again)',
    ],
  ];
  const gateOnly = latency(timeSync(() => runGate(gateCtx, 'all'), 2_000, 200));
  await core.stop();

  const detail = reviewDetail(review, condor, core.broker.positions().length);
  recordLatency(ctx, 'orders.review.condor_2000_sim.preview', full, 10, {
    ...detail,
    note: "full orders.preview; the simulator's what-if is answered in-process, no round-trip",
  });
  recordLatency(ctx, 'orders.review.condor_2000_sim.local_checks', localChecks, 10, {
    ...detail,
    note: 'the preview steps without the what-if: quotes, projection, context, fast + all gate',
  });
  recordLatency(ctx, 'orders.review.condor_2000_sim.gate_only', gateOnly, 10, {
    ...detail,
    note: 'runGate(all) alone over a context built as the service builds it',
  });
  for (const [name, l, note] of pieces) {
    recordLatency(ctx, `orders.review.condor_2000_sim.${name}`, l, null, { note });
  }
});

test("review latency with the broker's what-if over the fake TWS", async (ctx) => {
  // The integration tests' set-up: the demo book behind the fake TWS, IBKR's 100 lines.
  const rig = await twsRig('demo', 100, systemClock);
  const stopStream = rig.stream(250);
  const runner = sourceRiskWorker();
  const core = newCore(systemClock, null, rig.broker, runner);
  try {
    await core.start();
    await sleep(1_000); // quotes and a first risk frame
    const condor = await spxCondor(rig.broker, rig.sim.snapshot().prices.SPX!, START);
    const probe = await preview(core, condorTicket(condor, 0)); // looks up and holds the legs
    const ticket = condorTicket(condor, probe.prices.mid!);
    for (let i = 0; i < 5; i++) await preview(core, ticket);
    const review = await preview(core, ticket);
    const full = latency(await paced(() => preview(core, ticket), 50, PACE_MS));
    const roundTrip = latency(await paced(() => rig.broker.whatIf(review.order), 30, PACE_MS));
    const burst = latency(await timeAsync(() => preview(core, ticket), 50, 0));
    const detail = reviewDetail(review, condor, core.broker.positions().length);
    recordLatency(ctx, 'orders.review.condor_tws.preview', full, 300, {
      ...detail,
      gapMs: PACE_MS,
      note: 'full orders.preview incl. the what-if on the socket; quotes stream every 250 ms',
    });
    recordLatency(ctx, 'orders.review.condor_tws.whatif_round_trip', roundTrip, null, {
      gapMs: PACE_MS,
      note: 'IbkrBroker.whatIf alone: placeOrder(whatIf) out, openOrder with the margin back',
    });
    recordLatency(ctx, 'orders.review.condor_tws.back_to_back', burst, null, {
      ...detail,
      note: 'reviews with no pause: the IB client paces requests (40/s, 4 per 100 ms)',
    });
  } finally {
    stopStream();
    await core.stop();
    await runner.close();
    await rig.close();
  }
});

test('review latency over the fake TWS, 2000 positions on the default 100 lines', async (ctx) => {
  const rig = await twsRig({ large: N }, 100, systemClock);
  const stopStream = rig.stream(250);
  const runner = sourceRiskWorker();
  const core = newCore(systemClock, null, rig.broker, runner);
  try {
    await core.start();
    await sleep(1_000);
    const condor = await spxCondor(rig.broker, rig.sim.snapshot().prices.SPX!, START);
    const ticket = condorTicket(condor, -1);
    const review = await preview(core, ticket);
    const full = latency(await paced(() => preview(core, ticket), 5, PACE_MS));
    recordLatency(ctx, 'orders.review.condor_2000_tws_100_lines.preview', full, 300, {
      ...reviewDetail(review, condor, core.broker.positions().length),
      gapMs: PACE_MS,
      note: "the book's lines fill the budget, so the new legs get no line: each review waits the 1.5 s quote wait and is denied without a what-if",
    });
  } finally {
    stopStream();
    await core.stop();
    await runner.close();
    await rig.close();
  }
});
