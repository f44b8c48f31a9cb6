/**
 * IB-like commissions per execution (one leg's fill): options $0.65/contract, stock
 * $0.005/share, each with a $1.00 minimum per execution; futures and futures options
 * $0.85/contract plus $1.40 exchange and regulatory fees, no minimum.
 */
import type { Instrument } from '@shared/domain/instrument';

export const COMMISSIONS = {
  optionPerContract: 0.65,
  stockPerShare: 0.005,
  minimum: 1,
  futurePerContract: 0.85,
  futureFees: 1.4,
} as const;

export function commissionFor(inst: Instrument, quantity: number): number {
  const q = Math.abs(quantity);
  if (q === 0) return 0;
  switch (inst.secType) {
    case 'OPT':
      return round2(Math.max(COMMISSIONS.minimum, q * COMMISSIONS.optionPerContract));
    case 'STK':
      return round2(Math.max(COMMISSIONS.minimum, q * COMMISSIONS.stockPerShare));
    case 'FUT':
    case 'FOP':
      return round2(q * (COMMISSIONS.futurePerContract + COMMISSIONS.futureFees));
    case 'IND':
      return 0;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
