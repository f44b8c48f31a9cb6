/**
 * 10,000 seeded random and malformed orders.* / trading.* frames over the real loopback WebSocket
 * of headless mode, to the real core on the simulator: every call is answered (a result or a
 * declared, coded error), the server stays up, and only a token from a preview this test made and
 * submitted puts an order on the broker — once, as reviewed. Nothing else reaches the broker.
 */
import { beforeAll, expect, it } from 'vitest';
import { commands, isCommandName } from '@shared/api/contract';
import { ErrorCodeSchema, type ErrorCode } from '@shared/api/errors';
import { ClientMessageSchema, MAX_CLIENT_MESSAGE_BYTES } from '@shared/api/wire';
import type { ServerMessage } from '@shared/api/wire';
import type { OrderRecord, OrderTicket, Review } from '@shared/domain/order-ticket';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/api/headless-server';
import { SimBroker } from '../../src/main/broker/sim';
import { Core } from '../../src/main/core';
import { systemClock, type Clock } from '../../src/main/util/clock';
import { silentLogger } from '../../src/main/util/logger';
import { simCoreConfig } from '../fakes/core-config';
import { RecordingBroker } from './support/recording-broker';
import { openSocket, type TestSocket } from './support/ws-client';

const SEED = 0x5eed;
const START = Date.parse('2026-11-20T11:00:00-05:00');
const TOTAL = 10_000;
const BATCH = 250;

/** mulberry32: one seed, one sequence. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;
type Frame = { text: string } | { bytes: Buffer };

/** A string replaced by its bare text in the frame, for what JSON.stringify cannot write. */
const rawText = (s: string) => `@@raw@@${s}`;
const toFrame = (v: unknown) => JSON.stringify(v).replace(/"@@raw@@([^"]*)"/g, '$1');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHARS = '{}[]":,\\ abcxyz019.-+eE\u0000\n\t\u00e9\u20ac\ud83d\ude00\ud800';
const randomString = (r: Rng, n: number, from = CHARS) =>
  Array.from({ length: n }, () => from[r.int(from.length)]).join('');
const deep = (depth: number) =>
  Array.from({ length: depth }).reduce<unknown>((v, _, i) => (i % 2 ? [v] : { a: v }), 1);
const POLLUTE = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}';
const EXTRA_KEYS = ['extra', 'constructor', 'toString', 'orderRef', 'account', 'orderId', 'id'];
// prettier-ignore
const FUZZ_NAMES = ['orders.preview', 'orders.submit', 'orders.cancel', 'orders.modify',
  'orders.list', 'trading.set', 'trading.state'];
// prettier-ignore
const ODD_NAMES = ['orders.place', 'orders.Preview', 'orders.', 'orders', 'trading.halt',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', ' orders.submit', 'orders.submit\u0000',
  '', 'ORDERS.PREVIEW', 'x'.repeat(101), 'orders.preview.submit'];
// prettier-ignore
const ODD_TEXT = ['', ' ', 'null', '[]', '{}', '42', 'NaN', 'undefined', '{"type":"call","id":1,}',
  "{'type':'call'}", '{"type":"call","id":1e999}', '{"type":"call","id":1,"name":"orders.list"'];
const STATES = ['active', 'active', 'active', 'reduce-only', 'halted'];
/** A token's fate, in batches from now: once (30 %), twice at once, again later, late, dropped. */
// prettier-ignore
const FATES = [[0], [0], [0], [0], [0], [0], [0, 0], [0, 0], [0, 0], [0, 3], [0, 3], [0, 3],
  [8], [8], [], [], [], [], [], []];

