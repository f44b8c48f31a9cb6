/** Builds the broker the config asks for. */
import type { BrokerConfig } from '../config';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import type { BrokerPort } from './port';
import type { SimControls } from './sim-controls';
import { IbkrBroker } from './ibkr/ibkr-broker';
import { SimBroker } from './sim';

export interface BuiltBroker {
  port: BrokerPort;
  sim: SimControls | null;
}

export function createBroker(config: BrokerConfig, clock: Clock, log: Logger): BuiltBroker {
  switch (config.kind) {
    case 'sim': {
      const sim = new SimBroker({
        seed: config.seed,
        clock,
        speed: config.speed,
        ...(config.startTime !== null ? { startTime: config.startTime } : {}),
        book: config.largeBook !== null ? { large: config.largeBook } : 'demo',
      });
      return { port: sim, sim };
    }
    case 'ibkr':
      return {
        port: new IbkrBroker(
          {
            host: config.host,
            port: config.port,
            clientId: config.clientId,
            account: config.account,
            maxMarketDataLines: config.maxMarketDataLines,
          },
          clock,
          log,
        ),
        sim: null,
      };
  }
}
