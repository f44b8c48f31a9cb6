import { useEffect } from 'react';
import { commandForKey } from './registry';
import type { CommandContext } from './types';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs the registry's commands from the keyboard (not while the user types in a field). */
export function useCommandShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || typingInto(e.target)) return;
      const command = commandForKey(e, ctx.store.getState());
      if (!command) return;
      e.preventDefault();
      void command.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}