/** Wrong-typed, huge, negative, NaN-like, deeply nested values. */
function weird(r: Rng): unknown {
  // prettier-ignore
  return r.pick<() => unknown>([
    () => null, () => true, () => '', () => 'x'.repeat(r.int(3000)), () => -1, () => 0,
    () => -0.0001, () => 1e308, () => -1e308, () => 2 ** 53 + 2, () => 0.5, () => 'NaN',
    () => 'Infinity', () => rawText('NaN'), () => rawText('1e999'), () => rawText('-1e999'),
    () => rawText('-0'), () => [], () => ({}), () => deep(r.int(3000)), () => [1, 'a', null],
    () => rawText(POLLUTE), () => '\u0000\uffff', () => '\ud83d\ude00'.repeat(50),
    () => '2026-02-30', () => 'BUY', () => 'OPT:SPY:2026-12-18:P:0', () => 'STK:SPY',
    () => r.next() * 1e6 - 5e5, () => String(r.int(1e6)), () => randomString(r, r.int(40)),
  ])();
}

/** One to three random changes somewhere inside a valid input. */
function mutate(r: Rng, v: unknown, depth = 0): unknown {
  if ((depth > 0 && r.chance(0.25)) || v === null || typeof v !== 'object') return weird(r);
  if (Array.isArray(v)) {
    const out = (v as unknown[]).map((x) => (r.chance(0.5) ? mutate(r, x, depth + 1) : x));
    if (r.chance(0.2)) out.push(r.chance(0.5) ? weird(r) : out[0]);
    return r.chance(0.1) ? Array.from({ length: r.int(60) }, () => out[0]) : out;
  }
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (let n = 1 + r.int(3); n > 0; n--) {
    const k = r.pick([...Object.keys(out), 'x']);
    const how = r.int(4);
    if (how === 0) delete out[k];
    else if (how === 1) out[k] = weird(r);
    else if (how === 2) out[r.pick(EXTRA_KEYS)] = weird(r);
    else out[k] = mutate(r, out[k], depth + 1);
  }
  return out;
}

/** A valid ticket with one value the schema accepts but the gate's arithmetic must survive. */
function extreme(r: Rng, t: OrderTicket): OrderTicket {
  const leg = t.legs[0]!;
  const forged = { ...{ key: leg.instrument.key, symbol: 'SPY', secType: 'OPT' }, currency: 'USD', multiplier: 1e308, exchange: '', description: '' }; // prettier-ignore
  // prettier-ignore
  const edits: Array<() => object> = [
    () => ({ limitPrice: r.pick([1e308, -1e308, 5e-324, -0, 1e-9, 2 ** 53, -1, 0.001]) }),
    () => ({ quantity: r.pick([1_000_000, 999_999, 50, 51]) }), () => ({ account: 'DU0000000' }),
    () => ({ legs: [{ ...leg, ratio: 100 }] }), () => ({ legs: Array.from({ length: 8 }, () => leg) }),
    () => ({ orderType: 'MKT', limitPrice: undefined, execution: undefined }),
    () => ({ execution: { kind: 'walk', worstPrice: r.pick([1e308, -1e308, 0, t.limitPrice]) } }),
    () => ({ legs: [{ ...leg, action: leg.action === 'BUY' ? 'SELL' : 'BUY' }] }),
    () => ({ strategy: 'x'.repeat(60), rationale: '\u0000'.repeat(2000) }),
    () => ({ legs: [{ ...leg, instrument: { key: 'OPT:SPY:2026-11-20:P:1' } }] }),
    () => ({ legs: [{ ...leg, instrument: forged }] }),
  ];
  return { ...t, ...r.pick(edits)() };
}

type Expect =
  | { kind: 'result'; id: number; name: string | null; input: unknown }
  | { kind: 'error'; code: ErrorCode };
const malformed: Extract<Expect, { kind: 'error' }> = { kind: 'error', code: 'MALFORMED_MESSAGE' };

