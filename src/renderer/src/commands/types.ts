/**
 * A command is data: id, label, shortcut test, enabled predicate and perform. Buttons, menus and
 * keyboard shortcuts all run the same definition (the Excalidraw action pattern).
 */
import type { Api } from '../api/api';
import type { AppState, AppStore } from '../stores/store';

/** The parts of a KeyboardEvent a shortcut looks at. */
export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface Shortcut {
  /** As shown to the user: "Alt+P". */
  label: string;
  test(e: KeyLike): boolean;
  /** Also while the focus is in a text field (chords with Cmd/Ctrl, which type nothing). */
  inFields?: boolean;
}

export interface CommandContext {
  api: Api;
  store: AppStore;
}

export interface Command {
  id: string;
  label: string | ((s: AppState) => string);
  /** Tooltip text. */
  description?: string;
  shortcut?: Shortcut;
  enabled(s: AppState): boolean;
  /** For toggles and choices: whether the command's state is the current one. */
  checked?(s: AppState): boolean;
  /** Never throws: failures are reported in the store (feedback or notices). */
  perform(ctx: CommandContext): Promise<void>;
}

export function labelOf(c: Command, s: AppState): string {
  return typeof c.label === 'function' ? c.label(s) : c.label;
}

/** Alt + a letter or digit key, by physical key (Option+P on a Mac types "π"). */
export function altKey(code: string, label: string): Shortcut {
  return {
    label,
    test: (e) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === code,
  };
}
