/**
 * The one Electron IPC channel: ClientMessages in, ServerMessages out. Kept free of imports: the
 * sandboxed preload bundles it and may load no package but electron.
 */
export const IPC_CHANNEL = 'bulwark:message';
