/**
 * The menu-bar (tray) icon: the connection state at a glance, a way back to the window,
 * pause/resume for the simulator and Quit. Fed by the core's own streams, so it shows what the
 * renderer shows; simulator actions go through the contract like any other command.
 */
import { join } from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { ConnectionState } from '@shared/domain/account';
import type { Api } from '../api/session';
import type { SimControls } from '../broker/sim-controls';
import type { Logger } from '../util/logger';

export interface TrayCore {
  readonly api: Api;
  readonly sim: SimControls | null;
}

export interface TrayActions {
  showWindow(): void;
  quit(): void;
}

export interface TrayOptions {
  core: TrayCore;
  actions: TrayActions;
  resourcesDir: string;
  platform: NodeJS.Platform;
  log: Logger;
}

/** macOS tints a black-and-alpha "Template" image for the menu bar; others get a colour icon. */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform): string {
  return join(resourcesDir, platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
}

export function connectionLabel(state: ConnectionState | null): string {
  if (!state) return 'Starting…';
  const source =
    state.broker === 'sim'
      ? 'Simulator'
      : `IBKR ${state.mode}${state.account !== null ? ` ${state.account}` : ''}`;
  return `${source}: ${state.status}`;
}

interface TrayState {
  connection: ConnectionState | null;
  /** null without a simulator. */
  simRunning: boolean | null;
}

export function trayMenuTemplate(
  state: TrayState,
  actions: TrayActions & { setSimRunning(running: boolean): void },
): MenuItemConstructorOptions[] {
  const sim: MenuItemConstructorOptions[] =
    state.simRunning === null
      ? []
      : [
          state.simRunning
            ? { label: 'Pause Simulator', click: () => actions.setSimRunning(false) }
            : { label: 'Resume Simulator', click: () => actions.setSimRunning(true) },
        ];
  return [
    { label: connectionLabel(state.connection), enabled: false },
    { type: 'separator' },
    { label: 'Show Bulwark', click: () => actions.showWindow() },
    ...sim,
    { type: 'separator' },
    { label: 'Quit Bulwark', click: () => actions.quit() },
  ];
}

export class AppTray {
  private readonly tray: Tray;
  private readonly state: TrayState;
  private readonly unsubscribe: Array<() => void> = [];
  private shown = '';

  constructor(private readonly options: TrayOptions) {
    const { core, platform, resourcesDir, log } = options;
    const path = trayIconPath(resourcesDir, platform);
    const image = nativeImage.createFromPath(path);
    if (image.isEmpty()) log.warn('tray icon missing', { path });
    if (platform === 'darwin') image.setTemplateImage(true);
    this.tray = new Tray(image);
    if (platform !== 'darwin') this.tray.on('click', () => options.actions.showWindow());
    this.state = { connection: null, simRunning: core.sim ? initialSimRunning(core.sim) : null };
    this.unsubscribe.push(
      core.api.streams.subscribe('connection.state', (connection) => {
        this.state.connection = connection;
        this.render();
      }),
    );
    if (core.sim) {
      this.unsubscribe.push(
        core.api.streams.subscribe('sim.status', (status) => {
          // sim.status ticks about once a second; rebuild the menu only when it changes.
          if (status.running === this.state.simRunning) return;
          this.state.simRunning = status.running;
          this.render(true);
        }),
      );
    }
    this.render(true);
  }

  destroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private render(force = false): void {
    if (this.tray.isDestroyed()) return;
    const label = connectionLabel(this.state.connection);
    const reason = this.state.connection?.reason;
    const tooltip = `Bulwark — ${label}${reason ? ` (${reason})` : ''}`;
    if (!force && tooltip === this.shown) return;
    this.shown = tooltip;
    this.tray.setToolTip(tooltip);
    const template = trayMenuTemplate(this.state, {
      ...this.options.actions,
      setSimRunning: (running) => this.setSimRunning(running),
    });
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  private setSimRunning(running: boolean): void {
    const { api } = this.options.core;
    void api.commands
      .dispatch('sim.control', { action: running ? 'resume' : 'pause' })
      .then((result) => {
        if (!result.ok)
          this.options.log.warn('simulator control failed', { code: result.error.code });
      });
  }
}

function initialSimRunning(sim: SimControls): boolean {
  try {
    return sim.status().running;
  } catch {
    return true;
  }
}
