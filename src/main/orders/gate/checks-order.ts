/**
 * The gate's fast checks: the order itself, the trading state and the precautions against a
 * fat finger. Each is a small pure function of the GateContext; the pipeline runs them in the
 * order of GATE_CHECKS (pipeline.ts). An order that only reduces risk is never stopped by a
 * size or notional limit: in a margin call the trader must be able to get out.
 */
import { isOption } from '@shared/domain/instrument';
import { expiryInstant } from '@shared/domain/time';
import type { Quote } from '@shared/domain/market';
import { deny, pass, warn, type CheckResult, type GateContext, type GateLeg } from './types';

const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : `${x}`);

export function settingsValid(ctx: GateContext): CheckResult {
  if (ctx.settings.ok) return pass('settings are valid');
  return deny(
    'SETTINGS_INVALID',
    `The settings file is invalid, so nothing can be checked against it: ${ctx.settings.problems.join('; ')}`,
    { problems: ctx.settings.problems.length },
  );
}

export function instrumentsKnown(ctx: GateContext): CheckResult {
  if (ctx.unresolved.length > 0) {
    const first = ctx.unresolved[0]!;
    return deny('UNKNOWN_INSTRUMENT', `${first.key}: ${first.reason}`, {
      key: first.key,
      unresolved: ctx.unresolved.length,
    });
  }
  for (const leg of ctx.legs) {
    if (leg.instrument.secType === 'IND') {
      return deny('UNKNOWN_INSTRUMENT', `${leg.instrument.key} is an index: it cannot be traded`, {
        key: leg.instrument.key,
      });
    }
    const expiry = leg.instrument.expiry;
    if (expiry && ctx.now >= expiryInstant(expiry, leg.instrument.settlement ?? 'PM')) {
      return deny('UNKNOWN_INSTRUMENT', `${leg.instrument.key} expired on ${expiry}`, {
        key: leg.instrument.key,
      });
    }
  }
  const keys = ctx.legs.map((l) => l.instrument.key);
  if (new Set(keys).size !== keys.length) {
    return deny('INVALID_ORDER', 'The same instrument appears in two legs: combine them first');
  }
  return pass(`${ctx.legs.length} leg(s) resolved through the broker`);
}

export function orderShape(ctx: GateContext): CheckResult {
  const t = ctx.ticket;
  if (t.orderType === 'LMT' && ctx.legs.length === 1 && !(t.limitPrice! > 0)) {
    return deny('INVALID_ORDER', `A single-leg limit must be above 0 (got ${t.limitPrice})`);
  }
  if (t.execution?.kind === 'walk') {
    const start = t.limitPrice!;
    const worst = t.execution.worstPrice;
    const wrongSide = t.action === 'BUY' ? worst < start : worst > start;
    if (wrongSide) {
      return deny(
        'INVALID_ORDER',
        `A walking ${t.action} limit walks ${t.action === 'BUY' ? 'up' : 'down'} from ${start}: its worst price ${worst} is on the wrong side`,
        { start, worst },
      );
    }
  }
  return pass('order is well formed');
}

export function tradingState(ctx: GateContext): CheckResult {
  const s = ctx.trading;
  if (s.state === 'halted') {
    return deny('TRADING_HALTED', `Trading is halted: ${s.reason}`, { source: s.source });
  }
  const reduceOnly = s.state === 'reduce-only' || ctx.drawdownBreached;
  if (reduceOnly && !ctx.reduce.reduces) {
    const why = s.state === 'reduce-only' ? s.reason : 'the daily loss limit is breached';
    const added = ctx.reduce.marginAdded;
    return deny(
      'REDUCE_ONLY',
      added !== undefined
        ? `Reduce-only (${why}): this order shrinks positions but adds $${Math.round(added).toLocaleString('en-US')} of margin, so it does not only reduce risk`
        : `Reduce-only (${why}): only orders that close or shrink positions may be sent`,
      {
        opening: ctx.reduce.opening.reduce((a, b) => a + b, 0),
        ...(added !== undefined ? { marginAdded: Math.round(added) } : {}),
      },
    );
  }
  return pass(reduceOnly ? 'reduce-only, and this order only reduces' : 'trading is active');
}

