/**
 * Positions and cash. Stock and option trades move premium through cash (price × multiplier ×
 * quantity); futures move only their P&L, realised into cash when a position is reduced.
 * Adding to a position averages its price; reducing realises P&L against the average; crossing
 * zero opens the remainder at the fill price; a position at zero is removed.
 */
import type { Instrument } from '@shared/domain/instrument';

export interface LedgerPosition {
  instrument: Instrument;
  quantity: number;
  avgPrice: number;
}

export class Ledger {
  cash: number;
  private readonly book = new Map<string, LedgerPosition>();
  private list: LedgerPosition[] | null = null;

  constructor(cash: number, positions: readonly LedgerPosition[] = []) {
    this.cash = cash;
    for (const p of positions) this.book.set(p.instrument.key, { ...p });
  }

  /** Positions in a stable order (insertion); the array is rebuilt only after a change. */
  positions(): readonly LedgerPosition[] {
    this.list ??= [...this.book.values()].map((p) => ({ ...p }));
    return this.list;
  }

  get(key: string): LedgerPosition | undefined {
    return this.book.get(key);
  }

  /**
   * Books one execution of `quantity` (signed: + bought, − sold) at `price` per share/unit.
   * Returns the realised P&L of the part that closed (before commission), or null if none.
   */
  apply(inst: Instrument, quantity: number, price: number, commission: number): number | null {
    this.list = null;
    const m = inst.multiplier;
    const isFuture = inst.secType === 'FUT';
    if (!isFuture) this.cash -= quantity * price * m;
    this.cash -= commission;

    const pos = this.book.get(inst.key);
    if (!pos || pos.quantity === 0) {
      this.book.set(inst.key, { instrument: inst, quantity, avgPrice: price });
      return null;
    }
    if (Math.sign(pos.quantity) === Math.sign(quantity)) {
      const total = pos.quantity + quantity;
      pos.avgPrice = (pos.quantity * pos.avgPrice + quantity * price) / total;
      pos.quantity = total;
      return null;
    }
    const closed = Math.min(Math.abs(pos.quantity), Math.abs(quantity));
    const realized = closed * (price - pos.avgPrice) * Math.sign(pos.quantity) * m;
    if (isFuture) this.cash += realized;
    const remaining = pos.quantity + quantity;
    if (remaining === 0) this.book.delete(inst.key);
    else if (Math.sign(remaining) !== Math.sign(pos.quantity)) {
      pos.quantity = remaining;
      pos.avgPrice = price;
    } else pos.quantity = remaining;
    return realized;
  }
}
