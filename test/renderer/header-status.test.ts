import { describe, expect, it } from 'vitest';
import type { SimStatus } from '@shared/domain/sim';
import type { LinkState } from '../../src/renderer/src/api/link';
import { connectionLabel } from '../../src/renderer/src/features/header/connection-label';
import { lastUpdateView } from '../../src/renderer/src/features/status-bar/last-update';
import { EMPTY_QUOTES, applyQuotes } from '../../src/renderer/src/stores/quotes';
import { connection, quote } from './fixtures';

const OPEN: LinkState = { status: 'open', everOpen: true, retries: 0 };
const sim = (running: boolean): SimStatus => ({
  running,
  speed: 1,
  seed: 7,
  simTime: 0,
  steps: 10,
  lastShock: null,
});

describe('header connection pill', () => {
  it('says simulator paused while the simulator is paused', () => {
    const l = connectionLabel(OPEN, connection({ reason: 'simulator running' }), sim(false));
    expect(l.reason).toBe('simulator paused');
    expect(l.ariaLabel).toBe('Connection: connected — simulator paused');
  });

  it('keeps the broker reason while the simulator runs', () => {
    const l = connectionLabel(OPEN, connection({ reason: 'simulator running' }), sim(true));
    expect(l.reason).toBe('simulator running');
  });

  it('shows a long broker reason whole, never cut', () => {
    const reason =
      'TWS closed the socket: 1100 connectivity between IB and TWS has been lost, retrying in 5 s';
    const l = connectionLabel(
      OPEN,
      connection({ broker: 'ibkr', status: 'disconnected', reason }),
      null,
    );
    expect(l.reason).toBe(reason);
    expect(l.title).toBe(`IBKR down: ${reason}`);
  });
});

describe('status bar last update', () => {
  it('is the age of the newest quote, not of the last message', () => {
    const q = applyQuotes(
      EMPTY_QUOTES,
      [quote('IND:SPX', 5800, 1_000), quote('IND:VIX', 17, 4_000)],
      50_000,
    );
    expect(q.newestTime).toBe(4_000);
    const older = applyQuotes(q, [quote('STK:AAPL', 230, 2_000)], 60_000);
    expect(older.newestTime).toBe(4_000);
  });

  it('says the broker is disconnected, with the age of the last market data', () => {
    const v = lastUpdateView(
      OPEN,
      connection({ broker: 'ibkr', status: 'disconnected', reason: 'TWS down' }),
      42_000,
      10_000,
    );
    expect(v).toMatchObject({ text: 'Broker disconnected — last market data 42s ago', warn: true });
  });

  it('warns when the newest price is older than the quote limit though connected', () => {
    const v = lastUpdateView(OPEN, connection(), 42_000, 10_000);
    expect(v).toMatchObject({ text: 'Market data 42s ago', warn: true });
  });

  it('reads calm while prices are fresh', () => {
    expect(lastUpdateView(OPEN, connection(), 300, 10_000)).toMatchObject({
      text: 'Market data 0.3s ago',
      warn: false,
    });
  });

  it('says when the link to the core is lost', () => {
    const v = lastUpdateView(
      { status: 'closed', everOpen: true, retries: 2 },
      connection(),
      null,
      10_000,
    );
    expect(v.text).toBe('Core link lost — no market data yet');
  });

  it('adds simulator paused while paused', () => {
    expect(lastUpdateView(OPEN, connection(), 12_000, 10_000, false).text).toBe(
      'Market data 12s ago · simulator paused',
    );
  });
});
