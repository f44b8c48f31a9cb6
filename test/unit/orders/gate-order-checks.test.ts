import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '@shared/domain/account';
import {
  instrumentsKnown,
  liveTrading,
  marketOrders,
  orderShape,
  quotesFresh,
  settingsValid,
  tradingState,
} from '../../../src/main/orders/gate/checks-order';
import type { CheckResult, GateContext } from '../../../src/main/orders/gate/types';
import { simConnection } from '../../fakes/connection';
import { inst } from '../../fakes/instruments';
import {
  condor,
  context,
  NOW,
  quote,
  settingsWith,
  shortPut,
  spxOption,
  type Scenario,
} from './gate-context';

const codeOf = (r: CheckResult) => (r.outcome === 'warn' || r.outcome === 'deny' ? r.code : null);

/** The condor for the live account the connection reports. */
const live = () => condor({ account: 'U1234567' });

const liveConnection = (account: string | null = 'U1234567'): ConnectionState => ({
  broker: 'ibkr',
  status: 'connected',
  reason: 'TWS connected',
  account,
  mode: 'live',
  serverVersion: 178,
  since: 1,
});

const reduceOnly = (reason = 'set by the trader'): GateContext['trading'] => ({
  state: 'reduce-only',
  reason,
  source: 'user',
  since: 1,
});

/** Buy back 1 of 3 short 5800 puts: it only reduces what is held. */
const closingPut = (): Scenario => shortPut({ action: 'BUY', limitPrice: 59 }, -3);

describe('settings check', () => {
  it('passes valid settings', () => {
    expect(settingsValid(context()).outcome).toBe('pass');
  });

  it('denies with SETTINGS_INVALID and counts the problems when the file does not validate', () => {
    const ctx = context(condor(), {
      settings: { ok: false, problems: ['orders.maxNotional: too small', 'version: expected 1'] },
    });
    const r = settingsValid(ctx);
    expect(r).toMatchObject({
      outcome: 'deny',
      code: 'SETTINGS_INVALID',
      details: { problems: 2 },
    });
    expect(r.message).toContain('orders.maxNotional: too small; version: expected 1');
  });
});

describe('instruments check', () => {
  it('passes four resolved condor legs', () => {
    const r = instrumentsKnown(context());
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/^4 leg/);
  });

  it('denies with UNKNOWN_INSTRUMENT naming the first leg the broker could not resolve', () => {
    const ctx = context(condor(), {
      order: null,
      unresolved: [
        { key: 'OPT:SPX:2026-12-18:P:5705', reason: 'no such strike' },
        { key: 'OPT:SPX:2026-12-18:C:6105', reason: 'no such strike' },
      ],
    });
    expect(instrumentsKnown(ctx)).toMatchObject({
      outcome: 'deny',
      code: 'UNKNOWN_INSTRUMENT',
      message: 'OPT:SPX:2026-12-18:P:5705: no such strike',
      details: { key: 'OPT:SPX:2026-12-18:P:5705', unresolved: 2 },
    });
  });

  it('denies an order on the index itself', () => {
    const s = shortPut();
    s.legs[0]!.instrument = inst({ secType: 'IND', symbol: 'SPX' });
    const r = instrumentsKnown(context(s));
    expect(codeOf(r)).toBe('UNKNOWN_INSTRUMENT');
    expect(r.message).toMatch(/index/);
  });

  it('denies a contract after its PM expiry and allows it until the close that day', () => {
    const closeOfExpiry = Date.parse('2026-12-18T16:00:00-05:00');
    expect(instrumentsKnown(context(shortPut(), { now: closeOfExpiry - 1 })).outcome).toBe('pass');
    const after = instrumentsKnown(context(shortPut(), { now: closeOfExpiry }));
    expect(codeOf(after)).toBe('UNKNOWN_INSTRUMENT');
    expect(after.message).toMatch(/expired on 2026-12-18/);
  });

  it('treats an AM-settled contract as expired from the opening print', () => {
    const s = shortPut();
    s.legs[0]!.instrument = { ...spxOption('P', 5800), settlement: 'AM' };
    const open = Date.parse('2026-12-18T09:30:00-05:00');
    expect(instrumentsKnown(context(s, { now: open - 1 })).outcome).toBe('pass');
    expect(codeOf(instrumentsKnown(context(s, { now: open })))).toBe('UNKNOWN_INSTRUMENT');
  });

  it('denies the same instrument in two legs as INVALID_ORDER', () => {
    const s = condor();
    s.legs[1]!.instrument = s.legs[0]!.instrument;
    expect(codeOf(instrumentsKnown(context(s)))).toBe('INVALID_ORDER');
  });
});

