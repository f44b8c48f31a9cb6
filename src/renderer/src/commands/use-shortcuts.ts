import { useEffect } from 'react';
import { commandForKey, shortcutOwner } from './registry';
import type { CommandContext } from './types';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Runs the registry's commands from the keyboard (not while the user types in a field, unless
 * the shortcut says it may). A chord that belongs to a command is claimed even while that
 * command is disabled, so it never falls through to the menu (which sent it: see menu.ts).
 */
export function useCommandShortcuts(ctx: CommandContext): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat) return;
      const owner = shortcutOwner(e);
      if (!owner || (typingInto(e.target) && !owner.shortcut?.inFields)) return;
      e.preventDefault();
      const command = commandForKey(e, ctx.store.getState());
      if (command) void command.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}
