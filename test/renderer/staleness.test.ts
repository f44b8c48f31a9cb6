import { describe, expect, it } from 'vitest';
import { connectionLabel } from '../../src/renderer/src/features/header/connection-label';
import type { LinkState } from '../../src/renderer/src/api/link';
import { feedStaleReason, isStale, tooOld } from '../../src/renderer/src/stores/staleness';
import { connection } from './fixtures';

const open: LinkState = { status: 'open', everOpen: true, retries: 0 };
const lost: LinkState = { status: 'closed', everOpen: true, retries: 2 };

describe('feedStaleReason', () => {
  it('is null only with an open link and a connected broker', () => {
    expect(feedStaleReason(open, connection())).toBeNull();
    expect(feedStaleReason(lost, connection())).toMatch(/link/);
    expect(feedStaleReason(open, null)).not.toBeNull();
    expect(
      feedStaleReason(open, connection({ status: 'disconnected', reason: 'TWS closed' })),
    ).toBe('simulator is down: TWS closed');
  });
});

describe('isStale', () => {
  const live = { flagged: false, ageMs: 100, limitMs: 10_000, feedStale: false };
  it('is fresh only when nothing says otherwise', () => {
    expect(isStale(live)).toBe(false);
    expect(isStale({ ...live, flagged: true })).toBe(true);
    expect(isStale({ ...live, ageMs: 10_001 })).toBe(true);
    expect(isStale({ ...live, feedStale: true })).toBe(true);
    expect(isStale({ ...live, ageMs: null })).toBe(true);
  });

  it('treats a missing timestamp as too old', () => {
    expect(tooOld(null, 1)).toBe(true);
    expect(tooOld(1, 1)).toBe(false);
  });
});

describe('connectionLabel', () => {
  it('says "connected" only when the broker is connected and the link is open', () => {
    const cases = [
      connectionLabel(open, connection({ status: 'connecting', reason: 'opening socket' })),
      connectionLabel(open, connection({ status: 'disconnected', reason: 'not connected' })),
      connectionLabel(open, null),
      connectionLabel(lost, connection()),
      connectionLabel({ status: 'connecting', everOpen: false, retries: 0 }, null),
    ];
    for (const c of cases) {
      expect(c.ariaLabel).toMatch(/^Connection/);
      // The reason is the core's text: check our own words only.
      expect(c.ariaLabel.split(' — ')[0]).not.toMatch(/connected/i);
    }
    const ok = connectionLabel(open, connection());
    expect(ok.ariaLabel).toBe('Connection: connected — simulator running');
  });

  it('names the lost core link', () => {
    expect(connectionLabel(lost, connection()).ariaLabel).toBe(
      'Connection: unknown — core link lost, reconnecting',
    );
  });
});
