/**
 * The order ticket: a dialog that builds an order from the chain, shows what it is worth and
 * risks, runs the gate (Simulate, Cmd/Ctrl+Enter) and sends only what the gate reviewed (Send).
 */
import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useCommandContext } from '../../commands/context';
import { useBulwark } from '../../stores/store';
import '../../styles/orders.css';
import { ChainTable } from './ChainTable';
import { OrderFields } from './OrderFields';
import { PayoffChart } from './PayoffChart';
import { GateAlert, ReviewPanel } from './ReviewPanel';
import { StrategyForm } from './StrategyForm';
import { sendTicket, simulateTicket } from './ticket-actions';
import { pickStrike, type TicketDraft } from './ticket-draft';
import { reviewCurrent, sendState, type TicketState } from './ticket-state';
import { TradeSummary } from './TradeSummary';
import { useChainPolling, useTicketView } from './use-ticket-view';

function SendBar(props: {
  t: TicketState;
  now: number;
  problems: string[];
  onSimulate: () => void;
  onSend: () => void;
}) {
  const { t, now, problems } = props;
  const send = sendState(t, now);
  return (
    <div className="tk-sendbar">
      <button
        type="button"
        className="btn btn-primary"
        disabled={t.busy !== null || problems.length > 0}
        title="Run the pre-trade gate (Cmd/Ctrl+Enter)"
        onClick={props.onSimulate}
      >
        Simulate
      </button>
      <button
        type="button"
        className="btn btn-send"
        disabled={!send.enabled}
        title={send.why ?? 'Send the reviewed order to the broker'}
        onClick={props.onSend}
      >
        Send
      </button>
      <span className="tk-send-why" aria-live="polite">
        {send.enabled ? `Review valid for ${send.secondsLeft} s` : send.why}
      </span>
      {problems.length > 0 ? (
        <ul className="tk-problems" aria-label="Before you can simulate">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The dialog for one open ticket (exported for tests, which render it with a given state). */
export function TicketDialog({ t }: { t: TicketState }) {
  const ctx = useCommandContext();
  const store = ctx.store;
  useChainPolling(ctx, t);
  const view = useTicketView(t);
  const titleId = useId();
  const onEdit = useCallback(
    (patch: Partial<TicketDraft>) => store.getState().editTicket(patch),
    [store],
  );
  const simulate = useCallback(() => void simulateTicket(ctx), [ctx]);
  const close = () => store.getState().closeTicket();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      simulate();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
  const problems = view.order.ok ? [] : view.order.problems;
  const current = reviewCurrent(t);
  return (
    <div
      className="ticket"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      ref={root}
      onKeyDown={onKeyDown}
    >
      <header className="ticket-head">
        <h2 className="panel-title" id={titleId}>
          Order ticket
        </h2>
        <span className="ticket-label">{view.derived.label}</span>
        <button type="button" className="btn btn-small" aria-label="Close ticket" onClick={close}>
          ×
        </button>
      </header>
      <div className="ticket-body">
        <div className="ticket-left">
          <StrategyForm
            draft={t.draft}
            chain={t.chain}
            farChain={t.farChain}
            strikeChain={view.tableChain}
            action={view.derived.action}
            onEdit={onEdit}
          />
          {t.chainError ? (
            <p className="tk-chain-error">
              <span className="gate-code">{t.chainError.code}</span> {t.chainError.message}
            </p>
          ) : null}
          <ChainTable
            chain={view.tableChain}
            book={view.book}
            legs={view.derived.legs}
            action={view.derived.action}
            canPick={t.draft.kind !== 'close'}
            onPick={(strike, right) => {
              const patch = pickStrike(t.draft, strike, right);
              if (patch) onEdit(patch);
            }}
          />
        </div>
        <div className="ticket-right">
          <OrderFields
            draft={t.draft}
            prices={view.prices}
            label={view.derived.label}
            onEdit={onEdit}
          />
          <TradeSummary
            legs={view.derived.legs}
            action={view.derived.action}
            prices={view.prices}
            delta={view.delta}
            stats={view.payoff?.stats ?? null}
            review={current ? t.review : null}
          />
          {view.derived.notes.map((n) => (
            <p key={n} className="tk-hint">
              {n}
            </p>
          ))}
          <PayoffChart payoff={view.payoff} spot={view.spot} />
        </div>
      </div>
      <footer className="ticket-foot">
        <GateAlert
          review={t.review}
          error={t.error}
          busy={t.busy !== null}
          onSendAgain={() => void simulateTicket(ctx, { sendAgain: true })}
        />
        <SendBar
          t={t}
          now={view.now}
          problems={problems}
          onSimulate={simulate}
          onSend={() => void sendTicket(ctx)}
        />
        {t.review ? <ReviewPanel review={t.review} current={current} /> : null}
      </footer>
    </div>
  );
}

/** Mounted once in the app; shows the ticket while one is open. */
export function OrderTicket() {
  const t = useBulwark((s) => s.ticket);
  return t ? <TicketDialog t={t} /> : null;
}