describe('order shape check', () => {
  it('passes a positive single-leg limit and a combo limit at or below zero', () => {
    expect(orderShape(context(shortPut())).outcome).toBe('pass');
    expect(orderShape(context(condor({ limitPrice: -0.5 }))).outcome).toBe('pass');
  });

  it('denies a single-leg limit of zero as INVALID_ORDER', () => {
    expect(codeOf(orderShape(context(shortPut({ limitPrice: 0 }))))).toBe('INVALID_ORDER');
    expect(codeOf(orderShape(context(shortPut({ limitPrice: -1 }))))).toBe('INVALID_ORDER');
  });

  it('denies a walking SELL whose worst price is above its start', () => {
    const s = condor({ limitPrice: 20.2, execution: { kind: 'walk', worstPrice: 21 } });
    expect(orderShape(context(s))).toMatchObject({
      outcome: 'deny',
      code: 'INVALID_ORDER',
      details: { start: 20.2, worst: 21 },
    });
    const ok = condor({ limitPrice: 20.2, execution: { kind: 'walk', worstPrice: 19.5 } });
    expect(orderShape(context(ok)).outcome).toBe('pass');
  });

  it('denies a walking BUY whose worst price is below its start', () => {
    const bad = closingPut();
    bad.ticket.execution = { kind: 'walk', worstPrice: 58 };
    expect(codeOf(orderShape(context(bad)))).toBe('INVALID_ORDER');
    const good = closingPut();
    good.ticket.execution = { kind: 'walk', worstPrice: 60 };
    expect(orderShape(context(good)).outcome).toBe('pass');
  });
});

describe('trading state check', () => {
  it('passes any order while trading is active', () => {
    expect(tradingState(context()).outcome).toBe('pass');
  });

  it('denies every order while halted, even one that only reduces', () => {
    const trading: GateContext['trading'] = {
      state: 'halted',
      reason: 'kill switch',
      source: 'kill-switch',
      since: 1,
    };
    for (const s of [condor(), closingPut()]) {
      expect(tradingState(context(s, { trading }))).toMatchObject({
        outcome: 'deny',
        code: 'TRADING_HALTED',
        details: { source: 'kill-switch' },
      });
    }
  });

  it('in reduce-only denies an opening order with REDUCE_ONLY and counts what it opens', () => {
    const r = tradingState(context(condor(), { trading: reduceOnly('end of week') }));
    expect(r).toMatchObject({ outcome: 'deny', code: 'REDUCE_ONLY', details: { opening: 8 } });
    expect(r.message).toContain('end of week');
  });

  it('in reduce-only allows an order that only closes part of a position', () => {
    const ctx = context(closingPut(), { trading: reduceOnly() });
    expect(ctx.reduce.reduces).toBe(true);
    const r = tradingState(ctx);
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/only reduces/);
  });

  it('in reduce-only denies a close larger than the position (it flips to long)', () => {
    const ctx = context(shortPut({ action: 'BUY', quantity: 5 }, -3), { trading: reduceOnly() });
    expect(tradingState(ctx)).toMatchObject({ code: 'REDUCE_ONLY', details: { opening: 2 } });
  });

  it('treats a breached daily loss limit as reduce-only even if the state still says active', () => {
    const opening = tradingState(context(condor(), { drawdownBreached: true }));
    expect(codeOf(opening)).toBe('REDUCE_ONLY');
    expect(opening.message).toMatch(/daily loss limit/);
    expect(tradingState(context(closingPut(), { drawdownBreached: true })).outcome).toBe('pass');
  });
});

