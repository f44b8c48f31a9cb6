/**
 * The simulator's book and account through TWS's account messages: reqPositions (position …
 * positionEnd, then a line per change), reqAccountSummary (the requested tags, then End, then
 * updates as the simulator revalues), reqAccountUpdates (accountValue, portfolio, accountTime,
 * accountDownloadEnd, then updates). Average costs are per contract, as IB reports them.
 */
import type { BrokerPosition } from '../../src/main/broker/port';
import type { AccountSummary } from '@shared/domain/account';
import type { BridgeContext } from './bridge-kit';
import { PerSession, expectVersion, newYorkHourMinute, sendError } from './bridge-kit';
import type { TwsSession } from './server';
import type { Field } from './wire';
import { heldContractFields } from './contracts';

/** Account tags the fake can answer, and where each value comes from. */
const TAGS: Readonly<Record<string, (a: AccountSummary) => number | string>> = {
  AccountType: () => 'INDIVIDUAL',
  NetLiquidation: (a) => a.netLiquidation,
  TotalCashValue: (a) => a.cash,
  EquityWithLoanValue: (a) => a.netLiquidation,
  InitMarginReq: (a) => a.initMargin,
  MaintMarginReq: (a) => a.maintMargin,
  FullInitMarginReq: (a) => a.initMargin,
  FullMaintMarginReq: (a) => a.maintMargin,
  AvailableFunds: (a) => a.netLiquidation - a.initMargin,
  ExcessLiquidity: (a) => a.excessLiquidity,
  FullExcessLiquidity: (a) => a.excessLiquidity,
  Cushion: (a) => a.cushion,
  BuyingPower: (a) => a.buyingPower,
};

/** Tags whose value is not money (sent with an empty currency). */
const NO_CURRENCY = new Set(['AccountType', 'Cushion']);

interface AccountSessionState {
  /** What reqPositions has sent, by instrument key (null: not subscribed). */
  positions: Map<string, BrokerPosition> | null;
  summaries: Map<number, string[]>;
  updates: boolean;
}

export function registerAccount(ctx: BridgeContext): void {
  const { tws, sim } = ctx;
  const sessions = new PerSession<AccountSessionState>(
    () => ({ positions: null, summaries: new Map(), updates: false }),
    () => undefined,
  );

  // reqPositions `61|1` / cancelPositions `64|1`
  tws.on('61', (s, m) => {
    expectVersion(m, 1);
    m.end();
    const state = sessions.get(s);
    state.positions = new Map();
    for (const p of sim.positions()) {
      sendPosition(ctx, s, p);
      state.positions.set(p.instrument.key, p);
    }
    s.send([62, 1]);
  });
  tws.on('64', (s, m) => {
    expectVersion(m, 1);
    m.end();
    sessions.get(s).positions = null;
  });

  // reqAccountSummary `62|1|reqId|group|tags` / cancelAccountSummary `63|1|reqId`
  tws.on('62', (s, m) => {
    expectVersion(m, 1);
    const reqId = m.int('reqId');
    const group = m.str('group');
    const tags = m.str('tags');
    m.end();
    if (group !== 'All') {
      sendError(s, reqId, 321, `Error validating request.-'bA' : cause - Invalid group ${group}`);
      return;
    }
    const wanted = tags.split(',').filter((t) => Object.hasOwn(TAGS, t));
    sessions.get(s).summaries.set(reqId, wanted);
    sendSummary(ctx, s, reqId, wanted, sim.accountSummary());
    s.send([64, 1, reqId]);
  });
  tws.on('63', (s, m) => {
    expectVersion(m, 1);
    const reqId = m.int('reqId');
    m.end();
    sessions.get(s).summaries.delete(reqId);
  });

  // reqAccountUpdates `6|2|subscribe|acctCode`
  tws.on('6', (s, m) => {
    expectVersion(m, 2);
    const subscribe = m.bool('subscribe');
    const acctCode = m.str('acctCode');
    m.end();
    const state = sessions.get(s);
    if (!subscribe) {
      state.updates = false;
      return;
    }
    if (acctCode !== '' && acctCode !== ctx.account) {
      sendError(s, -1, 321, `Error validating request.-'bB' : cause - Invalid account ${acctCode}`);
      return;
    }
    state.updates = true;
    sendAccountValues(ctx, s, sim.accountSummary());
    for (const p of sim.positions()) sendPortfolio(ctx, s, p);
    s.send([8, 1, newYorkHourMinute(tws.now())]);
    s.send([54, 1, ctx.account]);
  });

  ctx.onDetach(
    sim.events.on('account', (summary) => {
      sessions.each((s, state) => {
        for (const [reqId, tags] of state.summaries) sendSummary(ctx, s, reqId, tags, summary);
        if (state.updates) {
          sendAccountValues(ctx, s, summary);
          s.send([8, 1, newYorkHourMinute(tws.now())]);
        }
      });
    }),
  );
  ctx.onDetach(
    sim.events.on('positions', (list) => {
      const byKey = new Map(list.map((p) => [p.instrument.key, p]));
      for (const p of list) ctx.contracts.remember(p.instrument);
      sessions.each((s, state) => {
        if (state.updates) for (const p of list) sendPortfolio(ctx, s, p);
        const sent = state.positions;
        if (!sent) return;
        for (const p of list) {
          if (sent.get(p.instrument.key)?.quantity === p.quantity) continue;
          sendPosition(ctx, s, p);
          sent.set(p.instrument.key, p);
        }
        // A position that left the list was closed: TWS reports it once more with size 0.
        for (const [key, p] of sent) {
          if (byKey.has(key) || p.quantity === 0) continue;
          const closed = { ...p, quantity: 0, avgPrice: 0 };
          sendPosition(ctx, s, closed);
          sent.set(key, closed);
        }
      });
    }),
  );
  ctx.onDetach(() => sessions.clear());
}

