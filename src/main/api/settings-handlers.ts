/** Handlers for the settings commands: thin, the service validates and saves. */
import type { SettingsService } from '../settings/settings-service';
import type { CommandRegistry } from './command-registry';

export function registerSettingsCommands(
  registry: CommandRegistry,
  settings: Pick<SettingsService, 'get' | 'update'>,
): void {
  registry.register('settings.get', () => settings.get());
  registry.register('settings.update', (patch) => settings.update(patch));
}
