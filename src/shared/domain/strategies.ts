/**
 * Strategy builders for the order ticket: the trader picks a kind and its anchor strikes, the
 * builder picks the legs from the chain. Legs come back in the form whose combo value is
 * positive (IB BAG convention: combo price = Σ ±ratio × leg price, BUY legs +), with the order
 * action SELL for credit strategies and BUY for debit ones, so the limit the trader types is
 * always a positive number: "SELL 1 iron condor at 2.50" receives 2.50.
 */
import type { ChainQuote, ChainView } from './chain';
import type { Instrument } from './instrument';
import { formatExpiry, formatStrike, isOption } from './instrument';
import type { Action } from './orders';

// Prices and ticks live in src/shared/math; the ticket imports them from here with the builders.
export { chainQuotes, comboMultiplier, comboPrice, legWeight, naturalAndMid } from '../math/combo';
export type { ComboLeg, LegQuote, QuoteSource } from '../math/combo';
export { ceilToTick, floorToTick, instrumentTick, optionTick, roundToTick } from '../math/ticks';

export type StrategyKind =
  | 'single'
  | 'vertical-credit'
  | 'vertical-debit'
  | 'iron-condor'
  | 'iron-fly'
  | 'strangle'
  | 'straddle'
  | 'butterfly'
  | 'covered-call'
  | 'cash-secured-put'
  | 'calendar';

export interface StrategyInfo {
  kind: StrategyKind;
  label: string;
  legs: number;
  /** What the trader must choose, in plain words (strikes in the order `strikes` takes them). */
  needs: string;
}

/** For the picker, in the order it lists them. */
export const STRATEGIES: ReadonlyArray<StrategyInfo> = [
  {
    kind: 'single',
    label: 'Single option',
    legs: 1,
    needs: 'calls or puts, buy or sell, a strike',
  },
  {
    kind: 'vertical-credit',
    label: 'Credit spread',
    legs: 2,
    needs: 'calls or puts, the short strike, the width (the long wing is further out of the money)',
  },
  {
    kind: 'vertical-debit',
    label: 'Debit spread',
    legs: 2,
    needs: 'calls or puts, the short strike, the width (the long leg is further in the money)',
  },
  {
    kind: 'iron-condor',
    label: 'Iron condor',
    legs: 4,
    needs: 'the short put strike, the short call strike, the wing width',
  },
  { kind: 'iron-fly', label: 'Iron fly', legs: 4, needs: 'the centre strike, the wing width' },
  { kind: 'strangle', label: 'Strangle', legs: 2, needs: 'the put strike, the call strike' },
  { kind: 'straddle', label: 'Straddle', legs: 2, needs: 'one strike' },
  {
    kind: 'butterfly',
    label: 'Butterfly',
    legs: 3,
    needs: 'calls or puts, the centre strike, the wing width',
  },
  { kind: 'covered-call', label: 'Covered call (buy-write)', legs: 2, needs: 'the call strike' },
  { kind: 'cash-secured-put', label: 'Cash-secured put', legs: 1, needs: 'the put strike' },
  {
    kind: 'calendar',
    label: 'Calendar',
    legs: 2,
    needs: 'calls or puts, one strike, a far expiry',
  },
];

export interface StrategyParams {
  kind: StrategyKind;
  right?: 'C' | 'P';
  /** The order's action; each kind has a default (credit kinds SELL, debit kinds BUY). */
  side?: 'BUY' | 'SELL';
  /** Anchor strike(s) chosen by the trader, in the order STRATEGIES' `needs` lists them. */
  strikes: number[];
  width?: number;
  /** The far leg's expiry for a calendar; must match farChain's expiry when given. */
  farExpiry?: string;
}

export interface StrategyLeg {
  instrument: Instrument;
  action: Action;
  ratio: number;
}

export interface BuiltStrategy {
  action: Action;
  legs: StrategyLeg[];
  label: string;
  /** Why the strategy could not be built; when non-empty, `legs` is empty. */
  problems: string[];
  /** Things the trader should know that do not stop the order. */
  notes: string[];
}

/** A leg before it is looked up: which chain, strike and right, and how it enters the combo. */
interface LegSpec {
  chain: 'near' | 'far';
  right: 'C' | 'P';
  strike: number;
  action: Action;
  ratio: number;
}

interface Plan {
  action: Action;
  specs: LegSpec[];
  /** The strikes part of the label, e.g. "5750/5800 put credit spread". */
  name: string;
  problems: string[];
  notes: string[];
}

const DEFAULT_ACTION: Record<StrategyKind, Action | null> = {
  single: null,
  'vertical-credit': 'SELL',
  'vertical-debit': 'BUY',
  'iron-condor': 'SELL',
  'iron-fly': 'SELL',
  strangle: 'SELL',
  straddle: 'SELL',
  butterfly: 'BUY',
  'covered-call': 'BUY',
  'cash-secured-put': 'SELL',
  calendar: 'BUY',
};

const STRIKE_TOLERANCE = 1e-6;

