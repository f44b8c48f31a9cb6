/**
 * The settings dialog as a pure view of its state: loading, a settings file that cannot be used
 * (with every problem and what to do), or the form with Save. Refusals from the core are shown as
 * an alert with their code; the container (SettingsButton) owns the state and the focus.
 */
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import type { ApiError } from '@shared/api/errors';
import type { SettingsDialogActions, SettingsDialogData } from './dialog-store';
import { settingsErrorLines } from './form';
import { SettingsFields } from './SettingsFields';

function Refusal({ error }: { error: ApiError }) {
  const lines = settingsErrorLines(error);
  return (
    <div className="feedback error settings-error" role="alert">
      <div>
        {error.message} <code className="err-code">{error.code}</code>
      </div>
      {lines.length > 0 ? (
        <ul className="err-details">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function LoadFailed({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const invalid = error.code === 'SETTINGS_INVALID';
  return (
    <div className="settings-body">
      <h3 className="settings-failed-title">
        {invalid ? 'Your settings file cannot be used' : 'Settings could not be loaded'}
      </h3>
      <Refusal error={error} />
      {invalid ? (
        <p className="settings-help">
          Orders are refused until the settings are valid. Fix the file in a text editor, or delete
          it to start again from the defaults, then try again.
        </p>
      ) : null}
      <div className="settings-actions">
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}

interface Props {
  state: SettingsDialogData;
  actions: SettingsDialogActions;
  dialogRef?: Ref<HTMLDivElement>;
}

export function SettingsDialog({ state, actions, dialogRef }: Props) {
  if (state.phase === 'closed') return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      actions.close();
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void actions.save();
  };
  const problemCount = Object.keys(state.problems).length;
  return (
    <div className="settings-backdrop">
      <div
        className="settings-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Settings"
        tabIndex={-1}
        ref={dialogRef}
        onKeyDown={onKeyDown}
      >
        <header className="settings-head">
          <h2 className="settings-title">Settings</h2>
          <button
            type="button"
            className="btn settings-close"
            aria-label="Close settings"
            onClick={actions.close}
          >
            ×
          </button>
        </header>
        {state.phase === 'loading' ? (
          <p className="settings-body" role="status">
            Loading settings…
          </p>
        ) : null}
        {state.phase === 'load-failed' && state.error ? (
          <LoadFailed error={state.error} onRetry={() => void actions.open()} />
        ) : null}
        {state.phase === 'ready' && state.saved ? (
          <form className="settings-body" onSubmit={onSubmit} noValidate>
            <SettingsFields
              saved={state.saved}
              form={state.form}
              problems={state.problems}
              busy={state.busy}
              onEdit={actions.edit}
              onDisableLive={() => void actions.disableLive()}
            />
            {problemCount > 0 ? (
              <p className="feedback error" role="alert">
                {problemCount === 1 ? 'One field needs' : `${problemCount} fields need`} fixing
                before the settings can be saved.
              </p>
            ) : null}
            {state.error ? <Refusal error={state.error} /> : null}
            {state.note ? (
              <p className="feedback ok" role="status">
                {state.note}
              </p>
            ) : null}
            <div className="settings-actions">
              <button type="button" className="btn" onClick={actions.close}>
                Close
              </button>
              <button type="submit" className="btn btn-primary" disabled={state.busy}>
                {state.busy ? 'Saving…' : 'Save'}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </div>
  );
}
