import { createContext, useContext } from 'react';
import type { CommandContext } from './types';

export const CommandContextReact = createContext<CommandContext | null>(null);

export function useCommandContext(): CommandContext {
  const ctx = useContext(CommandContextReact);
  if (!ctx) throw new Error('useCommandContext outside <CommandContextReact.Provider>');
  return ctx;
}