/** What the protocol promises for one frame (src/shared/api/wire.ts, ws-transport, session). */
function expectFor(text: string | null): Expect {
  if (text === null) return malformed; // a binary frame
  if (Buffer.byteLength(text) > MAX_CLIENT_MESSAGE_BYTES) return { ...malformed, code: 'MESSAGE_TOO_LARGE' }; // prettier-ignore
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return malformed;
  }
  const msg = ClientMessageSchema.safeParse(raw);
  if (msg.success && msg.data.type !== 'call') throw new Error(`fuzzer made a ${msg.data.type}`);
  if (msg.success && msg.data.type === 'call') return { kind: 'result', ...msg.data };
  // A malformed call with a usable id is still answered under that id.
  const r = raw as { type?: unknown; id?: unknown } | null;
  const usable = r && typeof r === 'object' && r.type === 'call' && Number.isSafeInteger(r.id);
  return usable ? { kind: 'result', id: r.id as number, name: null, input: null } : malformed;
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
const total = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/**
 * Everything sent and answered, checked as the replies arrive. `codes`: `command:CODE` or
 * `command:ok` counts; `issued`: every token a preview returned, with what was previewed;
 * `succeeded`: token → the orderId its submit returned; `fresh`: tokens awaiting their fate.
 */
class Ledger {
  nextId = 1;
  frames = 0;
  readonly usedIds = new Set<number>();
  readonly pending = new Map<number, { name: string | null; input: unknown }>();
  readonly expectedErrors = new Map<ErrorCode, number>();
  readonly gotErrors = new Map<ErrorCode, number>();
  readonly codes = new Map<string, number>();
  readonly problems: string[] = [];
  readonly issued = new Map<string, { review: Review; ticket: unknown }>();
  readonly succeeded = new Map<string, number>();
  readonly orderIds: number[] = [];
  readonly fresh: string[] = [];
  call(name: string, input: unknown): Frame {
    return { text: toFrame({ type: 'call', id: this.nextId++, name, input }) };
  }
  send(c: TestSocket, frame: Frame): void {
    let text = 'text' in frame ? frame.text : null;
    let e = expectFor(text);
    // A mutation that hit an id already in use: sent as plain garbage instead.
    if (e.kind === 'result' && this.usedIds.has(e.id)) e = expectFor((text = `{${text}`));
    if (e.kind === 'error') bump(this.expectedErrors, e.code);
    else this.pending.set(e.id, e);
    if (e.kind === 'result') this.usedIds.add(e.id);
    if (text === null) c.ws.send((frame as { bytes: Buffer }).bytes, { binary: true });
    else c.ws.send(text);
    this.frames++;
  }
  take(m: ServerMessage): void {
    if (m.type === 'error') return void bump(this.gotErrors, m.error.code);
    const p = m.type === 'result' ? this.pending.get(m.id) : undefined;
    if (!p || m.type !== 'result') return void this.problems.push(`unasked ${JSON.stringify(m)}`);
    this.pending.delete(m.id);
    const what = () => `${String(p.name)} ${JSON.stringify(p.input)?.slice(0, 300)}`;
    bump(this.codes, `${p.name}:${m.ok ? 'ok' : m.error.code}`);
    if (!m.ok) {
      // Only a code from the contract's closed list, and one this command declares.
      // prettier-ignore
      const allowed: readonly string[] =
        p.name === null ? ['MALFORMED_MESSAGE'] : !isCommandName(p.name) ? ['UNKNOWN_COMMAND']
        : [...commands[p.name].errors, 'INVALID_INPUT'];
      const listed = ErrorCodeSchema.options.includes(m.error.code);
      if (!listed || !allowed.includes(m.error.code))
        this.problems.push(`${m.error.code} (${m.error.message}) for ${what()}`);
    } else if (p.name === null || !isCommandName(p.name)) this.problems.push(`ok ${what()}`);
    else if (!commands[p.name].output.safeParse(m.value).success) this.problems.push(what());
    else if (p.name === 'orders.preview' && (m.value as Review).confirmToken !== null) {
      const review = m.value as Review;
      this.issued.set(review.confirmToken!, { review, ticket: p.input });
      this.fresh.push(review.confirmToken!);
    } else if (p.name === 'orders.submit') {
      const token = (p.input as { confirmToken: string }).confirmToken;
      if (!this.issued.has(token)) this.problems.push(`sent with a token no preview gave`);
      if (this.succeeded.has(token)) this.problems.push(`one token sent twice: ${token}`);
      this.succeeded.set(token, (m.value as { orderId: number }).orderId);
      this.orderIds.push((m.value as { orderId: number }).orderId);
    }
  }
  /** Waits for the answer to every call and an error for every other frame sent so far. */
  async settle(c: TestSocket, timeoutMs = 20_000): Promise<void> {
    for (const until = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 2))) {
      for (const m of c.inbox.splice(0)) this.take(m);
      if (this.pending.size === 0 && total(this.gotErrors) >= total(this.expectedErrors)) return;
      if (Date.now() > until) throw new Error(`unanswered: ${[...this.pending.keys()].join()}`);
    }
  }
}

