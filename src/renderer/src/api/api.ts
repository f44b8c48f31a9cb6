import type { BulwarkBridge } from '@shared/api/client-core';
import type { CommandInput, CommandName, CommandOutput } from '@shared/api/contract';
import { BulwarkError } from './errors';

/** The contract as the UI uses it: values, or a thrown BulwarkError carrying the coded error. */
export interface Api {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
}

export function createApi(bridge: BulwarkBridge): Api {
  return {
    async call(name, input) {
      const result = await bridge.call(name, input);
      if (!result.ok) throw new BulwarkError(result.error);
      return result.value;
    },
  };
}
