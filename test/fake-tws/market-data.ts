/**
 * Streaming quotes from the simulator through reqMktData: tickReqParams and marketDataType
 * first, then tickPrice for bid/ask/last when a price moves (size inside) and tickSize when a
 * size moves, and for options tickOptionComputation with the model values (tick type 13).
 * Only changes are sent, as TWS does. A delayed-only fake answers live requests with 354 and
 * delayed ones with 10167 and the delayed tick types (66–71, 83).
 */
import type { MarketDataSubscription } from '../../src/main/broker/port';
import type { Instrument } from '@shared/domain/instrument';
import { isOption } from '@shared/domain/instrument';
import type { OptionModel, Quote } from '@shared/domain/market';
import type { BridgeContext } from './bridge-kit';
import { PerSession, expectVersion, sendError, single } from './bridge-kit';
import { ibContractOf, readComboLegs, readContract } from './contracts';
import { ProtocolError } from './fields';
import type { TwsSession } from './server';

const LIVE = { bid: 1, ask: 2, last: 4, bidSize: 0, askSize: 3, lastSize: 5, model: 13 };
const DELAYED = { bid: 66, ask: 67, last: 68, bidSize: 69, askSize: 70, lastSize: 71, model: 83 };
type TickTypes = typeof LIVE;
type Side = 'bid' | 'ask' | 'last';

/** Unset option values as TWS sends them: −1 for prices and vol, −2 for Greeks. */
const NOT_COMPUTED_PRICE = -1;
const NOT_COMPUTED_GREEK = -2;

interface Line {
  readonly reqId: number;
  readonly session: TwsSession;
  readonly snapshot: boolean;
  readonly ticks: TickTypes;
  inst: Instrument | null;
  sub: MarketDataSubscription | null;
  sent: Partial<Record<Side, { price: number; size: number }>>;
  model: string | null;
  quoted: boolean;
  closed: boolean;
}

interface MarketSession {
  type: number;
  lines: Map<number, Line>;
}

export interface MarketDataOptions {
  /** Only delayed data is "subscribed": live requests get 354, delayed ones 10167. */
  delayedOnly?: boolean;
}

export interface MarketDataLines {
  /** Lines streaming (or being resolved) across every session. */
  active(): number;
}