export function liveTrading(ctx: GateContext): CheckResult {
  const c = ctx.connection;
  const target = ctx.order?.account ?? ctx.ticket.account;
  // The gate judges the book Bulwark watches: an order for another account of the login would
  // be checked against the wrong positions, margin and limits.
  if (target !== undefined && c.account !== null && target !== c.account) {
    return deny(
      'INVALID_ORDER',
      `Bulwark watches account ${c.account}: an order for ${target} would be checked against the wrong book`,
      { account: target, watched: c.account },
    );
  }
  if (c.mode !== 'live') return pass(`${c.mode} account: no live-trading opt-in needed`);
  const allowed = ctx.settings.ok ? ctx.settings.settings.trading.liveTradingAccount : null;
  if (allowed !== null && allowed === c.account) return pass(`live trading enabled for ${allowed}`);
  return deny(
    'LIVE_TRADING_DISABLED',
    `This is the LIVE account ${c.account ?? '?'}: live trading is off. Enable it in Settings by typing this account id.`,
    { account: c.account ?? '?' },
  );
}

export function marketOrders(ctx: GateContext): CheckResult {
  if (ctx.ticket.orderType !== 'MKT') return pass('limit order');
  if (ctx.settings.ok && ctx.settings.settings.trading.marketOrdersAllowed) {
    return warn('MARKETABLE', 'Market order: it fills at whatever price the market gives');
  }
  return deny('MARKET_ORDER_DISABLED', 'Market orders are disabled in Settings: use a limit');
}

/** Why a quote cannot price an order now, or null: the gate's test, and the walking limit's. */
export function quoteProblem(q: Quote | null, now: number, maxAge: number): string | null {
  if (!q) return 'no quote';
  if (q.bid === null || q.ask === null) return 'no two-sided quote';
  if (!(q.ask >= q.bid) || q.ask <= 0) return `crossed or empty quote (bid ${q.bid}, ask ${q.ask})`;
  const age = now - q.time;
  if (age > maxAge) return `quote is ${(age / 1000).toFixed(1)} s old`;
  return null;
}

export function quotesFresh(ctx: GateContext): CheckResult {
  if (ctx.connection.status !== 'connected') {
    return deny('STALE_DATA', `Broker not connected: ${ctx.connection.reason}`);
  }
  for (const leg of ctx.legs) {
    const problem = quoteProblem(leg.quote, ctx.now, ctx.quoteMaxAgeMs);
    if (problem) {
      return deny('STALE_DATA', `${leg.instrument.description || leg.instrument.key}: ${problem}`, {
        key: leg.instrument.key,
        maxAgeMs: ctx.quoteMaxAgeMs,
      });
    }
  }
  return pass('every leg has a fresh two-sided quote');
}

/** Option and future contracts count one each; shares count per 100. */
function contracts(leg: GateLeg, units: number): number {
  return leg.instrument.secType === 'STK' ? units / 100 : units;
}

export function contractCaps(ctx: GateContext): CheckResult {
  if (!ctx.settings.ok) return { outcome: 'skip', message: 'no valid settings' };
  const cap = ctx.settings.settings.orders.maxContractsPerOrder;
  const largest = Math.max(...ctx.legs.map((l) => contracts(l, Math.abs(l.change))));
  if (largest > cap && !ctx.reduce.reduces) {
    return deny('MAX_CONTRACTS', `${fmt(largest)} contracts in one order: the cap is ${cap}`, {
      contracts: largest,
      cap,
    });
  }
  for (const [i, leg] of ctx.legs.entries()) {
    const after = Math.abs(contracts(leg, leg.held + leg.change));
    const grows = (ctx.reduce.opening[i] ?? 0) > 0;
    if (grows && after > ctx.maxContractsPerPosition && isOption(leg.instrument)) {
      return deny(
        'MAX_CONTRACTS',
        `${leg.instrument.description || leg.instrument.key} would be ${fmt(after)} contracts: the ${ctx.regime} regime allows ${ctx.maxContractsPerPosition} per position`,
        { key: leg.instrument.key, after, cap: ctx.maxContractsPerPosition },
      );
    }
  }
  return pass(`largest leg ${fmt(largest)} contracts (cap ${cap})`);
}

