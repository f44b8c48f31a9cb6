/**
 * Builds the positions view the front ends display: one row per position with mark, P&L and
 * Greeks in trader units (with source and age), group totals per underlying, book totals.
 * Pure: same inputs, same view. Greeks with no valid source never enter a sum.
 */
import { daysToExpiry } from '@shared/domain/time';
import { isOption } from '@shared/domain/instrument';
import type { Quote } from '@shared/domain/market';
import type {
  PositionGreeks,
  PositionGroup,
  PositionRow,
  PositionTotals,
  PositionsView,
} from '@shared/domain/positions';
import type { BrokerPosition } from '../broker/port';
import type { ValidGreeks } from './option-model';

export interface StaleAfter {
  quoteMs: number;
  greeksMs: number;
}

export interface ViewInputs {
  positions: readonly BrokerPosition[];
  quote(key: string): Quote | undefined;
  greeks(key: string): ValidGreeks | undefined;
  /**
   * The risk engine's local-model Greeks (per share, broker units) by position id, used when the
   * broker's are missing or stale, so the table and the risk panel count the same positions.
   */
  localGreeks?(positionId: string): ValidGreeks | undefined;
  now: number;
  /** While the broker is not connected every value is stale, whatever its age. */
  connected: boolean;
  staleAfter: StaleAfter;
}

export function positionId(p: BrokerPosition): string {
  return `${p.account}|${p.instrument.key}`;
}

export function buildRow(p: BrokerPosition, v: ViewInputs): PositionRow {
  const inst = p.instrument;
  const mult = inst.multiplier;
  const q = v.quote(inst.key);
  const mark = q?.mark ?? null;
  const priceTime = q?.time ?? null;
  const priceStale = !v.connected || priceTime === null || v.now - priceTime > v.staleAfter.quoteMs;
  const underlyingKey = isOption(inst) ? (inst.underlyingKey ?? null) : inst.key;
  const underlyingPrice = underlyingKey ? (v.quote(underlyingKey)?.mark ?? null) : null;
  const pnl = mark === null ? null : (mark - p.avgPrice) * mult * p.quantity;
  // Futures carry no market value of their own: their open P&L is what they add to NLV.
  const marketValue =
    mark === null ? null : inst.secType === 'FUT' ? pnl : mark * mult * p.quantity;
  const g = greeksOf(p, v, priceTime);
  return {
    id: positionId(p),
    account: p.account,
    instrument: inst,
    underlying: inst.symbol,
    quantity: p.quantity,
    avgPrice: p.avgPrice,
    price: mark,
    priceTime,
    priceStale,
    underlyingPrice,
    dte: inst.expiry ? daysToExpiry(inst.expiry, v.now, inst.settlement) : null,
    marketValue,
    unrealizedPnl: pnl,
    ...g,
  };
}

type GreeksPart = Pick<
  PositionRow,
  'greeks' | 'greeksSource' | 'greeksTime' | 'greeksStale' | 'iv'
>;

function greeksOf(p: BrokerPosition, v: ViewInputs, priceTime: number | null): GreeksPart {
  const inst = p.instrument;
  const units = inst.multiplier * p.quantity;
  if (!isOption(inst)) {
    // Stock and futures: delta is the position itself (futures in index units), nothing else.
    return {
      greeks: { delta: units, gamma: 0, theta: 0, vega: 0 },
      greeksSource: 'local',
      greeksTime: priceTime,
      greeksStale: !v.connected,
      iv: null,
    };
  }
  const broker = v.greeks(inst.key);
  const brokerStale = !broker || v.now - broker.time > v.staleAfter.greeksMs;
  const local = brokerStale ? v.localGreeks?.(positionId(p)) : undefined;
  const g = local ?? broker;
  if (!g) {
    return { greeks: null, greeksSource: 'none', greeksTime: null, greeksStale: true, iv: null };
  }
  return {
    greeks: {
      delta: g.delta * units,
      gamma: g.gamma * units,
      theta: g.theta * units,
      vega: g.vega * units,
    },
    greeksSource: local ? 'local' : 'broker',
    greeksTime: g.time,
    greeksStale: !v.connected || v.now - g.time > v.staleAfter.greeksMs,
    iv: g.iv,
  };
}

export function totalsOf(rows: readonly PositionRow[]): PositionTotals {
  const greeks: PositionGreeks = { delta: 0, gamma: 0, theta: 0, vega: 0 };
  let marketValue = 0;
  let unrealizedPnl = 0;
  let greeksValid = 0;
  let stale = 0;
  for (const r of rows) {
    marketValue += r.marketValue ?? 0;
    unrealizedPnl += r.unrealizedPnl ?? 0;
    if (r.priceStale || r.greeksStale) stale++;
    if (!r.greeks) continue;
    greeksValid++;
    greeks.delta += r.greeks.delta;
    greeks.gamma += r.greeks.gamma;
    greeks.theta += r.greeks.theta;
    greeks.vega += r.greeks.vega;
  }
  return {
    positions: rows.length,
    marketValue,
    unrealizedPnl,
    greeks,
    greeksValid,
    greeksNeeded: rows.length,
    stale,
  };
}

const SEC_ORDER = { IND: 0, STK: 1, FUT: 2, OPT: 3, FOP: 3 } as const;

/** Underlying, then stock/futures before options, then expiry, right, strike. */
export function compareRows(a: PositionRow, b: PositionRow): number {
  const ia = a.instrument;
  const ib = b.instrument;
  return (
    a.underlying.localeCompare(b.underlying) ||
    SEC_ORDER[ia.secType] - SEC_ORDER[ib.secType] ||
    (ia.expiry ?? '').localeCompare(ib.expiry ?? '') ||
    (ia.right ?? '').localeCompare(ib.right ?? '') ||
    (ia.strike ?? 0) - (ib.strike ?? 0) ||
    a.id.localeCompare(b.id)
  );
}

export function groupsOf(rows: readonly PositionRow[]): PositionGroup[] {
  const byUnderlying = new Map<string, PositionRow[]>();
  for (const r of rows) {
    const list = byUnderlying.get(r.underlying);
    if (list) list.push(r);
    else byUnderlying.set(r.underlying, [r]);
  }
  return [...byUnderlying.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([underlying, list]) => ({
      underlying,
      underlyingPrice: list.find((r) => r.underlyingPrice !== null)?.underlyingPrice ?? null,
      totals: totalsOf(list),
    }));
}

export function buildPositionsView(v: ViewInputs): PositionsView {
  const rows = v.positions.map((p) => buildRow(p, v)).sort(compareRows);
  return { asOf: v.now, rows, groups: groupsOf(rows), totals: totalsOf(rows) };
}
