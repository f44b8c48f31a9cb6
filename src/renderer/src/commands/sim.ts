/** Simulator commands: pause/resume, speed and shock presets. */
import type { SimControl } from '@shared/api/contract';
import { toApiError } from '../api/errors';
import type { AppState } from '../stores/store';
import { fmtSpeed } from '../format/time';
import { altKey, type Command, type CommandContext } from './types';

export const SIM_SPEEDS = [1, 10, 60, 600] as const;

export const SHOCK_PRESETS = [
  { id: 'spx-5', label: 'SPX \u22125%', spec: 'SPX -5%', key: 'Digit1' },
  { id: 'spx-6-vix+15', label: 'SPX \u22126%, VIX +15', spec: 'SPX -6%, VIX +15', key: 'Digit2' },
  { id: 'vix+10', label: 'VIX +10', spec: 'VIX +10', key: 'Digit3' },
  { id: 'spx+3', label: 'SPX +3%', spec: 'SPX +3%', key: 'Digit4' },
] as const;

export function simAvailable(s: AppState): boolean {
  return s.app?.broker === 'sim' && s.link.status === 'open' && s.sim !== null;
}

/** Sends one sim.control; the answer (the new status) or the coded error lands in the store. */
export async function runSimControl(
  ctx: CommandContext,
  input: SimControl,
  done: string,
): Promise<boolean> {
  const { store } = ctx;
  try {
    const status = await ctx.api.call('sim.control', input);
    store.getState().setSim(status);
    store.getState().setFeedback('sim', { kind: 'ok', text: done, at: Date.now() });
    return true;
  } catch (e) {
    store.getState().setFeedback('sim', { kind: 'error', error: toApiError(e), at: Date.now() });
    return false;
  }
}

export const toggleSimPause: Command = {
  id: 'sim.toggle-pause',
  label: (s) => (s.sim?.running === false ? 'Resume' : 'Pause'),
  description: 'Pause or resume the market simulator',
  shortcut: altKey('KeyP', 'Alt+P'),
  enabled: simAvailable,
  checked: (s) => s.sim?.running === false,
  perform: async (ctx) => {
    const running = ctx.store.getState().sim?.running ?? true;
    await runSimControl(
      ctx,
      { action: running ? 'pause' : 'resume' },
      running ? 'Simulator paused' : 'Simulator resumed',
    );
  },
};

export const simSpeedCommands: Command[] = SIM_SPEEDS.map((speed) => ({
  id: `sim.speed.${speed}`,
  label: fmtSpeed(speed),
  description: `Run the simulator at ${fmtSpeed(speed)} real time`,
  enabled: simAvailable,
  checked: (s) => s.sim?.speed === speed,
  perform: async (ctx) => {
    await runSimControl(ctx, { action: 'speed', speed }, `Speed ${fmtSpeed(speed)}`);
  },
}));

export const shockPresetCommands: Command[] = SHOCK_PRESETS.map((p) => ({
  id: `sim.shock.${p.id}`,
  label: p.label,
  description: `Shock the simulated market: ${p.label}`,
  shortcut: altKey(p.key, `Alt+${p.key.slice(-1)}`),
  enabled: simAvailable,
  perform: async (ctx) => {
    await runSimControl(ctx, { action: 'shock-spec', spec: p.spec }, `Shock applied: ${p.label}`);
  },
}));

/** A custom shock typed by the user, e.g. "SPX -6%, VIX +15". */
export function applyCustomShock(ctx: CommandContext, spec: string): Promise<boolean> {
  return runSimControl(ctx, { action: 'shock-spec', spec }, `Shock applied: ${spec}`);
}
