import type { ConnectionState } from '@shared/domain/account';

/** A simulator connection in the given state, for tests that need one. */
export function simConnection(
  status: ConnectionState['status'] = 'connected',
  reason = 'simulator running',
  since = 1,
): ConnectionState {
  return {
    broker: 'sim',
    status,
    reason,
    account: 'DEMO1',
    mode: 'simulated',
    serverVersion: null,
    since,
  };
}
