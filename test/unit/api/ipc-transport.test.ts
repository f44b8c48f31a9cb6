/**
 * The IPC transport under plain Node: a fake ipcMain and fake web contents (no electron), a real
 * Api (CommandRegistry + StreamHub) behind it.
 */
import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '@shared/api/ipc-channel';
import type { ServerMessage } from '@shared/api/wire';
import { CommandRegistry } from '../../../src/main/api/command-registry';
import {
  IpcTransport,
  type IpcEventLike,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../src/main/api/ipc-transport';
import { StreamHub } from '../../../src/main/api/stream-hub';
import { simConnection } from '../../fakes/connection';
import { silentLogger, type Logger } from '../../../src/main/util/logger';

const PAGE = 'file:///app/out/renderer/index.html';
const isTrusted = (url: string) => url.split('#')[0] === PAGE;

type Listener = (...args: never[]) => void;

class FakeWebContents implements WebContentsLike {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: ServerMessage[] = [];
  private destroyed = false;
  private readonly listeners = new Map<string, Listener[]>();

  send(channel: string, message: ServerMessage): void {
    if (channel !== IPC_CHANNEL) throw new Error(`unexpected channel ${channel}`);
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push(message);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, l) => n + l.length, 0);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** Electron's did-start-navigation: an Event carrying url, isMainFrame, isSameDocument. */
  startNavigation(url: string, extra: { isMainFrame?: boolean; isSameDocument?: boolean } = {}) {
    this.emit('did-start-navigation', { url, isMainFrame: true, isSameDocument: false, ...extra });
  }
}

class FakeIpcMain implements IpcMainLike {
  private readonly listeners = new Map<string, Array<(e: IpcEventLike, m: unknown) => void>>();

