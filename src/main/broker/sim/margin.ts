/**
 * The simulator's margin model: a documented simplification of Reg-T option rules plus a
 * SPAN-like proxy for futures (formulas in docs/simulator.md). Pure: positions and prices in,
 * requirements in dollars out. Option init margin equals maintenance.
 */
import type { Instrument } from '@shared/domain/instrument';

export interface MarginLine {
  instrument: Instrument;
  /** Signed: negative is short. */
  quantity: number;
  /** Mark per share/unit (option premium per share). */
  price: number;
  /** Options: the underlying's price (the future for FOPs). Stock and futures: their own. */
  underlyingPrice: number;
}

export interface MarginRequirement {
  init: number;
  maint: number;
}

export const MARGIN_RULES = {
  longStockInit: 0.5,
  longStockMaint: 0.25,
  /** Short stock: beyond the sale proceeds (Reg-T 150 % / 130 % including them). */
  shortStockInit: 0.5,
  shortStockMaint: 0.3,
  equityOptionPct: 0.2,
  indexOptionPct: 0.15,
  minOptionPct: 0.1,
  futureMaintPct: 0.06,
  futureInitFactor: 1.1,
  fopRiskShare: 0.5,
  fopMinShare: 0.1,
} as const;

const R = MARGIN_RULES;

function otmAmount(inst: Instrument, u: number): number {
  const k = inst.strike ?? 0;
  return Math.max(0, inst.right === 'C' ? k - u : u - k);
}

/** Maintenance for one short future of this instrument's underlying at price f. */
export function futureMaint(f: number, multiplier: number): number {
  return R.futureMaintPct * f * multiplier;
}

/** Requirement for one naked short option contract, premium included, in dollars. */
export function nakedOptionRequirement(inst: Instrument, price: number, u: number): number {
  const m = inst.multiplier;
  const otm = otmAmount(inst, u);
  if (inst.secType === 'FOP') {
    const fm = futureMaint(u, m);
    return price * m + Math.max(R.fopRiskShare * fm - otm * m, R.fopMinShare * fm);
  }
  const pct = inst.underlyingKey?.startsWith('IND:') ? R.indexOptionPct : R.equityOptionPct;
  const floorBase = inst.right === 'C' ? u : (inst.strike ?? 0);
  return (price + Math.max(pct * u - otm, R.minOptionPct * floorBase)) * m;
}

/** Requirement units: `qty` contracts each needing `req`, with `prem` premium (for pairing). */
interface Unit {
  req: number;
  prem: number;
  qty: number;
}

interface Lot {
  line: MarginLine;
  strike: number;
  qty: number;
}

/** Pairs shorts with longs of one underlying/expiry/right into spreads; the rest is naked. */
function sideUnits(shorts: Lot[], longs: Lot[], isCall: boolean): Unit[] {
  const units: Unit[] = [];
  // Riskiest shorts first: highest put strikes, lowest call strikes.
  shorts.sort((a, b) => (isCall ? a.strike - b.strike : b.strike - a.strike));
  for (const s of shorts) {
    const { instrument: inst, price, underlyingPrice } = s.line;
    const naked = nakedOptionRequirement(inst, price, underlyingPrice);
    while (s.qty > 0) {
      const hedge = bestHedge(s.strike, longs, isCall);
      if (!hedge) {
        units.push({ req: naked, prem: price * inst.multiplier, qty: s.qty });
        break;
      }
      const n = Math.min(s.qty, hedge.qty);
      const width = isCall ? hedge.strike - s.strike : s.strike - hedge.strike;
      // A long at or inside the short strike is a debit spread: nothing more can be lost.
      const spreadReq = Math.max(0, width) * inst.multiplier;
      units.push(
        spreadReq < naked
          ? { req: spreadReq, prem: 0, qty: n }
          : { req: naked, prem: price * inst.multiplier, qty: n },
      );
      s.qty -= n;
      hedge.qty -= n;
    }
  }
  return units;
}

