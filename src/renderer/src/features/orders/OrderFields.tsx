/**
 * How to trade it: quantity, limit (with Mid and Natural), TIF, plain or walking limit with its
 * worst price, the strategy tag and the rationale that travel with the order to the journal.
 */
import { Field } from './Field';
import type { TicketDraft } from './ticket-draft';
import { defaultTag, fmtTickPrice, type TicketPrices } from './ticket-legs';

interface Props {
  draft: TicketDraft;
  prices: TicketPrices;
  label: string;
  onEdit: (patch: Partial<TicketDraft>) => void;
}

export function OrderFields({ draft, prices, label, onEdit }: Props) {
  const set = (patch: Partial<TicketDraft>) => onEdit(patch);
  const priceButton = (name: string, px: number | null) => (
    <button
      type="button"
      className="btn btn-small"
      disabled={px === null}
      title={
        px === null ? `No ${name.toLowerCase()} price: a quote is missing or stale` : undefined
      }
      onClick={() => px !== null && set({ limitText: fmtTickPrice(px, prices.tick) })}
    >
      {name}
    </button>
  );
  return (
    <fieldset className="tk-group tk-order">
      <legend>Order</legend>
      <div className="tk-row">
        <Field label={'Quantity'}>
          {(id) => (
            <input
              id={id}
              className="tk-input tk-num"
              inputMode="numeric"
              value={draft.quantityText}
              onChange={(e) => set({ quantityText: e.target.value })}
            />
          )}
        </Field>
        <Field label={'Limit price'}>
          {(id) => (
            <input
              id={id}
              className="tk-input tk-num"
              inputMode="decimal"
              value={draft.limitText}
              placeholder="—"
              onChange={(e) => set({ limitText: e.target.value })}
            />
          )}
        </Field>
        <div className="tk-buttons">
          {priceButton('Mid', prices.mid)}
          {priceButton('Natural', prices.natural)}
        </div>
        <Field label={'TIF'}>
          {(id) => (
            <select
              id={id}
              className="tk-input"
              value={draft.tif}
              onChange={(e) => set({ tif: e.target.value as 'DAY' | 'GTC' })}
            >
              <option value="DAY">DAY</option>
              <option value="GTC">GTC</option>
            </select>
          )}
        </Field>
      </div>
      <div className="tk-row">
        <Field label={'Execution'}>
          {(id) => (
            <select
              id={id}
              className="tk-input"
              value={draft.execution}
              onChange={(e) => {
                const execution = e.target.value as 'limit' | 'walk';
                const worst =
                  execution === 'walk' && draft.worstText === '' && prices.natural !== null
                    ? { worstText: fmtTickPrice(prices.natural, prices.tick) }
                    : {};
                set({ execution, ...worst });
              }}
            >
              <option value="limit">Limit</option>
              <option value="walk">Walking limit</option>
            </select>
          )}
        </Field>
        {draft.execution === 'walk' ? (
          <Field label={'Worst price'}>
            {(id) => (
              <input
                id={id}
                className="tk-input tk-num"
                inputMode="decimal"
                value={draft.worstText}
                title="The walk starts at the limit and steps toward this price, never past it"
                onChange={(e) => set({ worstText: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        <Field label={'Strategy tag'} className="tk-grow">
          {(id) => (
            <input
              id={id}
              className="tk-input"
              value={draft.tag ?? ''}
              maxLength={60}
              placeholder={defaultTag(draft, label)}
              onChange={(e) => set({ tag: e.target.value === '' ? null : e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={'Rationale'} className="tk-wide">
        {(id) => (
          <textarea
            id={id}
            className="tk-input tk-rationale"
            rows={2}
            maxLength={2000}
            value={draft.rationale}
            placeholder="Why this trade, what would make you exit"
            onChange={(e) => set({ rationale: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