export function buildStrategy(
  chain: ChainView,
  params: StrategyParams,
  farChain?: ChainView,
  underlying?: Instrument,
): BuiltStrategy {
  const plan = planLegs(params);
  const problems = [...plan.problems];
  const notes = [...plan.notes];
  const legs: StrategyLeg[] = [];
  let far: ChainView | undefined;
  if (params.kind === 'calendar') {
    far = farChain;
    problems.push(...calendarProblems(chain, params, farChain));
  }
  if (params.kind === 'covered-call' && problems.length === 0) {
    const stock = underlyingLeg(chain, underlying ?? chain.underlyingInstrument);
    if (typeof stock === 'string') problems.push(stock);
    else legs.push(stock);
  }
  if (problems.length === 0) {
    for (const s of plan.specs) {
      const from = s.chain === 'far' ? far : chain;
      const quote = from ? findQuote(from, s.strike, s.right) : null;
      if (!quote || !from) {
        problems.push(
          `There is no ${formatStrike(s.strike)} ${s.right === 'C' ? 'call' : 'put'} in the ${from ? formatExpiry(from.expiry) : 'far'} chain.`,
        );
      } else legs.push({ instrument: quote.instrument, action: s.action, ratio: s.ratio });
    }
  }
  const expiries =
    params.kind === 'calendar' && far
      ? `${formatExpiry(chain.expiry)}/${formatExpiry(far.expiry)}`
      : formatExpiry(chain.expiry);
  return {
    action: plan.action,
    legs: problems.length === 0 ? legs : [],
    label: `${chain.underlying} ${expiries} ${plan.name}`.trim(),
    problems,
    notes,
  };
}

/** The quote for one strike and right, or null when the chain does not list it. */
export function findQuote(chain: ChainView, strike: number, right: 'C' | 'P'): ChainQuote | null {
  const row = chain.rows.find((r) => Math.abs(r.strike - strike) < STRIKE_TOLERANCE);
  return (right === 'C' ? row?.call : row?.put) ?? null;
}

/** The listed strike nearest the underlying's price (a starting point for ATM strategies). */
export function atmStrike(chain: ChainView): number | null {
  const px = chain.underlyingPrice;
  if (px === null || chain.rows.length === 0) return null;
  let best = chain.rows[0]!.strike;
  for (const r of chain.rows) if (Math.abs(r.strike - px) < Math.abs(best - px)) best = r.strike;
  return best;
}

function planLegs(p: StrategyParams): Plan {
  const problems: string[] = [];
  const notes: string[] = [];
  const action = p.side ?? DEFAULT_ACTION[p.kind];
  if (!action) problems.push('Choose buy or sell.');
  const strikes = takeStrikes(p, problems);
  const width = needsWidth(p.kind) ? takeWidth(p.width, problems) : 0;
  const right = needsRight(p.kind) ? takeRight(p.right, problems) : 'C';
  const plan = (name: string, specs: LegSpec[]): Plan => ({
    action: action ?? 'BUY',
    specs: problems.length === 0 ? specs : [],
    name,
    problems,
    notes,
  });
  const [a = 0, b = 0] = strikes;
  const rightWord = right === 'C' ? 'call' : 'put';
  const leg = (r: 'C' | 'P', strike: number, act: Action, ratio = 1): LegSpec => ({
    chain: 'near',
    right: r,
    strike,
    action: act,
    ratio,
  });
  const s = formatStrike;
  switch (p.kind) {
    case 'single':
      return plan(`${s(a)} ${rightWord}`, [leg(right, a, 'BUY')]);
    case 'vertical-credit': {
      // The short strike is worth more than its wing: BUY it for a positive combo, SELL the order.
      const wing = right === 'P' ? a - width : a + width;
      checkPositive(wing, problems);
      return plan(`${s(a)}/${s(wing)} ${rightWord} credit spread`, [
        leg(right, a, 'BUY'),
        leg(right, wing, 'SELL'),
      ]);
    }
    case 'vertical-debit': {
      const long = right === 'P' ? a + width : a - width;
      checkPositive(long, problems);
      return plan(`${s(long)}/${s(a)} ${rightWord} debit spread`, [
        leg(right, long, 'BUY'),
        leg(right, a, 'SELL'),
      ]);
    }
    case 'iron-condor':
      if (problems.length === 0 && !(a < b))
        problems.push('The short put strike must be below the short call strike.');
      checkPositive(a - width, problems);
      return plan(`${s(a - width)}/${s(a)}/${s(b)}/${s(b + width)} iron condor`, [
        leg('P', a, 'BUY'),
        leg('P', a - width, 'SELL'),
        leg('C', b, 'BUY'),
        leg('C', b + width, 'SELL'),
      ]);
    case 'iron-fly':
      checkPositive(a - width, problems);
      return plan(`${s(a - width)}/${s(a)}/${s(a + width)} iron fly`, [
        leg('P', a, 'BUY'),
        leg('P', a - width, 'SELL'),
        leg('C', a, 'BUY'),
        leg('C', a + width, 'SELL'),
      ]);
    case 'strangle':
      if (problems.length === 0 && !(a < b))
        problems.push('The put strike must be below the call strike.');
      return plan(`${s(a)}/${s(b)} strangle`, [leg('P', a, 'BUY'), leg('C', b, 'BUY')]);
    case 'straddle':
      return plan(`${s(a)} straddle`, [leg('P', a, 'BUY'), leg('C', a, 'BUY')]);
    case 'butterfly':
      // Wings bought, the body sold twice: convexity makes this combo worth more than zero.
      checkPositive(a - width, problems);
      return plan(`${s(a - width)}/${s(a)}/${s(a + width)} ${rightWord} butterfly`, [
        leg(right, a - width, 'BUY'),
        leg(right, a, 'SELL', 2),
        leg(right, a + width, 'BUY'),
      ]);
    case 'covered-call':
      notes.push(
        'The shares (or future) are bought in the same order. To write a call against shares you already hold, sell a single call instead.',
      );
      return plan(`${s(a)} covered call`, [leg('C', a, 'SELL')]);
    case 'cash-secured-put':
      notes.push(
        'Cash secured is an account matter: the order is a plain short put; keep strike × multiplier in cash per contract.',
      );
      return plan(`${s(a)} cash-secured put`, [leg('P', a, 'BUY')]);
    case 'calendar':
      // The far month is worth more: BUY it for a positive combo (a long calendar is a debit).
      return plan(`${s(a)} ${rightWord} calendar`, [
        { ...leg(right, a, 'BUY'), chain: 'far' },
        leg(right, a, 'SELL'),
      ]);
  }
}