export function notionalCap(ctx: GateContext): CheckResult {
  if (!ctx.settings.ok) return { outcome: 'skip', message: 'no valid settings' };
  const cap = ctx.settings.settings.orders.maxNotional;
  let total = 0;
  for (const leg of ctx.legs) {
    if (leg.underlyingPrice === null) {
      if (ctx.reduce.reduces) continue;
      return deny('STALE_DATA', `${leg.instrument.key}: no underlying price to measure notional`);
    }
    total += Math.abs(leg.change) * leg.instrument.multiplier * leg.underlyingPrice;
  }
  if (total > cap && !ctx.reduce.reduces) {
    return deny('MAX_NOTIONAL', `Notional $${fmt(total)} is above the $${fmt(cap)} cap`, {
      notional: Math.round(total),
      cap,
    });
  }
  return pass(`notional $${fmt(Math.round(total))}`, { notional: Math.round(total) });
}

/**
 * A limit further through the mid than the larger of the % and tick allowances is a fat
 * finger, even for a closing order. Prices are in the order's direction: a BUY pays more
 * the higher it is, a SELL receives less the lower it is.
 */
export function priceCollar(ctx: GateContext): CheckResult {
  const t = ctx.ticket;
  if (t.orderType !== 'LMT' || !ctx.settings.ok) return { outcome: 'skip', message: 'no limit' };
  const { mid, natural, tick } = ctx.prices;
  if (mid === null) return deny('STALE_DATA', 'No mid price to check the limit against');
  const c = ctx.settings.settings.orders.collar;
  const limits = [t.limitPrice!];
  if (t.execution?.kind === 'walk') limits.push(t.execution.worstPrice);
  const allowance = Math.max(
    (c.maxPctThroughMid / 100) * Math.abs(mid),
    c.maxTicksThroughMid * tick,
  );
  for (const limit of limits) {
    const through = t.action === 'BUY' ? limit - mid : mid - limit;
    if (through > allowance + 1e-9) {
      return deny(
        'PRICE_COLLAR',
        `Limit ${limit} is ${through.toFixed(2)} through the mid ${mid.toFixed(2)}: more than ${c.maxPctThroughMid} % or ${c.maxTicksThroughMid} ticks — a fat finger?`,
        { limit, mid: Number(mid.toFixed(4)), through: Number(through.toFixed(4)), allowance },
      );
    }
  }
  const limit = t.limitPrice!;
  if (natural !== null && (t.action === 'BUY' ? limit > natural : limit < natural)) {
    return warn('MARKETABLE', `Limit ${limit} is through the natural ${natural.toFixed(2)}`, {
      natural: Number(natural.toFixed(4)),
    });
  }
  return pass(`limit within the collar of the mid ${mid.toFixed(2)}`);
}

export function duplicateOrder(ctx: GateContext): CheckResult {
  if (!ctx.settings.ok) return { outcome: 'skip', message: 'no valid settings' };
  const windowMs = ctx.settings.settings.orders.duplicateWindowSeconds * 1000;
  const last = [...ctx.recentSends]
    .reverse()
    .find((s) => s.fingerprint === ctx.fingerprint && ctx.now - s.time < windowMs);
  if (!last) return pass('no identical order sent recently');
  const ago = Math.round((ctx.now - last.time) / 1000);
  if (ctx.ticket.sendAgain) {
    return warn('DUPLICATE_ORDER', `The same order was sent ${ago} s ago: sending it again`, {
      ago,
    });
  }
  return deny(
    'DUPLICATE_ORDER',
    `The same order (legs, side and size) was sent ${ago} s ago. Review it again with "send again" if you mean it.`,
    { agoSeconds: ago },
  );
}

export function orderRate(ctx: GateContext): CheckResult {
  if (!ctx.settings.ok) return { outcome: 'skip', message: 'no valid settings' };
  const { maxOrders, perSeconds } = ctx.settings.settings.orders.rate;
  const recent = ctx.recentSends.filter((s) => ctx.now - s.time < perSeconds * 1000).length;
  if (recent >= maxOrders) {
    return deny(
      'ORDER_RATE',
      `${recent} orders sent in the last ${perSeconds} s: the throttle allows ${maxOrders}`,
      { recent, maxOrders, perSeconds },
    );
  }
  return pass(`${recent} of ${maxOrders} orders in ${perSeconds} s`);
}
