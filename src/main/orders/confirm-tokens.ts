/**
 * Single-use confirmation tokens: the core, not the screen, decides that an order was reviewed.
 * A token is 192 random bits bound to exactly one reviewed order (its canonical JSON hashed at
 * issue and checked again at redeem), valid for a short time, and spent on first use.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { OrderRequest } from '@shared/domain/orders';
import type { Timers } from '@shared/util/timers';

export type RedeemFailure = 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_USED';

interface Entry<T> {
  payload: T;
  hash: string;
  expiresAt: number;
  usedAt: number | null;
}

export function orderHash(order: OrderRequest): string {
  return createHash('sha256').update(JSON.stringify(order)).digest('hex');
}

export class ConfirmTokens<T extends { order: OrderRequest }> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly clock: Pick<Timers, 'now'>) {}

  issue(payload: T, ttlMs: number): { token: string; expiresAt: number } {
    this.prune();
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.clock.now() + ttlMs;
    this.entries.set(token, { payload, hash: orderHash(payload.order), expiresAt, usedAt: null });
    return { token, expiresAt };
  }

  /** Spends the token: the payload on the first use within its time, else why not. */
  redeem(token: string): { ok: true; payload: T } | { ok: false; code: RedeemFailure } {
    const e = this.entries.get(token);
    if (!e) return { ok: false, code: 'TOKEN_INVALID' };
    if (e.usedAt !== null) return { ok: false, code: 'TOKEN_USED' };
    const now = this.clock.now();
    if (now >= e.expiresAt) return { ok: false, code: 'TOKEN_EXPIRED' };
    // The order must be exactly the one reviewed: anything else is not this token's order.
    if (orderHash(e.payload.order) !== e.hash) return { ok: false, code: 'TOKEN_INVALID' };
    e.usedAt = now;
    return { ok: true, payload: e.payload };
  }

  /** Forgets tokens well past their expiry (a used or expired one still answers until then). */
  private prune(): void {
    const now = this.clock.now();
    for (const [token, e] of this.entries) {
      if (now - e.expiresAt > 10 * 60_000) this.entries.delete(token);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