/** Prefer a debit-spread long (closest inside the short), else the nearest further-OTM long. */
function bestHedge(strike: number, longs: Lot[], isCall: boolean): Lot | undefined {
  let inside: Lot | undefined;
  let outside: Lot | undefined;
  for (const l of longs) {
    if (l.qty <= 0) continue;
    const beyond = isCall ? l.strike > strike : l.strike < strike;
    if (!beyond) {
      if (!inside || Math.abs(l.strike - strike) < Math.abs(inside.strike - strike)) inside = l;
    } else if (!outside || Math.abs(l.strike - strike) < Math.abs(outside.strike - strike)) {
      outside = l;
    }
  }
  return inside ?? outside;
}

/**
 * Strangles and condors: each put unit pairs with a call unit of the same expiry (largest
 * first); a pair needs the greater requirement plus the premium of the other side (zero for
 * a spread, whose loss is already capped). Unpaired units need their own requirement.
 */
function combineSides(puts: Unit[], calls: Unit[]): number {
  puts.sort((a, b) => b.req - a.req);
  calls.sort((a, b) => b.req - a.req);
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < puts.length && j < calls.length) {
    const p = puts[i]!;
    const c = calls[j]!;
    const n = Math.min(p.qty, c.qty);
    total += n * (p.req >= c.req ? p.req + c.prem : c.req + p.prem);
    p.qty -= n;
    c.qty -= n;
    if (p.qty === 0) i++;
    if (c.qty === 0) j++;
  }
  for (const u of [...puts.slice(i), ...calls.slice(j)]) total += u.qty * u.req;
  return total;
}

export function marginRequirement(lines: readonly MarginLine[]): MarginRequirement {
  let init = 0;
  let maint = 0;
  const shares = new Map<string, number>();
  const optionGroups = new Map<string, { shorts: Lot[]; longs: Lot[] }>();

  for (const line of lines) {
    const { instrument: inst, quantity: q, price } = line;
    if (q === 0) continue;
    if (inst.secType === 'STK') {
      const value = Math.abs(q) * price * inst.multiplier;
      init += value * (q > 0 ? R.longStockInit : R.shortStockInit);
      maint += value * (q > 0 ? R.longStockMaint : R.shortStockMaint);
      if (q > 0) shares.set(inst.key, q);
    } else if (inst.secType === 'FUT') {
      const m = Math.abs(q) * futureMaint(price, inst.multiplier);
      maint += m;
      init += m * R.futureInitFactor;
    } else if (inst.secType === 'OPT' || inst.secType === 'FOP') {
      const group = `${inst.underlyingKey ?? inst.symbol}|${inst.expiry ?? ''}|${inst.right ?? ''}`;
      let g = optionGroups.get(group);
      if (!g) optionGroups.set(group, (g = { shorts: [], longs: [] }));
      const lot = { line, strike: inst.strike ?? 0, qty: Math.abs(q) };
      (q < 0 ? g.shorts : g.longs).push(lot);
    }
  }

  coverCalls(optionGroups, shares);

  const byExpiry = new Map<string, { puts: Unit[]; calls: Unit[] }>();
  for (const [group, g] of optionGroups) {
    const isCall = group.endsWith('|C');
    const units = sideUnits(g.shorts, g.longs, isCall);
    const expiryKey = group.slice(0, group.lastIndexOf('|'));
    let e = byExpiry.get(expiryKey);
    if (!e) byExpiry.set(expiryKey, (e = { puts: [], calls: [] }));
    (isCall ? e.calls : e.puts).push(...units);
  }
  let options = 0;
  for (const e of byExpiry.values()) options += combineSides(e.puts, e.calls);
  return { init: init + options, maint: maint + options };
}

/** Short calls covered by 100 long shares each need nothing; lowest strikes are covered first. */
function coverCalls(
  groups: Map<string, { shorts: Lot[]; longs: Lot[] }>,
  shares: Map<string, number>,
): void {
  const calls = [...groups.entries()]
    .filter(([k]) => k.endsWith('|C'))
    .flatMap(([, g]) => g.shorts)
    .filter((l) => shares.has(l.line.instrument.underlyingKey ?? ''))
    .sort((a, b) => a.strike - b.strike);
  for (const lot of calls) {
    const key = lot.line.instrument.underlyingKey ?? '';
    const perContract = lot.line.instrument.multiplier;
    const free = Math.floor((shares.get(key) ?? 0) / perContract);
    const n = Math.min(free, lot.qty);
    lot.qty -= n;
    shares.set(key, (shares.get(key) ?? 0) - n * perContract);
  }
}
