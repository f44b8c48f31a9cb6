import { beforeEach, describe, expect, it } from 'vitest';
import type { SimStatus } from '@shared/domain/sim';
import { Menu, resetElectronFake, Tray, type FakeMenuItem } from '../fakes/electron';
import { CommandRegistry } from '../../src/main/api/command-registry';
import { registerSimCommands } from '../../src/main/api/handlers';
import type { Api } from '../../src/main/api/session';
import { StreamHub } from '../../src/main/api/stream-hub';
import type { SimControls } from '../../src/main/broker/sim-controls';
import { AppTray, connectionLabel } from '../../src/main/shell/tray';
import { silentLogger } from '../../src/main/util/logger';
import { simConnection } from '../fakes/connection';

class FakeSim implements SimControls {
  running = true;
  pause(): void {
    this.running = false;
  }
  resume(): void {
    this.running = true;
  }
  setSpeed(): void {}
  shock(): void {}
  status(): SimStatus {
    return { running: this.running, speed: 1, seed: 7, simTime: 0, steps: 0, lastShock: null };
  }
  onStatus(): () => void {
    return () => {};
  }
}

const connected = simConnection('connected', 'simulator running', 0);

function setup(sim: FakeSim | null, platform: NodeJS.Platform = 'darwin') {
  const commands = new CommandRegistry(silentLogger);
  registerSimCommands(commands, sim, { setEngineFault: () => {} });
  const api: Api = { commands, streams: new StreamHub(silentLogger, true) };
  const calls: string[] = [];
  const tray = new AppTray({
    core: { api, sim },
    actions: { showWindow: () => calls.push('show'), quit: () => calls.push('quit') },
    resourcesDir: '/app/resources',
    platform,
    log: silentLogger,
  });
  return { api, calls, tray, fake: Tray.instances[0]! };
}

function items(tray: Tray): FakeMenuItem[] {
  return tray.contextMenu?.template ?? [];
}

function item(tray: Tray, label: string): FakeMenuItem {
  const found = items(tray).find((i) => i.label === label);
  if (!found)
    throw new Error(
      `no "${label}" in ${items(tray)
        .map((i) => i.label)
        .join(', ')}`,
    );
  return found;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('tray', () => {
  beforeEach(() => resetElectronFake());

  it('offers Show and Quit, and they call the shell', () => {
    const { calls, fake } = setup(null);
    item(fake, 'Show Bulwark').click?.();
    item(fake, 'Quit Bulwark').click?.();
    expect(calls).toEqual(['show', 'quit']);
  });

  it('has no simulator item without a simulator', () => {
    const { fake } = setup(null);
    expect(items(fake).some((i) => /Simulator/.test(i.label ?? ''))).toBe(false);
  });

  it('pauses and resumes the simulator through the contract', async () => {
    const sim = new FakeSim();
    const { api, fake } = setup(sim);
    item(fake, 'Pause Simulator').click?.();
    await settle();
    expect(sim.running).toBe(false);
    api.streams.publish('sim.status', sim.status());
    item(fake, 'Resume Simulator').click?.();
    await settle();
    expect(sim.running).toBe(true);
  });

  it('shows the connection state as a disabled status line, updated from the stream', () => {
    const { api, fake } = setup(null);
    expect(items(fake)[0]).toMatchObject({ label: 'Starting…', enabled: false });
    api.streams.publish('connection.state', connected);
    expect(items(fake)[0]).toMatchObject({ label: 'Simulator: connected', enabled: false });
    expect(fake.toolTip).toContain('simulator running');
  });

  it('uses the template image on macOS and a colour icon elsewhere', () => {
    const mac = setup(null, 'darwin').fake;
    expect(mac.image).toMatchObject({ path: '/app/resources/trayTemplate.png', template: true });
    resetElectronFake();
    const linux = setup(null, 'linux').fake;
    expect(linux.image).toMatchObject({ path: '/app/resources/tray.png', template: false });
  });

  it('destroy removes the icon and stops listening to the core', () => {
    const { api, tray, fake } = setup(new FakeSim());
    tray.destroy();
    expect(fake.isDestroyed()).toBe(true);
    expect(api.streams.subscriberCount('connection.state')).toBe(0);
    expect(api.streams.subscriberCount('sim.status')).toBe(0);
    const built = Menu.built.length;
    api.streams.publish('connection.state', connected);
    expect(Menu.built.length).toBe(built);
  });
});

describe('connectionLabel', () => {
  it('names the IBKR mode and account', () => {
    expect(
      connectionLabel({
        ...connected,
        broker: 'ibkr',
        mode: 'paper',
        account: 'DU123',
        status: 'disconnected',
      }),
    ).toBe('IBKR paper DU123: disconnected');
  });
});
