/**
 * The order ticket as the trader fills it in (pure). Fields stay as typed (text) until the ticket
 * is turned into an OrderTicket, so a half-typed "2." is not lost. Every change the trader makes
 * goes through editDraft, which also clears what the change made meaningless (a limit typed for
 * other strikes, strikes of another underlying).
 */
import type { Instrument } from '@shared/domain/instrument';
import type { Action } from '@shared/domain/orders';
import type { StrategyKind } from '@shared/domain/strategies';

/** The strategies, single stock / future legs, and the two kinds a position row opens. */
export type TicketKind = StrategyKind | 'stock' | 'future' | 'close' | 'roll';

export interface FixedLeg {
  instrument: Instrument;
  action: Action;
  ratio: number;
}

export interface TicketDraft {
  underlying: string;
  /** null: the nearest expiry the chain offers. */
  expiry: string | null;
  kind: TicketKind;
  right: 'C' | 'P';
  /** null: the strategy's own default (credit kinds SELL, debit kinds BUY). */
  side: Action | null;
  /** In the order STRATEGIES' `needs` lists them; for a roll, the new strike. */
  strikes: ReadonlyArray<number | null>;
  widthText: string;
  /** Calendar and roll: the later expiry. */
  farExpiry: string | null;
  quantityText: string;
  /** '' until a mid is known, then the tick-rounded mid (see fillDefaults). */
  limitText: string;
  tif: 'DAY' | 'GTC';
  execution: 'limit' | 'walk';
  worstText: string;
  /** null: the strategy's label. */
  tag: string | null;
  rationale: string;
  /** Close and roll: the position's own option (or shares), which the ticket does not rebuild. */
  fixed: FixedLeg | null;
}

export const UNDERLYINGS = ['SPX', 'SPY', 'QQQ', 'IWM', 'ES'] as const;

export function newDraft(underlying = 'SPX'): TicketDraft {
  return {
    underlying,
    expiry: null,
    kind: 'single',
    right: 'P',
    side: 'SELL',
    strikes: [],
    widthText: '',
    farExpiry: null,
    quantityText: '1',
    limitText: '',
    tif: 'DAY',
    execution: 'limit',
    worstText: '',
    tag: null,
    rationale: '',
    fixed: null,
  };
}

/** Fields that change the legs: a limit typed for the old legs means nothing for the new ones. */
const LEG_FIELDS: ReadonlyArray<keyof TicketDraft> = [
  'underlying',
  'expiry',
  'kind',
  'right',
  'side',
  'strikes',
  'widthText',
  'farExpiry',
  'fixed',
];

export function editDraft(d: TicketDraft, patch: Partial<TicketDraft>): TicketDraft {
  let next: TicketDraft = { ...d, ...patch };
  const changed = (k: keyof TicketDraft) => k in patch && patch[k] !== d[k];
  if (LEG_FIELDS.some(changed) && !('limitText' in patch)) {
    next = { ...next, limitText: '', worstText: '' };
  }
  if (changed('underlying')) {
    next = { ...next, expiry: null, farExpiry: null, strikes: [], widthText: '', fixed: null };
    if (next.kind === 'close' || next.kind === 'roll') next = { ...next, kind: 'single' };
  }
  if (changed('kind')) {
    next = { ...next, strikes: [], side: patch.side ?? null };
    if (next.kind === 'single' && next.side === null) next = { ...next, side: 'SELL' };
    if (d.kind === 'close' || d.kind === 'roll') next = { ...next, fixed: null };
  }
  if (changed('expiry') && next.farExpiry !== null && next.expiry !== null) {
    if (next.farExpiry <= next.expiry && next.kind !== 'roll') next = { ...next, farExpiry: null };
  }
  return next;
}

/** How many strikes a kind takes, and what each one is called in the form. */
export function strikeSlots(kind: TicketKind): string[] {
  switch (kind) {
    case 'iron-condor':
      return ['Short put', 'Short call'];
    case 'strangle':
      return ['Put strike', 'Call strike'];
    case 'vertical-credit':
    case 'vertical-debit':
      return ['Short strike'];
    case 'iron-fly':
    case 'butterfly':
      return ['Centre strike'];
    case 'roll':
      return ['New strike'];
    case 'stock':
    case 'future':
    case 'close':
      return [];
    default:
      return ['Strike'];
  }
}

export function needsWidth(kind: TicketKind): boolean {
  return ['vertical-credit', 'vertical-debit', 'iron-condor', 'iron-fly', 'butterfly'].includes(
    kind,
  );
}

/** Kinds where the trader chooses calls or puts. */
export function needsRight(kind: TicketKind): boolean {
  return ['single', 'vertical-credit', 'vertical-debit', 'butterfly', 'calendar'].includes(kind);
}

/** Kinds where the trader chooses buy or sell (the others have a default side they may flip). */
export function sideChoice(kind: TicketKind): boolean {
  return kind !== 'close' && kind !== 'roll';
}

export function needsFarExpiry(kind: TicketKind): boolean {
  return kind === 'calendar' || kind === 'roll';
}

/**
 * A click on a chain cell: the put side fills the put slot (or switches a one-strike kind to
 * puts), the call side the call slot. Null when the kind takes no strike.
 */
export function pickStrike(
  d: TicketDraft,
  strike: number,
  side: 'C' | 'P',
): Partial<TicketDraft> | null {
  const slots = strikeSlots(d.kind);
  if (slots.length === 0) return null;
  if (slots.length === 2) {
    const strikes = [...d.strikes];
    strikes[side === 'P' ? 0 : 1] = strike;
    return { strikes };
  }
  if (needsRight(d.kind)) return { strikes: [strike], right: side };
  return { strikes: [strike] };
}
