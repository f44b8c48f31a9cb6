/** Headless mode's server: the renderer over HTTP and the contract over WebSocket, one port. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { allowedHosts, isLoopback, isWildcard, newToken, shownAddress } from './access';
import type { Api } from './session';
import { createRequestHandler } from './static-server';
import { WsTransport } from './ws-transport';

export interface HeadlessServerOptions {
  api: Api;
  host: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir: string | null;
  log: Logger;
  clock: Clock;
  /** A stable token (--token-file); a fresh one each start otherwise. */
  token?: string;
}

export interface HeadlessServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startHeadlessServer(opts: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = opts.token ?? newToken();
  const server = createServer();
  server.keepAliveTimeout = 5_000;
  await listen(server, opts.host, opts.port);
  const port = (server.address() as AddressInfo).port;
  const hosts = allowedHosts(opts.host, port);
  if (!isLoopback(opts.host)) {
    // What is true today: there is no order path yet, so no one can trade through Bulwark.
    opts.log.warn(
      'LISTENING BEYOND LOOPBACK: anyone who can reach this address and has the token can see ' +
        "your positions, account and risk, and drive the simulator's controls",
      { host: opts.host },
    );
  }
  if (isWildcard(opts.host)) {
    opts.log.info('answering on every address of this machine', {
      addresses: [...hosts].join(' '),
    });
  }
  const transport = new WsTransport({
    api: opts.api,
    token,
    hosts,
    log: opts.log,
    clock: opts.clock,
  });
  server.on('request', createRequestHandler({ token, hosts, rendererDir: opts.rendererDir }));
  server.on('upgrade', (req, socket, head) => transport.handleUpgrade(req, socket, head));
  return {
    url: `http://${shownAddress(opts.host)}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
