/** Handlers for the market commands: the option chain the order ticket shows (`market.chain`). */
import type { ChainRequest, ChainView } from '@shared/domain/chain';
import type { CommandRegistry } from './command-registry';

/** What the handler needs of the chain service (src/main/market/chain-service.ts). */
export interface ChainSource {
  chain(req: ChainRequest): Promise<ChainView>;
}

export function registerMarketCommands(registry: CommandRegistry, chains: ChainSource): void {
  // Coded failures (UNKNOWN_INSTRUMENT, BROKER_DISCONNECTED, TIMEOUT) come from the service.
  registry.register('market.chain', (input) => chains.chain(input));
}
