import type { TradingState } from '@shared/domain/order-ticket';
import { useBulwark } from '../../stores/store';

/** The header's word on the trading state: nothing while active, loud while it is not. */
export function TradingStateBadge() {
  const state = useBulwark((s) => s.trading?.state ?? null);
  const reason = useBulwark((s) => s.trading?.reason ?? '');
  return <TradingStateView state={state} reason={reason} />;
}

export function TradingStateView({
  state,
  reason,
}: {
  state: TradingState['state'] | null;
  reason: string;
}) {
  if (state === null || state === 'active') return null;
  const word = state === 'halted' ? 'HALTED' : 'REDUCE-ONLY';
  return (
    <span
      className={`badge trading-state trading-${state}`}
      role="status"
      aria-label={`Trading state: ${word}${reason ? `: ${reason}` : ''}`}
      title={
        state === 'halted' ? 'No order can be sent' : 'Only orders that reduce risk can be sent'
      }
    >
      {word}
      {reason ? <span className="trading-reason">: {reason}</span> : null}
    </span>
  );
}
