/**
 * Working orders: every live order of the session with its status, fills, limit and walk, and
 * Cancel / Modify; finished orders under "Done today"; TWS notices about orders until dismissed.
 */
import { useState } from 'react';
import type { ApiError } from '@shared/api/errors';
import type { OrderRecord } from '@shared/domain/order-ticket';
import { useShallow } from 'zustand/react/shallow';
import { toApiError } from '../../api/errors';
import { useCommandContext } from '../../commands/context';
import { DASH, fmtPrice } from '../../format/numbers';
import { doneOrders, workingOrders, type OrderNotice, type OrdersSlice } from '../../stores/orders';
import { useBulwark } from '../../stores/store';
import '../../styles/orders.css';
import { detailsText } from './review-format';
import { parseNumber } from './ticket-legs';
import { useOrdersLoad } from './use-orders-load';
import { filledText, legsSummary, orderSideText, STATUS_TEXT, walkText } from './working-model';

const COLUMNS = [
  'Status',
  'Order',
  'Strategy',
  'Legs',
  'Filled/left',
  'Avg',
  'Limit',
  'Walk',
  'Reason',
];

function ErrorLine({ error }: { error: ApiError }) {
  return (
    <span className="wo-error" role="alert">
      <span className="gate-code">{error.code}</span> {error.message}
      {error.details ? ` ${detailsText(error.details)}` : ''}
    </span>
  );
}

function Actions({ o }: { o: OrderRecord }) {
  const ctx = useCommandContext();
  const [modifying, setModifying] = useState(false);
  const [price, setPrice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (f: () => Promise<OrderRecord>) => {
    setBusy(true);
    setError(null);
    try {
      ctx.store.getState().setOrders([await f()]);
      setModifying(false);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const limit = parseNumber(price);
  return (
    <td className="wo-actions">
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        onClick={() => void run(() => ctx.api.call('orders.cancel', { orderId: o.orderId }))}
      >
        Cancel
      </button>
      {modifying ? (
        <>
          <input
            className="tk-input tk-num wo-price"
            aria-label={`New limit for order ${o.orderId}`}
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-small"
            disabled={busy || limit === null}
            onClick={() =>
              limit !== null &&
              void run(() =>
                ctx.api.call('orders.modify', { orderId: o.orderId, limitPrice: limit }),
              )
            }
          >
            Confirm
          </button>
          <button type="button" className="btn btn-small" onClick={() => setModifying(false)}>
            Keep
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || o.request.orderType !== 'LMT'}
          onClick={() => {
            setPrice(o.request.limitPrice === undefined ? '' : String(o.request.limitPrice));
            setModifying(true);
          }}
        >
          Modify
        </button>
      )}
      {error ? <ErrorLine error={error} /> : null}
    </td>
  );
}

function OrderLine({ o, live }: { o: OrderRecord; live: boolean }) {
  return (
    <tr data-order-id={o.orderId} className={`wo-row wo-${o.status}`}>
      <td className={`wo-status status-${o.status}`}>{STATUS_TEXT[o.status]}</td>
      <td className="num">
        #{o.orderId} {orderSideText(o)}
      </td>
      <td>{o.strategy ?? DASH}</td>
      <td className="wo-legs">{legsSummary(o.request)}</td>
      <td className="num">{filledText(o)}</td>
      <td className="num">{fmtPrice(o.avgFillPrice)}</td>
      <td className="num">{fmtPrice(o.request.limitPrice)}</td>
      <td className="num">{walkText(o.walk) ?? DASH}</td>
      <td className="wo-reason">{o.reason ?? ''}</td>
      {live ? <Actions o={o} /> : null}
    </tr>
  );
}

function OrderTable({
  orders,
  live,
  label,
}: {
  orders: OrderRecord[];
  live: boolean;
  label: string;
}) {
  return (
    <table className="wo-table" aria-label={label}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          {live ? <th scope="col">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <OrderLine key={o.orderId} o={o} live={live} />
        ))}
      </tbody>
    </table>
  );
}

function OrderNotices({ notices }: { notices: readonly OrderNotice[] }) {
  const dismiss = useBulwark((s) => s.dismissOrderNotice);
  if (notices.length === 0) return null;
  return (
    <ul className="wo-notices" aria-label="Broker notices">
      {notices.map((n) => (
        <li key={n.id} className="notice">
          <span className="notice-code">TWS {n.code}</span>
          <span className="notice-text">
            {n.orderId !== null ? `Order #${n.orderId}: ` : ''}
            {n.message}
          </span>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

export function WorkingOrders() {
  useOrdersLoad(useCommandContext());
  const working = useBulwark(useShallow((s) => workingOrders(s.orders)));
  const done = useBulwark(useShallow((s) => doneOrders(s.orders)));
  const sent = useBulwark((s) => s.orderSent);
  const notices = useBulwark((s) => s.orderNotices);
  return <WorkingOrdersView working={working} done={done} sent={sent} notices={notices} />;
}

export interface WorkingOrdersProps {
  working: OrderRecord[];
  done: OrderRecord[];
  sent: OrdersSlice['orderSent'];
  notices: readonly OrderNotice[];
}

export function WorkingOrdersView({ working, done, sent, notices }: WorkingOrdersProps) {
  return (
    <section className="panel orders-panel" aria-labelledby="orders-title">
      <h2 className="panel-title" id="orders-title">
        Working orders
      </h2>
      {sent ? (
        <p className="wo-sent" role="status">
          {sent.text}
        </p>
      ) : null}
      <OrderNotices notices={notices} />
      {working.length > 0 ? (
        <OrderTable orders={working} live label="Working orders" />
      ) : (
        <p className="wo-empty">No working orders.</p>
      )}
      <details className="wo-done">
        <summary>Done today ({done.length})</summary>
        {done.length > 0 ? <OrderTable orders={done} live={false} label="Done today" /> : null}
      </details>
    </section>
  );
}
