import { useCommandContext } from '../../commands/context';
import { labelOf, type Command } from '../../commands/types';
import { useBulwark } from '../../stores/store';

interface Props {
  command: Command;
  className?: string;
}

/** A button that runs a registry command: same label, predicate and shortcut as the keyboard. */
export function CommandButton({ command, className }: Props) {
  const ctx = useCommandContext();
  const label = useBulwark((s) => labelOf(command, s));
  const enabled = useBulwark((s) => command.enabled(s));
  const checked = useBulwark((s) => (command.checked ? command.checked(s) : undefined));
  const shortcut = command.shortcut?.label;
  const title = [command.description, shortcut ? `(${shortcut})` : null].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={['btn', className, checked ? 'is-on' : ''].filter(Boolean).join(' ')}
      disabled={!enabled}
      aria-pressed={checked}
      aria-keyshortcuts={shortcut}
      title={title || undefined}
      data-command={command.id}
      onClick={() => void command.perform(ctx)}
    >
      {label}
      {shortcut ? <kbd className="btn-kbd">{shortcut}</kbd> : null}
    </button>
  );
}
