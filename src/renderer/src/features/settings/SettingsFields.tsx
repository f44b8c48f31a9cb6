/** The dialog's fields, drawn from FIELD_GROUPS: label, input, unit, why, and any problem. */
import type { Settings } from '@shared/domain/settings';
import { FIELD_GROUPS, LIVE_ACCOUNT_FIELD, type FieldDef } from './fields';
import type { FormValues } from './form';

export const inputId = (id: string) => `settings-${id.replace(/\./g, '-')}`;

interface FieldProps {
  field: FieldDef;
  value: string | boolean | undefined;
  problem: string | undefined;
  disabled: boolean;
  onEdit: (id: string, value: string | boolean) => void;
}

function FieldRow({ field, value, problem, disabled, onEdit }: FieldProps) {
  const id = inputId(field.id);
  const described = [field.help ? `${id}-help` : null, problem ? `${id}-problem` : null]
    .filter(Boolean)
    .join(' ');
  const notes = (
    <>
      {field.help ? (
        <p className="settings-help" id={`${id}-help`}>
          {field.help}
        </p>
      ) : null}
      {problem ? (
        <p className="settings-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </>
  );
  if (field.kind === 'checkbox') {
    return (
      <div className="settings-field settings-check">
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            disabled={disabled}
            aria-describedby={described || undefined}
            onChange={(e) => onEdit(field.id, e.target.checked)}
          />{' '}
          {field.label}
        </label>
        {notes}
      </div>
    );
  }
  return (
    <div className="settings-field">
      <label htmlFor={id}>{field.label}</label>
      <span className="settings-input">
        <input
          id={id}
          className="input"
          type="text"
          inputMode={
            field.kind === 'text' ? 'text' : field.kind === 'integer' ? 'numeric' : 'decimal'
          }
          autoComplete="off"
          spellCheck={false}
          maxLength={field.kind === 'text' ? 32 : 24}
          placeholder={
            field.id === LIVE_ACCOUNT_FIELD ? 'none: paper and simulator only' : undefined
          }
          value={typeof value === 'string' ? value : ''}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => onEdit(field.id, e.target.value)}
        />
        {field.unit ? <span className="settings-unit">{field.unit}</span> : null}
      </span>
      {notes}
    </div>
  );
}

/** Whether live trading is on, as saved, and the one-click way to switch it off. */
function LiveTradingStatus({
  saved,
  busy,
  onDisable,
}: {
  saved: Settings;
  busy: boolean;
  onDisable: () => void;
}) {
  const account = saved.trading.liveTradingAccount;
  if (account === null) {
    return <p className="settings-live off">Live trading is off: paper and the simulator only.</p>;
  }
  return (
    <div className="settings-live on">
      <span>
        Live trading is on for account <strong>{account}</strong>.
      </span>
      <button type="button" className="btn btn-danger" disabled={busy} onClick={onDisable}>
        Disable live trading
      </button>
    </div>
  );
}

interface Props {
  saved: Settings;
  form: FormValues;
  problems: Readonly<Record<string, string>>;
  busy: boolean;
  onEdit: (id: string, value: string | boolean) => void;
  onDisableLive: () => void;
}

export function SettingsFields({ saved, form, problems, busy, onEdit, onDisableLive }: Props) {
  return (
    <>
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.title} className="settings-group">
          <legend>{group.title}</legend>
          {group.fields.some((f) => f.id === LIVE_ACCOUNT_FIELD) ? (
            <LiveTradingStatus saved={saved} busy={busy} onDisable={onDisableLive} />
          ) : null}
          {group.help ? <p className="settings-help">{group.help}</p> : null}
          {group.fields.map((f) => (
            <FieldRow
              key={f.id}
              field={f}
              value={form[f.id]}
              problem={problems[f.id]}
              disabled={busy}
              onEdit={onEdit}
            />
          ))}
        </fieldset>
      ))}
    </>
  );
}