export function registerMarketData(
  ctx: BridgeContext,
  opts: MarketDataOptions = {},
): MarketDataLines {
  const { tws, sim } = ctx;
  const byKey = new Map<string, Set<Line>>();

  const close = (line: Line): void => {
    if (line.closed) return;
    line.closed = true;
    line.sub?.unsubscribe();
    if (line.inst) byKey.get(line.inst.key)?.delete(line);
  };
  const finishSnapshot = (line: Line): void => {
    line.session.send([57, 1, line.reqId]);
    close(line);
    sessions.get(line.session).lines.delete(line.reqId);
  };
  const sessions = new PerSession<MarketSession>(
    () => ({ type: 1, lines: new Map() }),
    (st) => st.lines.forEach(close),
  );

  // reqMarketDataType `59|1|type`
  tws.on('59', (s, m) => {
    expectVersion(m, 1);
    const type = m.int('marketDataType');
    m.end();
    if (type < 1 || type > 4) throw new ProtocolError('59', `marketDataType ${type} is not 1–4`);
    sessions.get(s).type = type;
  });

  // reqMktData `1|11|reqId|contract…|[BAG legs]|dnFlag[|conId|delta|price]|genericTicks|snapshot|regulatorySnapshot|mktDataOptions`
  tws.on('1', (s, m) => {
    expectVersion(m, 11);
    const reqId = m.int('reqId');
    const contract = readContract(m);
    const bag = contract.secType.toUpperCase() === 'BAG';
    if (bag) readComboLegs(m);
    if (m.bool('deltaNeutralContract')) {
      m.int('deltaNeutral.conId');
      m.optFloat('deltaNeutral.delta');
      m.optFloat('deltaNeutral.price');
    }
    const genericTicks = m.str('genericTickList');
    const snapshot = m.bool('snapshot');
    const regulatorySnapshot = m.bool('regulatorySnapshot');
    m.str('mktDataOptions');
    m.end();

    const session = sessions.get(s);
    if (session.lines.has(reqId)) return sendError(s, reqId, 102, 'Duplicate ticker ID.');
    if (genericTicks !== '' && !/^\d+(,\d+)*$/.test(genericTicks)) {
      return sendError(
        s,
        reqId,
        321,
        `Error validating request.-'bW' : cause - Incorrect generic tick list of ${genericTicks}`,
      );
    }
    if (bag) {
      return sendError(
        s,
        reqId,
        321,
        "Error validating request.-'bW' : cause - combo (BAG) market data is not served by the fake TWS",
      );
    }
    if (contract.exchange === '') {
      return sendError(
        s,
        reqId,
        321,
        "Error validating request.-'bW' : cause - Please enter exchange",
      );
    }
    const delayed = opts.delayedOnly === true;
    if (delayed && session.type < 3) {
      return sendError(
        s,
        reqId,
        354,
        'Requested market data is not subscribed. Delayed market data is available.',
      );
    }
    const line: Line = {
      reqId,
      session: s,
      snapshot: snapshot || regulatorySnapshot,
      ticks: delayed ? DELAYED : LIVE,
      inst: null,
      sub: null,
      sent: {},
      model: null,
      quoted: false,
      closed: false,
    };
    session.lines.set(reqId, line);
    ctx.contracts.resolve(contract).then(
      (found) => {
        if (line.closed) return;
        const inst = single(s, reqId, found, contract.symbol);
        if (!inst) {
          session.lines.delete(reqId);
          line.closed = true;
          return;
        }
        s.send([81, reqId, ibContractOf(inst).minTick, '', 3]);
        s.send([58, 1, reqId, delayed ? 3 : 1]);
        if (delayed) {
          sendError(
            s,
            reqId,
            10167,
            'Requested market data is not subscribed. Displaying delayed market data.',
          );
        }
        line.inst = inst;
        let set = byKey.get(inst.key);
        if (!set) byKey.set(inst.key, (set = new Set()));
        set.add(line);
        line.sub = sim.subscribeMarketData(inst);
        const q = sim.lastQuote(inst.key);
        if (q) onQuote(line, q);
      },
      (e: unknown) => ctx.fail('1', e),
    );
  });

  // cancelMktData `2|1|reqId`
  tws.on('2', (s, m) => {
    expectVersion(m, 1);
    const reqId = m.int('reqId');
    m.end();
    const lines = sessions.get(s).lines;
    const line = lines.get(reqId);
    if (!line) return sendError(s, reqId, 300, `Can't find EId with tickerId:${reqId}`);
    lines.delete(reqId);
    close(line);
  });

  const onQuote = (line: Line, q: Quote): void => {
    sendQuote(line, q);
    line.quoted = true;
    if (line.snapshot && line.inst && !isOption(line.inst)) finishSnapshot(line);
  };
  ctx.onDetach(
    sim.events.on('quote', (q) => {
      for (const line of [...(byKey.get(q.key) ?? [])]) onQuote(line, q);
    }),
  );
  ctx.onDetach(
    sim.events.on('optionModel', (model) => {
      for (const line of [...(byKey.get(model.key) ?? [])]) {
        sendModel(line, model);
        if (line.snapshot && line.quoted) finishSnapshot(line);
      }
    }),
  );
  ctx.onDetach(() => sessions.clear());
  return {
    active: () => {
      let n = 0;
      sessions.each((_s, st) => (n += st.lines.size));
      return n;
    },
  };
}

/** tickPrice `1|6|reqId|type|price|size|attrMask` on a price change, tickSize `2|6|reqId|type|size` on a size change. */
function sendQuote(line: Line, q: Quote): void {
  const index = line.inst?.secType === 'IND';
  const sides: Array<[Side, number | null, number]> = [
    ['bid', q.bid, q.bidSize ?? 0],
    ['ask', q.ask, q.askSize ?? 0],
    // The simulator has no trade sizes: a last trade is one contract (an index has none).
    ['last', q.last, index ? 0 : 1],
  ];
  for (const [side, price, size] of sides) {
    if (price === null) continue;
    const before = line.sent[side];
    if (before?.price === price && before.size === size) continue;
    if (before?.price !== price) {
      line.session.send([1, 6, line.reqId, line.ticks[side], price, size, 0]);
    }
    // Like TWS, a size goes out on its own as well: @stoqey/ib drops the bid size carried by
    // tickPrice (its BID_SIZE is 0, which its decoder tests as false).
    if (before?.size !== size) {
      line.session.send([2, 6, line.reqId, line.ticks[`${side}Size`], size]);
    }
    line.sent[side] = { price, size };
  }
}

/** `21|reqId|tickType|tickAttrib|iv|delta|optPrice|pvDividend|gamma|vega|theta|undPrice` */
function sendModel(line: Line, m: OptionModel): void {
  const fields = [
    21,
    line.reqId,
    line.ticks.model,
    0,
    m.iv ?? NOT_COMPUTED_PRICE,
    m.delta ?? NOT_COMPUTED_GREEK,
    m.modelPrice ?? NOT_COMPUTED_PRICE,
    0,
    m.gamma ?? NOT_COMPUTED_GREEK,
    m.vega ?? NOT_COMPUTED_GREEK,
    m.theta ?? NOT_COMPUTED_GREEK,
    m.underlyingPrice ?? NOT_COMPUTED_PRICE,
  ];
  const text = fields.join('|');
  if (text === line.model) return;
  line.model = text;
  line.session.send(fields);
}
