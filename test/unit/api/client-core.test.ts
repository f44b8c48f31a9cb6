import { describe, expect, it } from 'vitest';
import { ClientCore } from '@shared/api/client-core';
import type { ClientMessage } from '@shared/api/wire';

describe('ClientCore', () => {
  it('fails a call at once with TRANSPORT_CLOSED when the transport cannot send', async () => {
    const client = new ClientCore(
      () => false,
      () => {},
    );
    await expect(client.call('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_CLOSED' },
    });
  });

  it('fails pending calls when the transport drops and re-sends subscriptions on reconnect', async () => {
    const sent: ClientMessage[] = [];
    const client = new ClientCore(
      (m) => (sent.push(m), true),
      () => {},
    );
    const pending = client.call('app.info', {});
    client.subscribe('connection.state', () => {});
    client.disconnected();
    await expect(pending).resolves.toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_CLOSED' },
    });
    sent.length = 0;
    client.resubscribeAll();
    expect(sent).toEqual([{ type: 'subscribe', id: 2, stream: 'connection.state' }]);
  });

  it('passes an ended subscription to its onEnded handler and forgets it', () => {
    const ended: string[] = [];
    const sent: ClientMessage[] = [];
    const client = new ClientCore(
      (m) => (sent.push(m), true),
      () => {},
    );
    client.subscribe(
      'sim.status',
      () => {},
      (e) => ended.push(e.code),
    );
    client.receive({ type: 'ended', id: 1, error: { code: 'UNKNOWN_STREAM', message: 'x' } });
    sent.length = 0;
    client.resubscribeAll();
    expect(ended).toEqual(['UNKNOWN_STREAM']);
    expect(sent).toEqual([]);
  });

  it('hands stray server errors to its error callback', () => {
    const stray: string[] = [];
    const client = new ClientCore(
      () => true,
      (e) => stray.push(e.code),
    );
    client.receive({ type: 'error', error: { code: 'MESSAGE_TOO_LARGE', message: 'big' } });
    expect(stray).toEqual(['MESSAGE_TOO_LARGE']);
  });
});
