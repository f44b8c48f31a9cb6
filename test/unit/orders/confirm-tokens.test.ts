import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '@shared/domain/orders';
import { ConfirmTokens, orderHash } from '../../../src/main/orders/confirm-tokens';
import { FakeClock } from '../../fakes/fake-clock';
import { condor, orderOf, shortPut } from './gate-context';

interface Payload {
  order: OrderRequest;
  reviewId: string;
}

const TTL = 60_000;

function setup() {
  const clock = new FakeClock();
  const tokens = new ConfirmTokens<Payload>(clock);
  return { clock, tokens };
}

const payload = (reviewId = 'r1'): Payload => ({ order: orderOf(condor()), reviewId });

describe('order hash', () => {
  it('is the same for equal orders and differs when anything changes', () => {
    const a = orderOf(condor());
    expect(orderHash(orderOf(condor()))).toBe(orderHash(a));
    expect(orderHash({ ...a, limitPrice: 20.25 })).not.toBe(orderHash(a));
    expect(orderHash({ ...a, quantity: 3 })).not.toBe(orderHash(a));
    expect(orderHash(orderOf(shortPut()))).not.toBe(orderHash(a));
    expect(orderHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('confirmation tokens', () => {
  it('issues an unguessable token that expires after its time to live', () => {
    const { clock, tokens } = setup();
    const a = tokens.issue(payload(), TTL);
    const b = tokens.issue(payload(), TTL);
    expect(a.expiresAt).toBe(clock.now() + TTL);
    expect(a.token).not.toBe(b.token);
    // 24 random bytes in base64url
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('redeems once and returns the payload it was issued for', () => {
    const { tokens } = setup();
    const p = payload('review-7');
    const { token } = tokens.issue(p, TTL);
    const r = tokens.redeem(token);
    expect(r).toEqual({ ok: true, payload: p });
  });

  it('refuses a second use with TOKEN_USED', () => {
    const { tokens } = setup();
    const { token } = tokens.issue(payload(), TTL);
    expect(tokens.redeem(token).ok).toBe(true);
    expect(tokens.redeem(token)).toEqual({ ok: false, code: 'TOKEN_USED' });
    expect(tokens.redeem(token)).toEqual({ ok: false, code: 'TOKEN_USED' });
  });

  it('refuses a token it never issued with TOKEN_INVALID', () => {
    const { tokens } = setup();
    const { token } = tokens.issue(payload(), TTL);
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(tokens.redeem(forged)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    expect(tokens.redeem('')).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    // The real token is still good: a forgery does not spend it.
    expect(tokens.redeem(token).ok).toBe(true);
  });

  it('redeems up to the last millisecond and refuses with TOKEN_EXPIRED from expiry on', () => {
    const { clock, tokens } = setup();
    const early = tokens.issue(payload('early'), TTL);
    const late = tokens.issue(payload('late'), TTL);
    clock.advance(TTL - 1);
    expect(tokens.redeem(early.token).ok).toBe(true);
    clock.advance(1);
    expect(tokens.redeem(late.token)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('an expired token is not spent by the refusal: it stays expired, not used', () => {
    const { clock, tokens } = setup();
    const { token } = tokens.issue(payload(), TTL);
    clock.advance(TTL + 5_000);
    expect(tokens.redeem(token)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(tokens.redeem(token)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token whose order changed after review with TOKEN_INVALID', () => {
    const { tokens } = setup();
    const p = payload();
    const { token } = tokens.issue(p, TTL);
    p.order.limitPrice = 15; // not the order that was reviewed
    expect(tokens.redeem(token)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    p.order.limitPrice = 20.2; // the reviewed order again
    expect(tokens.redeem(token).ok).toBe(true);
  });

  it('refuses a token whose legs were swapped after review', () => {
    const { tokens } = setup();
    const p = payload();
    const { token } = tokens.issue(p, TTL);
    p.order.legs[0] = { ...p.order.legs[0]!, instrument: orderOf(shortPut()).legs[0]!.instrument };
    expect(tokens.redeem(token)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });

  it('binds each token to its own order', () => {
    const { tokens } = setup();
    const condorReview = tokens.issue(payload('condor'), TTL);
    const putReview = tokens.issue({ order: orderOf(shortPut()), reviewId: 'put' }, TTL);
    const r = tokens.redeem(putReview.token);
    expect(r.ok && r.payload.reviewId).toBe('put');
    const c = tokens.redeem(condorReview.token);
    expect(c.ok && c.payload.reviewId).toBe('condor');
  });

  it('forgets tokens ten minutes past expiry, and only those', () => {
    const { clock, tokens } = setup();
    const old = tokens.issue(payload('old'), TTL);
    clock.advance(TTL + 10 * 60_000);
    tokens.issue(payload('new'), TTL); // pruning happens on issue
    expect(tokens.size).toBe(2); // exactly 10 min past: kept
    expect(tokens.redeem(old.token)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    clock.advance(1);
    tokens.issue(payload('newer'), TTL);
    expect(tokens.size).toBe(2);
    expect(tokens.redeem(old.token)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });
});
