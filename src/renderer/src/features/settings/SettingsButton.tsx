/** The status bar's Settings button and the dialog it opens (state in a store of its own). */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useCommandContext } from '../../commands/context';
import { createSettingsDialog } from './dialog-store';
import { SettingsDialog } from './SettingsDialog';
import '../../styles/settings.css';

export function SettingsButton() {
  const { api } = useCommandContext();
  const [dialog] = useState(() => createSettingsDialog(api));
  const state = useStore(dialog);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const open = state.phase !== 'closed';

  // Focus moves into the dialog when it opens and back to the button when it closes.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) dialogRef.current?.focus();
    if (!open && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <>
      <button
        type="button"
        ref={buttonRef}
        className="status-settings"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => void state.open()}
      >
        Settings
      </button>
      <SettingsDialog state={state} actions={state} dialogRef={dialogRef} />
    </>
  );
}