  on(channel: string, listener: (event: IpcEventLike, message: unknown) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  removeAllListeners(channel: string): this {
    this.listeners.delete(channel);
    return this;
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0;
  }

  /** A message from a frame showing `frameUrl` inside `sender`. */
  receive(sender: FakeWebContents, message: unknown, frameUrl: string | null = PAGE): void {
    const event: IpcEventLike = {
      sender,
      senderFrame: frameUrl === null ? null : { url: frameUrl },
    };
    for (const l of this.listeners.get(IPC_CHANNEL) ?? []) l(event, message);
  }
}

const connection = simConnection();

function setup() {
  const warnings: string[] = [];
  const log: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
  const commands = new CommandRegistry(log, true);
  const streams = new StreamHub(log, true);
  commands.register('connection.get', () => connection);
  const ipc = new FakeIpcMain();
  const transport = new IpcTransport({ commands, streams }, ipc, isTrusted, log);
  return { ipc, transport, streams, warnings, wc: new FakeWebContents() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const subscribe = (id: number) => ({ type: 'subscribe', id, stream: 'connection.state' });

describe('IpcTransport', () => {
  it('answers a call from our page with its result', async () => {
    const { ipc, wc } = setup();
    ipc.receive(wc, { type: 'call', id: 1, name: 'connection.get', input: {} });
    await flush();
    expect(wc.sent).toEqual([{ type: 'result', id: 1, ok: true, value: connection }]);
  });

  it('answers a call from our page with a hash route too', async () => {
    const { ipc, wc } = setup();
    ipc.receive(wc, { type: 'call', id: 1, name: 'connection.get', input: {} }, `${PAGE}#/risk`);
    await flush();
    expect(wc.sent).toHaveLength(1);
  });

  it('ignores messages from an untrusted frame URL, or from no frame', async () => {
    const { ipc, transport, wc, warnings } = setup();
    const call = { type: 'call', id: 1, name: 'connection.get', input: {} };
    ipc.receive(wc, call, 'https://evil.example/');
    ipc.receive(wc, call, 'file:///tmp/other.html');
    ipc.receive(wc, call, null);
    ipc.receive(wc, subscribe(2), 'about:blank');
    await flush();
    expect(wc.sent).toEqual([]);
    expect(transport.sessionCount()).toBe(0);
    expect(warnings).toHaveLength(4);
  });

  it('delivers stream events to a subscribed page', () => {
    const { ipc, wc, streams } = setup();
    ipc.receive(wc, subscribe(5));
    streams.publish('connection.state', connection);
    expect(wc.sent).toEqual([
      { type: 'event', id: 5, stream: 'connection.state', data: connection },
    ]);
  });

  it('keeps one session per web contents, apart from other windows', () => {
    const { ipc, wc, streams, transport } = setup();
    const other = new FakeWebContents();
    ipc.receive(wc, subscribe(1));
    ipc.receive(other, subscribe(1));
    expect(transport.sessionCount()).toBe(2);
    streams.publish('connection.state', connection);
    expect(wc.sent).toHaveLength(1);
    expect(other.sent).toHaveLength(1);
  });

  it('ends the subscriptions when the web contents is destroyed', () => {
    const { ipc, wc, streams, transport } = setup();
    ipc.receive(wc, subscribe(1));
    wc.destroy();
    expect(streams.subscriberCount('connection.state')).toBe(0);
    expect(transport.sessionCount()).toBe(0);
    expect(() => streams.publish('connection.state', connection)).not.toThrow();
  });

  it('ends the subscriptions when the renderer process is gone', () => {
    const { ipc, wc, streams } = setup();
    ipc.receive(wc, subscribe(1));
    wc.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(streams.subscriberCount('connection.state')).toBe(0);
  });

  it('ends the subscriptions when the page reloads or navigates, and serves the new page', () => {
    const { ipc, wc, streams, transport } = setup();
    ipc.receive(wc, subscribe(1));
    wc.startNavigation(PAGE);
    expect(streams.subscriberCount('connection.state')).toBe(0);
    expect(transport.sessionCount()).toBe(0);
    ipc.receive(wc, subscribe(1));
    streams.publish('connection.state', connection);
    expect(wc.sent).toHaveLength(1);
    expect(streams.subscriberCount('connection.state')).toBe(1);
  });

  it('does not pile up listeners on a window that reloads many times', () => {
    const { ipc, wc } = setup();
    ipc.receive(wc, subscribe(1));
    const afterFirstPage = wc.listenerCount();
    for (let reload = 0; reload < 20; reload++) {
      wc.startNavigation(PAGE);
      ipc.receive(wc, subscribe(1));
    }
    expect(wc.listenerCount()).toBe(afterFirstPage);
  });

  it('keeps the subscriptions through in-page and subframe navigations', () => {
    const { ipc, wc, streams } = setup();
    ipc.receive(wc, subscribe(1));
    wc.startNavigation(`${PAGE}#/orders`, { isSameDocument: true });
    wc.startNavigation('about:srcdoc', { isMainFrame: false });
    expect(streams.subscriberCount('connection.state')).toBe(1);
  });

  it('keeps the subscriptions when a navigation to an untrusted page starts (the shell blocks it)', () => {
    const { ipc, wc, streams } = setup();
    ipc.receive(wc, subscribe(1));
    wc.startNavigation('https://evil.example/');
    expect(streams.subscriberCount('connection.state')).toBe(1);
  });

  it('answers malformed messages with MALFORMED_MESSAGE', () => {
    const { ipc, wc } = setup();
    ipc.receive(wc, { type: 'call', id: 9, name: 7 });
    ipc.receive(wc, 'not an object');
    ipc.receive(wc, { type: 'subscribe', id: -1, stream: 'connection.state' });
    expect(wc.sent).toMatchObject([
      { type: 'result', id: 9, ok: false, error: { code: 'MALFORMED_MESSAGE' } },
      { type: 'error', error: { code: 'MALFORMED_MESSAGE' } },
      { type: 'error', error: { code: 'MALFORMED_MESSAGE' } },
    ]);
  });

  it('does not send to a destroyed web contents when a call finishes late', async () => {
    const { ipc, wc } = setup();
    ipc.receive(wc, { type: 'call', id: 1, name: 'connection.get', input: {} });
    wc.destroy();
    await flush();
    expect(wc.sent).toEqual([]);
  });

  it('close() stops listening and ends every session', () => {
    const { ipc, wc, streams, transport } = setup();
    ipc.receive(wc, subscribe(1));
    transport.close();
    expect(ipc.listenerCount(IPC_CHANNEL)).toBe(0);
    expect(streams.subscriberCount('connection.state')).toBe(0);
    expect(transport.sessionCount()).toBe(0);
  });
});
