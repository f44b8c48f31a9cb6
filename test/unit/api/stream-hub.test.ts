import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '@shared/domain/account';
import { simConnection } from '../../fakes/connection';
import { StreamHub } from '../../../src/main/api/stream-hub';
import { silentLogger } from '../../../src/main/util/logger';

const state = (status: ConnectionState['status']) => simConnection(status, 'test');

describe('StreamHub', () => {
  it('gives a new subscriber the current value at once, then each publication', () => {
    const hub = new StreamHub(silentLogger);
    let current = state('connecting');
    hub.provideInitial('connection.state', () => current);
    const seen: string[] = [];
    hub.subscribe('connection.state', (s) => seen.push(s.status));
    current = state('connected');
    hub.publish('connection.state', current);
    expect(seen).toEqual(['connecting', 'connected']);
  });

  it('stops delivering after unsubscribe', () => {
    const hub = new StreamHub(silentLogger);
    const seen: string[] = [];
    const off = hub.subscribe('connection.state', (s) => seen.push(s.status));
    hub.publish('connection.state', state('connected'));
    off();
    hub.publish('connection.state', state('disconnected'));
    expect(seen).toEqual(['connected']);
    expect(hub.subscriberCount('connection.state')).toBe(0);
  });

  it('keeps serving other subscribers when one throws', () => {
    const hub = new StreamHub(silentLogger);
    const seen: string[] = [];
    hub.subscribe('connection.state', () => {
      throw new Error('bad subscriber');
    });
    hub.subscribe('connection.state', (s) => seen.push(s.status));
    hub.publish('connection.state', state('connected'));
    expect(seen).toEqual(['connected']);
  });

  it('refuses to publish a value that breaks the contract when validating', () => {
    const hub = new StreamHub(silentLogger, true);
    hub.subscribe('connection.state', () => {});
    expect(() =>
      hub.publish('connection.state', { ...state('connected'), status: 'sideways' as never }),
    ).toThrow();
  });
});