/** A closing order of one unit on a held line, priced passively (inside the collar). */
function tinyTicket(r: Rng, broker: RecordingBroker): OrderTicket | null {
  const line = r.pick(broker.positions().filter((p) => p.quantity && ['OPT', 'FOP', 'STK'].includes(p.instrument.secType))); // prettier-ignore
  const [tif, full, again, walk] = [r.pick(['DAY', 'GTC'] as const), r.chance(0.3), r.chance(0.7), r.chance(0.2)]; // prettier-ignore
  const q = broker.lastQuote(line.instrument.key);
  if (!q || q.bid === null || q.ask === null || !(q.ask > 0)) return null;
  const action = line.quantity < 0 ? 'BUY' : 'SELL';
  const limitPrice = action === 'BUY' && q.bid > 0 ? q.bid : q.ask;
  const mid = Math.round(((q.bid + q.ask) / 2) * 100) / 100;
  const walks = walk && (action === 'BUY' ? mid >= limitPrice : mid <= limitPrice);
  const instrument = full ? line.instrument : { key: line.instrument.key };
  return {
    ...{ action, quantity: 1, orderType: 'LMT', limitPrice, tif, strategy: 'fuzz' },
    legs: [{ instrument, action, ratio: 1 }],
    ...(again ? { sendAgain: true } : {}),
    ...(walks ? { execution: { kind: 'walk', worstPrice: mid } } : {}),
  };
}