describe('live trading check', () => {
  it('passes simulated and paper accounts without an opt-in', () => {
    expect(liveTrading(context()).outcome).toBe('pass');
    const paper = { ...liveConnection('DU111'), mode: 'paper' as const };
    expect(liveTrading(context(condor({ account: 'DU111' }), { connection: paper })).outcome).toBe(
      'pass',
    );
  });

  it('denies a live account with LIVE_TRADING_DISABLED while live trading is off', () => {
    expect(liveTrading(context(live(), { connection: liveConnection() }))).toMatchObject({
      outcome: 'deny',
      code: 'LIVE_TRADING_DISABLED',
      details: { account: 'U1234567' },
    });
  });

  it('denies a live account other than the one enabled in Settings', () => {
    const ctx = context(live(), {
      connection: liveConnection(),
      settings: settingsWith({ trading: { liveTradingAccount: 'U7654321' } }),
    });
    expect(codeOf(liveTrading(ctx))).toBe('LIVE_TRADING_DISABLED');
  });

  it('passes the live account the trader typed into Settings', () => {
    const ctx = context(live(), {
      connection: liveConnection(),
      settings: settingsWith({ trading: { liveTradingAccount: 'U1234567' } }),
    });
    expect(liveTrading(ctx).outcome).toBe('pass');
  });

  it('denies an order for another account than the one Bulwark watches, opted in or not', () => {
    const s = condor({ account: 'U7654321' });
    const ctx = context(s, {
      connection: liveConnection(),
      settings: settingsWith({ trading: { liveTradingAccount: 'U7654321' } }),
    });
    expect(liveTrading(ctx)).toMatchObject({
      outcome: 'deny',
      code: 'INVALID_ORDER',
      details: { account: 'U7654321', watched: 'U1234567' },
    });
  });

  it('denies a live account when the settings are invalid (no opt-in can be read)', () => {
    const ctx = context(live(), {
      connection: liveConnection(),
      settings: { ok: false, problems: ['broken'] },
    });
    expect(codeOf(liveTrading(ctx))).toBe('LIVE_TRADING_DISABLED');
  });
});

describe('market order check', () => {
  const market = () => shortPut({ orderType: 'MKT', limitPrice: undefined });

  it('passes a limit order', () => {
    expect(marketOrders(context()).outcome).toBe('pass');
  });

  it('denies a market order with MARKET_ORDER_DISABLED by default', () => {
    expect(codeOf(marketOrders(context(market())))).toBe('MARKET_ORDER_DISABLED');
  });

  it('only warns MARKETABLE once market orders are allowed in Settings', () => {
    const ctx = context(market(), {
      settings: settingsWith({ trading: { marketOrdersAllowed: true } }),
    });
    expect(marketOrders(ctx)).toMatchObject({ outcome: 'warn', code: 'MARKETABLE' });
  });
});

describe('quotes check', () => {
  const withQuote = (q: ReturnType<typeof quote> | null): Scenario => {
    const s = condor();
    s.legs[2]!.quote = q;
    return s;
  };
  const callKey = spxOption('C', 6100).key;

  it('passes fresh two-sided quotes on every leg, up to the maximum age', () => {
    expect(quotesFresh(context()).outcome).toBe('pass');
    const oldest = withQuote(quote(callKey, 20, 20.8, NOW - 5_000));
    expect(quotesFresh(context(oldest)).outcome).toBe('pass');
  });

  it('denies with STALE_DATA when the broker is not connected', () => {
    const connection = simConnection('disconnected', 'simulator stopped');
    const r = quotesFresh(context(condor(), { connection }));
    expect(codeOf(r)).toBe('STALE_DATA');
    expect(r.message).toContain('simulator stopped');
  });

  it.each([
    ['no quote at all', null, /no quote/],
    ['a one-sided quote', quote(callKey, null, 20.8), /no two-sided quote/],
    ['a crossed quote', quote(callKey, 21, 20.8), /crossed/],
    ['an empty quote', quote(callKey, 0, 0), /crossed or empty/],
    ['a quote older than the maximum age', quote(callKey, 20, 20.8, NOW - 5_001), /5\.0 s old/],
  ])('denies with STALE_DATA on %s, naming the leg', (_what, q, why) => {
    const r = quotesFresh(context(withQuote(q)));
    expect(r).toMatchObject({
      outcome: 'deny',
      code: 'STALE_DATA',
      details: { key: callKey, maxAgeMs: 5_000 },
    });
    expect(r.message).toMatch(why);
  });
});
