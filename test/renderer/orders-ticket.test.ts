import { describe, expect, it } from 'vitest';
import type { PositionRow } from '@shared/domain/positions';
import { closeDraft, rollDraft } from '../../src/renderer/src/features/orders/ticket-actions';
import {
  editDraft,
  newDraft,
  pickStrike,
  type TicketDraft,
} from '../../src/renderer/src/features/orders/ticket-draft';
import {
  deriveLegs,
  quoteBook,
  ticketPrices,
} from '../../src/renderer/src/features/orders/ticket-legs';
import {
  editTicket,
  openTicketState,
  sendState,
  toOrderTicket,
  withChains,
  withReview,
  type TicketState,
} from '../../src/renderer/src/features/orders/ticket-state';
import { row } from './fixtures';
import { EXPIRY, FAR, NOW, option, review, spxChain } from './orders-fixtures';

const STALE_MS = 10_000;
const book = (t: TicketState) => quoteBook([t.chain, t.farChain], {}, NOW, STALE_MS);

function condorTicket(over: Partial<TicketDraft> = {}): TicketState {
  const draft = { ...newDraft('SPX'), kind: 'iron-condor' as const, side: null, ...over };
  return withChains(openTicketState(draft), { near: spxChain() }, book);
}

describe('ticket draft → OrderTicket', () => {
  it('builds an iron condor from the chain with defaults: strikes near 16 delta, width, mid', () => {
    const t = condorTicket();
    expect(t.draft.expiry).toBe(EXPIRY);
    expect(['125', '100', '75', '50', '25']).toContain(t.draft.widthText);
    const [put, call] = t.draft.strikes;
    expect(put).toBeLessThan(5800);
    expect(call).toBeGreaterThan(5800);
    const derived = deriveLegs(t.draft, t.chain, t.farChain);
    expect(derived.problems).toEqual([]);
    expect(derived.action).toBe('SELL');
    expect(derived.legs).toHaveLength(4);
    const px = ticketPrices(derived.legs, derived.action, book(t));
    expect(px.mid).not.toBeNull();
    expect(Number(t.draft.limitText)).toBeCloseTo(px.mid!, 1);
    const result = toOrderTicket(t.draft, derived);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ticket).toMatchObject({
      action: 'SELL',
      quantity: 1,
      orderType: 'LMT',
      tif: 'DAY',
      execution: { kind: 'limit' },
    });
    expect(result.ticket.strategy).toMatch(/iron condor/);
    expect(result.ticket.legs.map((l) => l.action)).toEqual(['BUY', 'SELL', 'BUY', 'SELL']);
    expect(result.ticket).not.toHaveProperty('sendAgain');
  });

  it('lists every reason a draft is not an order yet', () => {
    const t = condorTicket({ quantityText: '0' });
    const d = { ...t.draft, limitText: '', execution: 'walk' as const, worstText: '' };
    const r = toOrderTicket(d, deriveLegs(d, t.chain, null));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join(' ')).toMatch(/Quantity/);
    expect(r.problems.join(' ')).toMatch(/Limit price/);
    expect(r.problems.join(' ')).toMatch(/Worst price/);
  });

  it('carries the walk, the tag, the rationale and send-again', () => {
    const t = condorTicket();
    const d = editDraft(t.draft, {
      execution: 'walk',
      worstText: '1.80',
      tag: 'weekly condor',
      rationale: '  IV rank 60  ',
    });
    const r = toOrderTicket(d, deriveLegs(d, t.chain, null), { sendAgain: true });
    expect(r.ok && r.ticket).toMatchObject({
      execution: { kind: 'walk', worstPrice: 1.8 },
      strategy: 'weekly condor',
      rationale: 'IV rank 60',
      sendAgain: true,
    });
  });

  it('changing the strikes drops the limit typed for the old ones; quantity keeps it', () => {
    const d = editDraft({ ...newDraft(), limitText: '2.50' }, { quantityText: '3' });
    expect(d.limitText).toBe('2.50');
    expect(editDraft(d, { strikes: [5700] }).limitText).toBe('');
    expect(editDraft(d, { underlying: 'SPY' })).toMatchObject({ strikes: [], expiry: null });
  });

  it('a chain click fills the put or call slot, or switches a one-strike kind to that side', () => {
    const condor = { ...newDraft(), kind: 'iron-condor' as const, strikes: [5700, 5900] };
    expect(pickStrike(condor, 5950, 'C')).toEqual({ strikes: [5700, 5950] });
    expect(pickStrike(condor, 5650, 'P')).toEqual({ strikes: [5650, 5900] });
    expect(pickStrike(newDraft(), 5850, 'C')).toEqual({ strikes: [5850], right: 'C' });
    expect(pickStrike({ ...newDraft(), kind: 'stock' }, 5850, 'C')).toBeNull();
  });

  it('shares and futures need an underlying that is one; SPX is an index', () => {
    const d = { ...newDraft(), kind: 'stock' as const, side: 'BUY' as const };
    expect(deriveLegs(d, spxChain(), null).problems[0]).toMatch(/not shares/);
  });
});