/** `61|3|account|conId|symbol|secType|ltd|strike|right|multiplier|exchange|currency|localSymbol|tradingClass|pos|avgCost` */
function sendPosition(ctx: BridgeContext, s: TwsSession, p: BrokerPosition): void {
  const c = ctx.contracts.remember(p.instrument);
  s.send([
    61,
    3,
    ctx.account,
    ...heldContractFields(c),
    p.quantity,
    p.avgPrice * p.instrument.multiplier,
  ]);
}

/** `7|8|conId|symbol|secType|ltd|strike|right|multiplier|primaryExch|currency|localSymbol|tradingClass|position|mktPrice|mktValue|avgCost|uPnL|rPnL|account` */
function sendPortfolio(ctx: BridgeContext, s: TwsSession, p: BrokerPosition): void {
  const c = ctx.contracts.remember(p.instrument);
  const mult = p.instrument.multiplier;
  const price = ctx.sim.lastQuote(p.instrument.key)?.mark ?? p.avgPrice;
  s.send([
    7,
    8,
    ...heldContractFields(c),
    p.quantity,
    price,
    p.quantity * price * mult,
    p.avgPrice * mult,
    p.quantity * (price - p.avgPrice) * mult,
    0,
    ctx.account,
  ]);
}

function tagLine(tag: string, a: AccountSummary): [string, string] | null {
  const value = Object.hasOwn(TAGS, tag) ? TAGS[tag]?.(a) : undefined;
  return value === undefined ? null : [String(value), NO_CURRENCY.has(tag) ? '' : a.currency];
}

/** `63|1|reqId|account|tag|value|currency` per tag. */
function sendSummary(
  ctx: BridgeContext,
  s: TwsSession,
  reqId: number,
  tags: readonly string[],
  a: AccountSummary | null,
): void {
  if (!a) return;
  for (const tag of tags) {
    const line = tagLine(tag, a);
    if (line) s.send([63, 1, reqId, ctx.account, tag, ...line]);
  }
}

/** `6|2|key|value|currency|account` per tag. */
function sendAccountValues(ctx: BridgeContext, s: TwsSession, a: AccountSummary | null): void {
  if (!a) return;
  for (const tag of Object.keys(TAGS)) {
    const line = tagLine(tag, a);
    if (line) s.send([6, 2, tag, ...line, ctx.account] satisfies Field[]);
  }
}
