/**
 * Every command the workstation offers, as one explicit list (no registration by import side
 * effect). Later: flatten, kill switch, cancel all.
 */
import type { AppState } from '../stores/store';
import { newOrder, simulateOrder } from './orders';
import { shockPresetCommands, simSpeedCommands, toggleSimPause } from './sim';
import type { Command, KeyLike } from './types';

export const COMMANDS: readonly Command[] = [
  toggleSimPause,
  ...simSpeedCommands,
  ...shockPresetCommands,
  newOrder,
  simulateOrder,
];

export function commandById(id: string, list: readonly Command[] = COMMANDS): Command | undefined {
  return list.find((c) => c.id === id);
}

/** The enabled command whose shortcut this key press is, if any. */
export function commandForKey(
  e: KeyLike,
  s: AppState,
  list: readonly Command[] = COMMANDS,
): Command | undefined {
  return list.find((c) => c.shortcut?.test(e) && c.enabled(s));
}

/** Any command whose shortcut this is, enabled or not (its key press is ours either way). */
export function shortcutOwner(
  e: KeyLike,
  list: readonly Command[] = COMMANDS,
): Command | undefined {
  return list.find((c) => c.shortcut?.test(e));
}
