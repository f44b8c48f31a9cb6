/**
 * The trader's settings, read from and saved to a KeyValueStore. A stored document that does not
 * validate is reported with every problem and left exactly as it is: it is never replaced by the
 * defaults, merged with them or overwritten, since guessing what the trader meant in a file that
 * decides whether live orders may go out is worse than refusing until the file is fixed.
 */
import { ApiFailure } from '@shared/api/errors';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '@shared/domain/settings';
import { Emitter } from '@shared/util/emitter';
import type { z } from 'zod';
import { errorMessage, type Logger } from '../util/logger';
import type { KeyValueStore } from './key-value-store';

export type SettingsRead = { ok: true; settings: Settings } | { ok: false; problems: string[] };

interface SettingsEvents {
  changed: Settings;
}

export class SettingsService {
  private readonly events = new Emitter<SettingsEvents>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly log: Logger,
  ) {}

  /** Where the settings live, as shown to the trader. */
  get where(): string {
    return this.store.where;
  }

  /** The settings as stored (the defaults while nothing is), or every reason they are not valid. */
  current(): SettingsRead {
    let stored: unknown;
    try {
      stored = this.store.read();
    } catch (e) {
      return { ok: false, problems: [errorMessage(e)] };
    }
    // Nothing stored yet: the defaults, written only by the first update.
    if (stored === undefined) return { ok: true, settings: DEFAULT_SETTINGS };
    const parsed = SettingsSchema.safeParse(stored);
    if (!parsed.success) return { ok: false, problems: listProblems(parsed.error) };
    return { ok: true, settings: parsed.data };
  }

  /** The valid settings, or SETTINGS_INVALID naming the file and every problem in it. */
  get(): Settings {
    const read = this.current();
    if (!read.ok) throw this.invalidStored(read.problems, 'cannot be used');
    return read.settings;
  }

  /**
   * Applies a change, validates the result whole and saves it. Refused while the stored file is
   * invalid: the trader fixes or deletes it first, so nothing they wrote there is lost.
   */
  update(patch: SettingsPatch): Settings {
    const read = this.current();
    if (!read.ok)
      throw this.invalidStored(read.problems, 'must be fixed or deleted before a change');
    const before = read.settings;
    const parsed = SettingsSchema.safeParse(applySettingsPatch(before, patch));
    if (!parsed.success) {
      const problems = listProblems(parsed.error);
      throw new ApiFailure(
        'SETTINGS_INVALID',
        `The change was not saved: ${problems.join('; ')}.`,
        problemDetails(problems),
      );
    }
    const next = parsed.data;
    this.store.write(next);
    this.logLiveTrading(before, next);
    this.log.info('settings saved', { where: this.store.where });
    this.events.emit('changed', next);
    return next;
  }

  /** Called with the new settings after every saved update. Returns the unsubscribe. */
  onChange(fn: (s: Settings) => void): () => void {
    return this.events.on('changed', fn);
  }

  private invalidStored(problems: string[], consequence: string): ApiFailure {
    const where = this.store.where;
    this.log.error('settings file invalid', { where, problems: problems.join('; ') });
    return new ApiFailure(
      'SETTINGS_INVALID',
      `The settings in ${where} are not valid and ${consequence}: ${problems.join('; ')}. ` +
        `Fix the file, or delete it to start again from the defaults.`,
      { file: where, ...problemDetails(problems) },
    );
  }

  // Live trading changes what can reach a real account: always worth a line a trader can find.
  private logLiveTrading(before: Settings, next: Settings): void {
    const was = before.trading.liveTradingAccount;
    const now = next.trading.liveTradingAccount;
    if (was === now) return;
    if (now === null) this.log.warn('live trading disabled', { previousAccount: was });
    else this.log.warn('live trading enabled', { account: now, previousAccount: was });
  }
}

/** Every zod issue as `path: message`; the root is `(settings)`. */
export function listProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(settings)';
    return `${path}: ${issue.message}`;
  });
}

function problemDetails(problems: string[]): Record<string, string> {
  return Object.fromEntries(problems.map((p, i) => [`problem${i + 1}`, p]));
}
