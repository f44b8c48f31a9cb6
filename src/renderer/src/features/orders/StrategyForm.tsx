/**
 * What to trade: underlying, expiries, the strategy and its parameters (calls or puts, side,
 * strikes, width). Each change is a trader edit (see ticket-state: it invalidates a review).
 */
import { useId, useState } from 'react';
import type { ChainView } from '@shared/domain/chain';
import { formatExpiry, formatStrike } from '@shared/domain/instrument';
import { STRATEGIES } from '@shared/domain/strategies';
import {
  needsFarExpiry,
  needsRight,
  needsWidth,
  sideChoice,
  strikeSlots,
  UNDERLYINGS,
  type TicketDraft,
  type TicketKind,
} from './ticket-draft';
import { Field } from './Field';

interface Props {
  draft: TicketDraft;
  chain: ChainView | null;
  farChain: ChainView | null;
  /** The chain the strikes come from (the far one when rolling). */
  strikeChain: ChainView | null;
  action: 'BUY' | 'SELL';
  onEdit: (patch: Partial<TicketDraft>) => void;
}

const EXTRA_KINDS: ReadonlyArray<{ kind: TicketKind; label: string }> = [
  { kind: 'stock', label: 'Shares' },
  { kind: 'future', label: 'Future' },
];

function kindLabel(kind: TicketKind): string {
  if (kind === 'close') return 'Close position';
  if (kind === 'roll') return 'Roll position';
  return (
    STRATEGIES.find((s) => s.kind === kind)?.label ??
    EXTRA_KINDS.find((k) => k.kind === kind)?.label ??
    kind
  );
}

/** Typed text is committed on Enter or leaving the field (or a listed symbol at once), so a
 * half-typed symbol does not ask the core for its chain. */
function Underlying({ draft, onEdit }: Pick<Props, 'draft' | 'onEdit'>) {
  const list = useId();
  const [text, setText] = useState(draft.underlying);
  const [shown, setShown] = useState(draft.underlying);
  if (shown !== draft.underlying) {
    setShown(draft.underlying);
    setText(draft.underlying);
  }
  const commit = (v: string) => {
    const u = v.trim().toUpperCase();
    if (u !== '' && u !== draft.underlying) onEdit({ underlying: u });
  };
  return (
    <Field label={'Underlying'}>
      {(id) => (
        <>
          <input
            id={id}
            className="tk-input tk-underlying"
            list={list}
            value={text}
            spellCheck={false}
            onChange={(e) => {
              const v = e.target.value.toUpperCase();
              setText(v);
              if ((UNDERLYINGS as readonly string[]).includes(v)) commit(v);
            }}
            onBlur={() => commit(text)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) commit(text);
            }}
          />
          <datalist id={list}>
            {UNDERLYINGS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

function ExpirySelect(props: {
  label: string;
  value: string | null;
  options: readonly string[];
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const options =
    props.value && !props.options.includes(props.value)
      ? [props.value, ...props.options]
      : props.options;
  return (
    <Field label={props.label}>
      {(id) => (
        <select
          id={id}
          className="tk-input"
          value={props.value ?? ''}
          disabled={props.disabled === true || options.length === 0}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.value === null ? <option value="">—</option> : null}
          {options.map((e) => (
            <option key={e} value={e}>
              {formatExpiry(e)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function StrikeSelect(props: {
  label: string;
  value: number | null;
  chain: ChainView | null;
  onChange: (v: number) => void;
}) {
  const strikes = props.chain?.rows.map((r) => r.strike) ?? [];
  if (props.value !== null && !strikes.includes(props.value)) strikes.push(props.value);
  strikes.sort((a, b) => a - b);
  return (
    <Field label={props.label}>
      {(id) => (
        <select
          id={id}
          className="tk-input"
          value={props.value ?? ''}
          onChange={(e) => props.onChange(Number(e.target.value))}
        >
          {props.value === null ? <option value="">—</option> : null}
          {strikes.map((k) => (
            <option key={k} value={k}>
              {formatStrike(k)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function StrategyForm({ draft, chain, farChain, strikeChain, action, onEdit }: Props) {
  const kinds: Array<{ kind: TicketKind; label: string }> = [
    ...STRATEGIES.map((s) => ({ kind: s.kind, label: s.label })),
    ...EXTRA_KINDS,
    ...(draft.kind === 'close' || draft.kind === 'roll'
      ? [{ kind: draft.kind, label: kindLabel(draft.kind) }]
      : []),
  ];
  const fixed = draft.kind === 'close' || draft.kind === 'roll';
  const expirations = chain?.expirations ?? farChain?.expirations ?? [];
  const nearExpiry =
    draft.kind === 'roll' ? (draft.fixed?.instrument.expiry ?? null) : draft.expiry;
  const after = expirations.filter((e) => nearExpiry === null || e > nearExpiry);
  const setStrike = (i: number, k: number) => {
    const strikes = [...draft.strikes];
    strikes[i] = k;
    onEdit({ strikes });
  };
  return (
    <fieldset className="tk-group tk-strategy">
      <legend>Instrument and strategy</legend>
      <div className="tk-row">
        <Underlying draft={draft} onEdit={onEdit} />
        <ExpirySelect
          label="Expiry"
          value={nearExpiry ?? chain?.expiry ?? null}
          options={expirations}
          disabled={fixed}
          onChange={(expiry) => onEdit({ expiry })}
        />
        {needsFarExpiry(draft.kind) ? (
          <ExpirySelect
            label={draft.kind === 'roll' ? 'Roll to' : 'Far expiry'}
            value={draft.farExpiry}
            options={after}
            onChange={(farExpiry) => onEdit({ farExpiry })}
          />
        ) : null}
      </div>
      <div className="tk-row">
        <Field label={'Strategy'}>
          {(id) => (
            <select
              id={id}
              className="tk-input"
              value={draft.kind}
              onChange={(e) => onEdit({ kind: e.target.value as TicketKind })}
            >
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {sideChoice(draft.kind) ? (
          <Field label={'Side'}>
            {(id) => (
              <select
                id={id}
                className="tk-input"
                value={draft.side ?? action}
                onChange={(e) => onEdit({ side: e.target.value as 'BUY' | 'SELL' })}
              >
                <option value="BUY">Buy</option>
                <option value="SELL">Sell</option>
              </select>
            )}
          </Field>
        ) : null}
        {needsRight(draft.kind) ? (
          <Field label={'Calls or puts'}>
            {(id) => (
              <select
                id={id}
                className="tk-input"
                value={draft.right}
                onChange={(e) => onEdit({ right: e.target.value as 'C' | 'P' })}
              >
                <option value="C">Calls</option>
                <option value="P">Puts</option>
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="tk-row">
        {strikeSlots(draft.kind).map((label, i) => (
          <StrikeSelect
            key={label}
            label={label}
            value={draft.strikes[i] ?? null}
            chain={strikeChain}
            onChange={(k) => setStrike(i, k)}
          />
        ))}
        {needsWidth(draft.kind) ? (
          <Field label={'Width'}>
            {(id) => (
              <input
                id={id}
                className="tk-input tk-num"
                inputMode="decimal"
                value={draft.widthText}
                onChange={(e) => onEdit({ widthText: e.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
      {STRATEGIES.find((s) => s.kind === draft.kind)?.needs ? (
        <p className="tk-hint">Choose {STRATEGIES.find((s) => s.kind === draft.kind)?.needs}.</p>
      ) : null}
    </fieldset>
  );
}