describe('close and roll from a position', () => {
  const short: PositionRow = row('5700', {
    instrument: option('P', 5700),
    quantity: -3,
  });

  it('close is the opposite single leg for the whole quantity', () => {
    const d = closeDraft(short);
    expect(d).toMatchObject({ kind: 'close', quantityText: '3', expiry: EXPIRY });
    const derived = deriveLegs(d, spxChain(), null);
    expect(derived.action).toBe('BUY');
    expect(derived.legs).toEqual([{ instrument: option('P', 5700), action: 'BUY', ratio: 1 }]);
    const t = withChains(openTicketState(d), { near: spxChain() }, book);
    expect(t.draft.limitText).not.toBe('');
  });

  it('closing a long sells it: SELL with the leg bought, priced positive at the mid', () => {
    const long: PositionRow = row('5700', { instrument: option('P', 5700), quantity: 2 });
    const d = closeDraft(long);
    const derived = deriveLegs(d, spxChain(), null);
    expect(derived.action).toBe('SELL');
    // A SELL leg would flip the side again in IB's convention: the close would buy.
    expect(derived.legs).toEqual([{ instrument: option('P', 5700), action: 'BUY', ratio: 1 }]);
    const t = withChains(openTicketState(d), { near: spxChain() }, book);
    expect(Number(t.draft.limitText)).toBeGreaterThan(0);
  });

  it('roll sells the calendar of a short option: buy back this one, sell the next expiry', () => {
    const d = rollDraft(short)!;
    let t = withChains(openTicketState(d), { near: spxChain() }, book);
    expect(t.draft.farExpiry).toBe(FAR);
    t = withChains(t, { far: spxChain({ expiry: FAR }) }, book);
    const derived = deriveLegs(t.draft, t.chain, t.farChain);
    expect(derived.problems).toEqual([]);
    expect(derived.action).toBe('SELL');
    expect(derived.legs.map((l) => [l.instrument.key, l.action])).toEqual([
      [option('P', 5700, FAR).key, 'BUY'],
      [option('P', 5700).key, 'SELL'],
    ]);
    // A diagonal: the trader moves the new strike.
    const moved = editTicket(t, { strikes: [5650] });
    expect(deriveLegs(moved.draft, moved.chain, moved.farChain).legs[0]?.instrument.strike).toBe(
      5650,
    );
  });

  it('stock positions have no roll', () => {
    expect(rollDraft(row('x', { instrument: { ...option('P', 1), secType: 'STK' } }))).toBeNull();
  });
});

describe('stale quotes', () => {
  it('count as missing: no mid, no default limit', () => {
    const old = spxChain({ time: NOW - 60_000 });
    const d = { ...newDraft(), strikes: [5700] };
    const t = withChains(openTicketState(d), { near: old }, book);
    expect(t.draft.limitText).toBe('');
    const derived = deriveLegs(t.draft, t.chain, null);
    expect(ticketPrices(derived.legs, derived.action, book(t)).mid).toBeNull();
  });
});

describe('Send enablement', () => {
  const reviewed = () => {
    const t = condorTicket();
    return withReview(t, review(), t.edits);
  };

  it('is enabled for an allowed review of this exact draft, with a countdown', () => {
    const s = sendState(reviewed(), NOW + 15_000);
    expect(s).toEqual({ enabled: true, why: null, secondsLeft: 45 });
  });

  it('is disabled before any review', () => {
    expect(sendState(condorTicket(), NOW).enabled).toBe(false);
  });

  it('any edit invalidates the review', () => {
    const t = editTicket(reviewed(), { quantityText: '2' });
    const s = sendState(t, NOW);
    expect(s.enabled).toBe(false);
    expect(s.why).toMatch(/Simulate again/);
  });

  it('new quotes do not invalidate it (the limit stays as reviewed)', () => {
    const t = withChains(reviewed(), { near: spxChain({ time: NOW + 1_000 }) }, book);
    expect(sendState(t, NOW + 1_000).enabled).toBe(true);
  });

  it('is disabled once the token expired', () => {
    expect(sendState(reviewed(), NOW + 60_000)).toMatchObject({ enabled: false });
    expect(sendState(reviewed(), NOW + 60_000).why).toMatch(/expired/);
  });

  it('is disabled for a denied review, a review without a token, a used token, and while busy', () => {
    const t = condorTicket();
    const denied = withReview(t, review({ decision: 'denied', confirmToken: null }), t.edits);
    expect(sendState(denied, NOW).enabled).toBe(false);
    const noToken = withReview(t, review({ confirmToken: null }), t.edits);
    expect(sendState(noToken, NOW).enabled).toBe(false);
    expect(sendState({ ...reviewed(), tokenSpent: true }, NOW).enabled).toBe(false);
    expect(sendState({ ...reviewed(), busy: 'send' }, NOW).enabled).toBe(false);
  });

  it('is enabled for a warned review', () => {
    const t = condorTicket();
    const warned = withReview(t, review({ decision: 'warned' }), t.edits);
    expect(sendState(warned, NOW).enabled).toBe(true);
  });
});
