/**
 * The settings dialog's state and what its buttons do, outside React so the load / edit / save
 * flow is tested against a fake bridge. One store per dialog; nothing here reaches the app store,
 * since settings are not streamed: the dialog loads them when it opens.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiError } from '@shared/api/errors';
import type { Settings, SettingsPatch } from '@shared/domain/settings';
import type { Api } from '../../api/api';
import { toApiError } from '../../api/errors';
import { LIVE_ACCOUNT_FIELD } from './fields';
import { formFromSettings, patchFromForm, type FormValues } from './form';

export type DialogPhase = 'closed' | 'loading' | 'load-failed' | 'ready';

export interface SettingsDialogData {
  phase: DialogPhase;
  /** The settings as the core last answered them. */
  saved: Settings | null;
  form: FormValues;
  /** Problems found before sending, by field id. */
  problems: Readonly<Record<string, string>>;
  /** The core's last refusal (of the load or of a save). */
  error: ApiError | null;
  busy: boolean;
  /** What the last save did, in words. */
  note: string | null;
}

export interface SettingsDialogActions {
  open: () => Promise<void>;
  close: () => void;
  edit: (id: string, value: string | boolean) => void;
  /** Sends the changed fields; nothing when nothing changed or a field cannot be sent. */
  save: () => Promise<void>;
  /** Saves "no live account" at once, whatever else is being edited. */
  disableLive: () => Promise<void>;
}

export type SettingsDialogState = SettingsDialogData & SettingsDialogActions;
export type SettingsDialogStore = StoreApi<SettingsDialogState>;

export const CLOSED: SettingsDialogData = {
  phase: 'closed',
  saved: null,
  form: {},
  problems: {},
  error: null,
  busy: false,
  note: null,
};

export function createSettingsDialog(api: Api): SettingsDialogStore {
  // Bumped on open and close, so an answer that arrives after the dialog was closed is dropped.
  let generation = 0;
  return createStore<SettingsDialogState>()((set, get) => {
    const send = async (
      patch: SettingsPatch,
      after: (saved: Settings) => Partial<SettingsDialogData>,
    ): Promise<void> => {
      const mine = generation;
      set({ busy: true, error: null, note: null });
      try {
        const saved = await api.call('settings.update', patch);
        if (mine === generation) set({ busy: false, saved, ...after(saved) });
      } catch (e) {
        if (mine === generation) set({ busy: false, error: toApiError(e) });
      }
    };

    return {
      ...CLOSED,
      async open() {
        const mine = ++generation;
        set({ ...CLOSED, phase: 'loading' });
        try {
          const saved = await api.call('settings.get', {});
          if (mine === generation) set({ phase: 'ready', saved, form: formFromSettings(saved) });
        } catch (e) {
          if (mine === generation) set({ phase: 'load-failed', error: toApiError(e) });
        }
      },
      close() {
        generation++;
        set(CLOSED);
      },
      edit(id, value) {
        // Editing a field clears its problem: the trader is fixing it.
        set({
          form: { ...get().form, [id]: value },
          problems: withoutKey(get().problems, id),
          note: null,
        });
      },
      async save() {
        const { saved, form, busy } = get();
        if (!saved || busy) return;
        const result = patchFromForm(saved, form);
        if (!result.ok) {
          set({ problems: result.problems, error: null, note: null });
          return;
        }
        if (result.changed.length === 0) {
          set({ problems: {}, error: null, note: 'Nothing changed.' });
          return;
        }
        const n = result.changed.length;
        await send(result.patch, (next) => ({
          form: formFromSettings(next),
          problems: {},
          note: `Saved ${n} ${n === 1 ? 'change' : 'changes'}.`,
        }));
      },
      async disableLive() {
        if (!get().saved || get().busy) return;
        await send({ trading: { liveTradingAccount: null } }, () => ({
          // Other edits in progress stay; only the live account field shows the saved value.
          form: { ...get().form, [LIVE_ACCOUNT_FIELD]: '' },
          problems: withoutKey(get().problems, LIVE_ACCOUNT_FIELD),
          note: 'Live trading disabled.',
        }));
      },
    };
  });
}

function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}
