/** A real WebSocket client for the headless server tests: opens, collects, waits for messages. */
import WebSocket from 'ws';
import type { ServerMessage } from '@shared/api/wire';

export interface TestSocket {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  next(pred: (m: ServerMessage) => boolean): Promise<ServerMessage>;
  inbox: ServerMessage[];
}

export function openSocket(url: string, options: WebSocket.ClientOptions = {}): TestSocket {
  const ws = new WebSocket(url, options);
  const inbox: ServerMessage[] = [];
  ws.on('message', (d) => inbox.push(JSON.parse((d as Buffer).toString('utf8')) as ServerMessage));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const next = async (pred: (m: ServerMessage) => boolean): Promise<ServerMessage> => {
    for (let i = 0; i < 200; i++) {
      const found = inbox.find(pred);
      if (found) {
        inbox.splice(inbox.indexOf(found), 1);
        return found;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no matching message within 2 s');
  };
  return { ws, opened, closed, next, inbox };
}
