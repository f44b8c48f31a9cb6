import { useState, type FormEvent } from 'react';
import { useCommandContext } from '../../commands/context';
import { applyCustomShock, simAvailable } from '../../commands/sim';
import { useBulwark } from '../../stores/store';
import { feedbackAfterEdit } from './feedback-text';

/** A custom shock, e.g. "SPX -6%, VIX +15", sent as sim.control shock-spec. */
export function ShockForm() {
  const ctx = useCommandContext();
  const enabled = useBulwark(simAvailable);
  const [spec, setSpec] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = spec.trim();
    if (!text || busy) return;
    setBusy(true);
    void applyCustomShock(ctx, text).then((ok) => {
      setBusy(false);
      if (ok) setSpec('');
    });
  };

  return (
    <form className="shock-form" onSubmit={submit}>
      <label className="sr-only" htmlFor="shock-spec">
        Custom shock
      </label>
      <input
        id="shock-spec"
        className="input"
        type="text"
        placeholder="SPX -6%, VIX +15"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={spec}
        disabled={!enabled}
        onChange={(e) => {
          const text = e.target.value;
          setSpec(text);
          const { feedback, setFeedback } = ctx.store.getState();
          const next = feedbackAfterEdit(feedback.sim, text);
          if (next !== feedback.sim) setFeedback('sim', next);
        }}
      />
      <button type="submit" className="btn" disabled={!enabled || busy || spec.trim() === ''}>
        Apply
      </button>
    </form>
  );
}
