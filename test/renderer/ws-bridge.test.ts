import { describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/api/errors';
import { SESSION_ENDED_CLOSE_CODE, type ClientMessage } from '@shared/api/wire';
import { webSocketUrl } from '../../src/renderer/src/api/frames';
import type { LinkState } from '../../src/renderer/src/api/link';
import {
  WebSocketBridge,
  type SocketLike,
  type Timers,
} from '../../src/renderer/src/api/ws-bridge';

/** A WebSocket double the test drives: open, deliver frames, close. */
class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  closed = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  deliver(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.({ data } as MessageEvent);
  }
}

/** Timers the test fires by hand, recording the delays asked for. */
class ManualTimers implements Timers {
  readonly delays: number[] = [];
  private pending: Array<() => void> = [];
  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    this.pending.push(fn);
    return this.pending.length;
  }
  clearTimeout(): void {
    this.pending = [];
  }
  fire(): void {
    const fns = this.pending;
    this.pending = [];
    for (const fn of fns) fn();
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const links: LinkState[] = [];
  const notices: ApiError[] = [];
  const ended: boolean[] = [];
  const timers = new ManualTimers();
  const bridge = new WebSocketBridge({
    url: 'ws://127.0.0.1:1234/ws?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    onLink: (l) => links.push(l),
    onNotice: (e) => notices.push(e),
    onSessionEnded: () => ended.push(true),
    timers,
  });
  bridge.start();
  const last = () => sockets[sockets.length - 1]!;
  return { bridge, sockets, links, notices, timers, last, ended };
}

describe('webSocketUrl', () => {
  it('passes the page token and follows the page scheme', () => {
    expect(
      webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5000', search: '?token=a%2Bb' }),
    ).toBe('ws://127.0.0.1:5000/ws?token=a%2Bb');
    expect(webSocketUrl({ protocol: 'https:', host: 'h:1', search: '' })).toBe('wss://h:1/ws');
  });
});

describe('WebSocketBridge', () => {
  it('is connecting until the socket opens, then open', () => {
    const { links, last } = setup();
    expect(links.map((l) => l.status)).toEqual(['connecting']);
    last().open();
    expect(links.at(-1)).toEqual({ status: 'open', everOpen: true, retries: 0 });
  });

  it('fails a call at once while the socket is not open', async () => {
    const { bridge } = setup();
    const r = await bridge.call('app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } });
  });

  it('resolves a call from the result frame', async () => {
    const { bridge, last } = setup();
    last().open();
    const pending = bridge.call('connection.get', {});
    const sent = last().sent[0];
    expect(sent).toMatchObject({ type: 'call', name: 'connection.get' });
    last().deliver({
      type: 'result',
      id: sent && 'id' in sent ? sent.id : -1,
      ok: true,
      value: 42,
    });
    expect(await pending).toEqual({ ok: true, value: 42 });
  });

  it('subscribes once open and again after every reconnect', () => {
    const { bridge, timers, last } = setup();
    const seen: unknown[] = [];
    bridge.subscribe('sim.status', (s) => seen.push(s));
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', id: 1, stream: 'sim.status' }]);
    last().deliver({ type: 'event', id: 1, stream: 'sim.status', data: { steps: 1 } });
    last().drop();
    timers.fire();
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', id: 1, stream: 'sim.status' }]);
    last().deliver({ type: 'event', id: 1, stream: 'sim.status', data: { steps: 2 } });
    expect(seen).toEqual([{ steps: 1 }, { steps: 2 }]);
  });

  it('fails pending calls when the socket closes', async () => {
    const { bridge, last } = setup();
    last().open();
    const pending = bridge.call('app.info', {});
    last().drop();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } });
  });

  it('reconnects with backoff from 0.5 s doubling to 5 s, and resets once open', () => {
    const { sockets, timers, links, last } = setup();
    last().open();
    for (let i = 0; i < 6; i++) {
      last().drop();
      timers.fire();
    }
    expect(timers.delays).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect(links.at(-1)).toMatchObject({ status: 'closed', everOpen: true });
    last().open();
    last().drop();
    expect(timers.delays.at(-1)).toBe(500);
    expect(sockets).toHaveLength(7);
  });

  it('reports a stray core error as a notice and keeps going', () => {
    const { notices, last } = setup();
    last().open();
    last().deliver({ type: 'error', error: { code: 'MALFORMED_MESSAGE', message: 'bad' } });
    last().deliver('not json');
    expect(notices.map((n) => n.code)).toEqual(['MALFORMED_MESSAGE', 'MALFORMED_MESSAGE']);
  });

  it('stops reconnecting once stopped', () => {
    const { bridge, timers, sockets, last } = setup();
    last().open();
    bridge.stop();
    timers.fire();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.closed).toBe(true);
  });

  it('stops retrying and reports the session ended when the core refuses the token', async () => {
    const { bridge, sockets, timers, last, ended, links } = setup();
    last().open();
    const pending = bridge.call('app.info', {});
    last().drop(SESSION_ENDED_CLOSE_CODE);
    expect(ended).toEqual([true]);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } });
    expect(links.at(-1)?.status).toBe('closed');
    timers.fire();
    expect(sockets).toHaveLength(1);
  });

  it('keeps retrying after an ordinary close', () => {
    const { sockets, timers, last, ended } = setup();
    last().open();
    last().drop(1006);
    timers.fire();
    expect(sockets).toHaveLength(2);
    expect(ended).toEqual([]);
  });
});