/** The mix: (a) garbage, (b) wrong inputs, (c) forged tokens, (d) valid previews, and the rest. */
function fuzzer(r: Rng, led: Ledger, tickets: () => OrderTicket | null) {
  const anyOrderId = () => (led.orderIds.length && r.chance(0.6) ? r.pick(led.orderIds) : r.int(1e6)); // prettier-ignore
  const template = (name: string, valid: OrderTicket | null): unknown =>
    new Map<string, unknown>([
      ['orders.preview', valid ?? { action: 'BUY', quantity: 1, legs: [] }],
      ['orders.submit', { confirmToken: r.pick([...led.issued.keys(), 'x']) }],
      ['orders.cancel', { orderId: anyOrderId() }],
      ['orders.modify', { orderId: anyOrderId(), limitPrice: Math.round(r.next() * 2e3) / 100 }],
      ['trading.set', { state: r.pick(STATES), reason: 'fuzz' }],
    ]).get(name) ?? {};
  const garbage = (valid: OrderTicket | null): Frame => {
    const { text } = led.call(r.pick(FUZZ_NAMES), valid) as { text: string };
    const [n, at] = [1 + r.int(20_000), r.int(text.length)];
    const big = { rationale: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES + r.int(4000)) };
    // prettier-ignore
    return r.pick<() => Frame>([
      () => ({ text: text.slice(0, at) }), () => ({ text: randomString(r, r.int(300)) }),
      () => ({ text: r.pick(ODD_TEXT) }), () => ({ text: '['.repeat(n) + ']'.repeat(n) }),
      () => ({ bytes: Buffer.from(Array.from({ length: 1 + r.int(64) }, () => r.int(256))) }),
      () => led.call('orders.preview', big),
      () => ({ text: text.slice(0, at) + r.pick([...'{}[]:,"']) + text.slice(at + 1) }),
      () => ({ text: r.chance(0.5) ? `\ufeff${text}` : `${text}${text}` }),
    ])();
  };
  const wrongCall = (valid: OrderTicket | null): Frame => {
    const name = r.chance(0.93) ? r.pick(FUZZ_NAMES) : r.pick(ODD_NAMES);
    const [base, id] = [template(name, valid), led.nextId++];
    const input = r.chance(0.9) ? mutate(r, base) : weird(r);
    const env: Record<string, unknown> = { type: 'call', id, name, input };
    if (name === 'orders.preview' && valid && r.chance(0.4)) env.input = extreme(r, valid);
    // prettier-ignore
    else if (r.chance(0.08)) r.pick<() => void>([
      () => delete env.input, () => (env.id = -id), () => (env.id = `${id}`),
      () => (env.id = id + 0.5), () => (env.id = 2 ** 60), () => (env.name = 42),
      () => (env.type = 'CALL'), () => (env.extra = 1), () => delete env.type,
    ])();
    return { text: toFrame(env) };
  };
  const tokenProbe = (): unknown => {
    const [known, spent] = [[...led.issued.keys()], [...led.succeeded.keys()]];
    const base = known.length > 0 ? r.pick(known) : randomString(r, 32, B64);
    const at = r.int(base.length);
    const flipped = B64[(B64.indexOf(base[at]!) + 1) % 64]!;
    // prettier-ignore
    const confirmToken = r.pick<() => unknown>([
      () => randomString(r, 32, B64), () => base.slice(0, at) + flipped + base.slice(at + 1),
      () => base.slice(0, -1), () => `${base}A`, () => base.toUpperCase(), () => ` ${base}`,
      () => (spent.length > 0 ? r.pick(spent) : base.slice(1)), () => 'x'.repeat(201),
      () => Buffer.from(base, 'base64url').toString('hex'), () => weird(r),
    ])();
    return r.chance(0.1) ? { confirmToken, again: true } : { confirmToken };
  };
  return (c: TestSocket): void => {
    const [u, valid] = [r.next(), tickets()];
    if (u < 0.15) led.send(c, garbage(valid));
    else if (u < 0.62) led.send(c, wrongCall(valid));
    else if (u < 0.85) led.send(c, led.call('orders.submit', tokenProbe()));
    else if (u < 0.88 && valid) led.send(c, led.call('orders.preview', valid));
    else {
      // cancel and modify, of orders this test sent and of orders nobody sent, and the state
      const names = ['orders.cancel', 'orders.modify', 'trading.set', 'trading.state', 'orders.list']; // prettier-ignore
      const name = r.pick(u < 0.94 ? names.slice(0, 2) : names.slice(2));
      led.send(c, led.call(name, template(name, valid)));
    }
  };
}

let server: HeadlessServer;
let broker: RecordingBroker;

beforeAll(async () => {
  // Wall time runs on from a fixed instant, so the simulated market is the same each run.
  const offset = START - Date.now();
  const clock: Clock = { ...systemClock, now: () => Date.now() + offset };
  const sim = new SimBroker({ seed: 42, clock, startTime: START });
  broker = new RecordingBroker(sim);
  const deps = { clock, log: silentLogger, broker: { port: broker, sim } };
  const core = new Core(simCoreConfig({ seed: 42, startTime: START }), deps);
  await core.start();
  const where = { host: '127.0.0.1', port: 0, rendererDir: null };
  server = await startHeadlessServer({ api: core.api, ...where, log: silentLogger, clock: systemClock }); // prettier-ignore
  return () => server.close().then(() => core.stop());
});

const connect = () => openSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);

async function call(c: TestSocket, id: number, name: string, input: unknown) {
  c.ws.send(JSON.stringify({ type: 'call', id, name, input }));
  const m = await c.next((x) => x.type === 'result' && x.id === id);
  return m as Extract<ServerMessage, { type: 'result' }>;
}

