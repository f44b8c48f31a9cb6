/**
 * How to trade it: quantity, limit (with Mid and Natural), TIF, plain or walking limit with its
 * worst price, the strategy tag and the rationale that travel with the order to the journal.
 */
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
        <label className="tk-field">
          <span>Quantity</span>
          <input
            className="tk-input tk-num"
            inputMode="numeric"
            value={draft.quantityText}
            onChange={(e) => set({ quantityText: e.target.value })}
          />
        </label>
        <label className="tk-field">
          <span>Limit price</span>
          <input
            className="tk-input tk-num"
            inputMode="decimal"
            value={draft.limitText}
            placeholder="—"
            onChange={(e) => set({ limitText: e.target.value })}
          />
        </label>
        <div className="tk-buttons">
          {priceButton('Mid', prices.mid)}
          {priceButton('Natural', prices.natural)}
        </div>
        <label className="tk-field">
          <span>TIF</span>
          <select
            className="tk-input"
            value={draft.tif}
            onChange={(e) => set({ tif: e.target.value as 'DAY' | 'GTC' })}
          >
            <option value="DAY">DAY</option>
            <option value="GTC">GTC</option>
          </select>
        </label>
      </div>
      <div className="tk-row">
        <label className="tk-field">
          <span>Execution</span>
          <select
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
        </label>
        {draft.execution === 'walk' ? (
          <label className="tk-field">
            <span>Worst price</span>
            <input
              className="tk-input tk-num"
              inputMode="decimal"
              value={draft.worstText}
              title="The walk starts at the limit and steps toward this price, never past it"
              onChange={(e) => set({ worstText: e.target.value })}
            />
          </label>
        ) : null}
        <label className="tk-field tk-grow">
          <span>Strategy tag</span>
          <input
            className="tk-input"
            value={draft.tag ?? ''}
            maxLength={60}
            placeholder={defaultTag(draft, label)}
            onChange={(e) => set({ tag: e.target.value === '' ? null : e.target.value })}
          />
        </label>
      </div>
      <label className="tk-field tk-wide">
        <span>Rationale</span>
        <textarea
          className="tk-input tk-rationale"
          rows={2}
          maxLength={2000}
          value={draft.rationale}
          placeholder="Why this trade, what would make you exit"
          onChange={(e) => set({ rationale: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
