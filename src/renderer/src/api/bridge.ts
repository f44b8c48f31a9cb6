/**
 * The one bridge this window talks through: `window.bulwark` in Electron (the preload's IPC
 * client, always open), else a WebSocket to the headless server this page came from.
 */
import type { BulwarkBridge } from '@shared/api/client-core';
import type { ApiError } from '@shared/api/errors';
import type { LinkState } from './link';
import { webSocketUrl } from './frames';
import { WebSocketBridge } from './ws-bridge';

export interface BridgeHooks {
  onLink(state: LinkState): void;
  onNotice(error: ApiError): void;
}

export type Transport = 'ipc' | 'websocket';

let current: { bridge: BulwarkBridge; transport: Transport } | null = null;

export function getBridge(hooks: BridgeHooks): { bridge: BulwarkBridge; transport: Transport } {
  if (current) return current;
  const ipc = window.bulwark;
  if (ipc) {
    hooks.onLink({ status: 'open', everOpen: true, retries: 0 });
    current = { bridge: ipc, transport: 'ipc' };
    return current;
  }
  const ws = new WebSocketBridge({
    url: webSocketUrl(window.location),
    createSocket: (url) => new WebSocket(url),
    onLink: (s) => hooks.onLink(s),
    onNotice: (e) => hooks.onNotice(e),
  });
  ws.start();
  current = { bridge: ws, transport: 'websocket' };
  return current;
}