it('answers 10,000 random order frames and sends only reviewed, submitted orders', async () => {
  const c = connect();
  await c.opened;
  // The throttle is raised so the valid share really reaches the broker; the rest is default.
  const rate = { maxOrders: 1000, perSeconds: 60 };
  expect(await call(c, 1e9, 'settings.update', { orders: { rate } })).toMatchObject({ ok: true });
  await new Promise((r) => setTimeout(r, 600)); // the first quotes of every held line
  const led = new Ledger();
  const [r, tix, fate] = [prng(SEED), prng(SEED + 1), prng(SEED + 2)]; // mix, tickets, tokens
  const next = fuzzer(r, led, () => tinyTicket(tix, broker));
  const later = new Map<number, string[]>(); // batch → tokens to submit in it
  const plan = (b: number, token: string) => later.set(b, [...(later.get(b) ?? []), token]);
  const started = Date.now();
  for (let b = 0; led.frames < TOTAL; b++) {
    for (const token of led.fresh.splice(0)) for (const d of fate.pick(FATES)) plan(b + d, token);
    const [follow, slots] = [later.get(b) ?? [], Math.min(BATCH, TOTAL - led.frames)];
    for (let i = 0; i < slots; i++) {
      const submit = follow.length > 0 && r.chance(follow.length / (slots - i));
      if (submit) led.send(c, led.call('orders.submit', { confirmToken: follow.shift()! }));
      else next(c);
    }
    await led.settle(c);
  }
  const elapsed = Date.now() - started;
  // Every call answered under its id with an allowed code; every other frame with one error.
  expect(led.frames).toBe(TOTAL);
  expect(led.problems).toEqual([]);
  expect(Object.fromEntries(led.gotErrors)).toEqual(Object.fromEntries(led.expectedErrors));
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  // placeOrder ran once per distinct token submitted successfully, each order as reviewed.
  expect(led.succeeded.size).toBeGreaterThanOrEqual(10);
  expect(broker.placed).toHaveLength(led.succeeded.size);
  const tokenOf = new Map([...led.succeeded].map(([token, id]) => [id, token]));
  const legs = (ls: OrderTicket['legs']) => ls.map((l) => [l.instrument.key, l.action, l.ratio]);
  for (const { order, orderId } of broker.placed) {
    const token = tokenOf.get(orderId!);
    expect(token, `order ${orderId} was placed without a submit`).toBeDefined();
    const { review, ticket: t } = led.issued.get(token!)! as { review: Review; ticket: OrderTicket }; // prettier-ignore
    expect(order).toEqual({ ...review.order, orderRef: review.clientRef });
    const sent = [order.action, order.quantity, order.limitPrice, legs(order.legs)];
    expect(sent).toEqual([t.action, t.quantity, t.limitPrice, legs(t.legs)]);
  }
  // Changes and cancels reached the broker only for orders this test got back from a submit.
  const ours = new Set(led.orderIds);
  expect(broker.modified.map((m) => m.orderId).filter((id) => !ours.has(id))).toEqual([]);
  expect(broker.cancelled.filter((id) => !ours.has(id))).toEqual([]);
  // The mix did reach the answers that matter, and some tokens were dropped unused.
  // prettier-ignore
  const wanted = ['orders.submit:TOKEN_USED', 'orders.submit:TOKEN_INVALID', 'orders.submit:ok',
    'orders.preview:INVALID_INPUT', 'orders.cancel:ORDER_NOT_FOUND', 'null:MALFORMED_MESSAGE'];
  expect(wanted.filter((k) => !led.codes.has(k))).toEqual([]);
  expect(led.gotErrors.get('MESSAGE_TOO_LARGE') ?? 0).toBeGreaterThan(0);
  expect(led.issued.size).toBeGreaterThan(led.succeeded.size);
  // Still up: this socket answers with exactly the orders sent, and a new client connects.
  expect(c.ws.readyState).toBe(c.ws.OPEN);
  const list = await call(c, 1e9 + 1, 'orders.list', {});
  const listed = list.ok ? (list.value as OrderRecord[]).map((o) => o.orderId) : [];
  expect([listed.length, new Set(listed)]).toEqual([ours.size, ours]);
  const other = connect();
  await other.opened;
  expect(await call(other, 1, 'trading.state', {})).toMatchObject({ ok: true });
  [other, c].forEach((s) => s.ws.close());
  expect(elapsed).toBeLessThan(60_000);
}, 90_000);
