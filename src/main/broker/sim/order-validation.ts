/**
 * What the simulated exchange refuses, in plain words. Each problem found is listed; the order
 * is rejected (Inactive + error 201) when there is any.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Action, OrderRequest } from '@shared/domain/orders';
import { yearsToExpiry } from '@shared/domain/time';
import type { SimInstruments } from './instruments';

export interface ResolvedLeg {
  instrument: Instrument;
  action: Action;
  ratio: number;
}

export type OrderCheck = { ok: true; legs: ResolvedLeg[] } | { ok: false; reason: string };

export function checkOrder(
  order: OrderRequest,
  instruments: SimInstruments,
  simTime: number,
  account: string,
): OrderCheck {
  const problems: string[] = [];
  if (order.account !== undefined && order.account !== account) {
    problems.push(`unknown account ${order.account}`);
  }
  if (!Number.isInteger(order.quantity) || order.quantity <= 0) {
    problems.push(`quantity must be a whole number above 0 (got ${order.quantity})`);
  }
  if (order.orderType === 'LMT' && !Number.isFinite(order.limitPrice)) {
    problems.push('limit order without a limit price');
  }
  if (order.legs.length === 0) problems.push('order has no legs');

  const legs: ResolvedLeg[] = [];
  for (const leg of order.legs) {
    const key = leg.instrument.key;
    const inst = instruments.byKey(key);
    if (!inst) {
      problems.push(`unknown instrument ${key}`);
      continue;
    }
    if (inst.secType === 'IND') problems.push(`${key} is an index and cannot be traded`);
    if (inst.expiry && yearsToExpiry(inst.expiry, simTime, inst.settlement) <= 0) {
      problems.push(`${key} has expired`);
    }
    if (!Number.isInteger(leg.ratio) || leg.ratio <= 0) {
      problems.push(`leg ratio must be a whole number above 0 (got ${leg.ratio} for ${key})`);
    }
    legs.push({ instrument: inst, action: leg.action, ratio: leg.ratio });
  }
  const roots = [...new Set(legs.map((l) => l.instrument.symbol))];
  if (roots.length > 1)
    problems.push(`legs on different underlyings (${roots.join(', ')}) in one combo`);
  const keys = new Set(legs.map((l) => l.instrument.key));
  if (keys.size < legs.length) problems.push('the same instrument appears in two legs');

  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, legs };
}
