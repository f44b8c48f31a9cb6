/**
 * Runs sandboxed, before the renderer. Exposes exactly one object, `window.bulwark`: the typed
 * contract (call + subscribe) over one IPC channel. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ClientCore, type BulwarkBridge } from '@shared/api/client-core';
import { IPC_CHANNEL } from '@shared/api/ipc-channel';
// Types only: a sandboxed preload may load no package but electron (wire.ts loads zod).
import type { ServerMessage } from '@shared/api/wire';

const core = new ClientCore(
  (msg) => {
    ipcRenderer.send(IPC_CHANNEL, msg);
    return true;
  },
  () => {
    // Stray errors only come from malformed messages; the typed client never sends one.
  },
);
ipcRenderer.on(IPC_CHANNEL, (_event, msg: ServerMessage) => core.receive(msg));

const bridge: BulwarkBridge = {
  call: (name, input) => core.call(name, input),
  subscribe: (stream, listener, onEnded) => core.subscribe(stream, listener, onEnded),
};

contextBridge.exposeInMainWorld('bulwark', bridge);