const STRIKE_COUNT: Record<StrategyKind, number> = {
  single: 1,
  'vertical-credit': 1,
  'vertical-debit': 1,
  'iron-condor': 2,
  'iron-fly': 1,
  strangle: 2,
  straddle: 1,
  butterfly: 1,
  'covered-call': 1,
  'cash-secured-put': 1,
  calendar: 1,
};

function takeStrikes(p: StrategyParams, problems: string[]): number[] {
  const n = STRIKE_COUNT[p.kind];
  const strikes = p.strikes.slice(0, n);
  if (strikes.length < n || strikes.some((k) => !(Number.isFinite(k) && k > 0))) {
    const info = STRATEGIES.find((x) => x.kind === p.kind);
    problems.push(`Choose ${n === 1 ? 'a strike' : `${n} strikes`}: ${info?.needs ?? ''}.`);
  }
  return strikes;
}

function needsWidth(kind: StrategyKind): boolean {
  return (
    kind === 'vertical-credit' ||
    kind === 'vertical-debit' ||
    kind === 'iron-condor' ||
    kind === 'iron-fly' ||
    kind === 'butterfly'
  );
}

function takeWidth(width: number | undefined, problems: string[]): number {
  if (width === undefined || !(Number.isFinite(width) && width > 0)) {
    problems.push('Choose a width above zero.');
    return 0;
  }
  return width;
}

function needsRight(kind: StrategyKind): boolean {
  return (
    kind === 'single' ||
    kind === 'vertical-credit' ||
    kind === 'vertical-debit' ||
    kind === 'butterfly' ||
    kind === 'calendar'
  );
}

function takeRight(right: 'C' | 'P' | undefined, problems: string[]): 'C' | 'P' {
  if (!right) problems.push('Choose calls or puts.');
  return right ?? 'C';
}

function checkPositive(strike: number, problems: string[]): void {
  if (!(strike > 0) && problems.length === 0)
    problems.push('The width takes a strike below zero: choose a smaller width.');
}

function calendarProblems(near: ChainView, p: StrategyParams, far?: ChainView): string[] {
  if (!far) return ['Choose a far expiry for the calendar.'];
  if (p.farExpiry !== undefined && far.expiry !== p.farExpiry)
    return [`The far chain is for ${formatExpiry(far.expiry)}, not ${formatExpiry(p.farExpiry)}.`];
  if (far.expiry <= near.expiry) return ['The far expiry must be later than the near one.'];
  if (far.underlying !== near.underlying)
    return ['Both expiries of a calendar must be on the same underlying.'];
  return [];
}

/**
 * The stock (or future) leg of a covered call. IB combos count the stock leg in shares: 100
 * shares against one 100-multiplier option is ratio 100 for the stock and 1 for the option; an
 * ES future against one ES option is 1 and 1.
 */
function underlyingLeg(chain: ChainView, u: Instrument): StrategyLeg | string {
  if (isOption(u) || u.secType === 'IND')
    return `${u.symbol} is an index: a covered call needs shares or a future to hold.`;
  const ratio = chain.multiplier / u.multiplier;
  if (!Number.isInteger(ratio) || ratio < 1 || ratio > 100)
    return `One option covers ${chain.multiplier} units; that is not a whole number of ${u.symbol} (multiplier ${u.multiplier}).`;
  return { instrument: u, action: 'BUY', ratio };
}
