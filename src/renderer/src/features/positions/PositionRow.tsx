import { memo } from 'react';
import type { BrokerKind } from '@shared/domain/account';
import { isOption } from '@shared/domain/instrument';
import type { PositionRow } from '@shared/domain/positions';
import {
  fmtDelta,
  fmtGamma,
  fmtIv,
  fmtMoney,
  fmtPnl,
  fmtPrice,
  fmtQty,
  fmtTheta,
  fmtVega,
  DASH,
  pnlClass,
} from '../../format/numbers';
import { useTooOld } from '../../stores/selectors';
import { appStore } from '../../stores/store';
import { closeDraft, rollDraft } from '../orders/ticket-actions';
import { AgeCell } from './AgeCell';
import type { ExpiryLevel } from './expiry';
import { greeksSourceLabel, oldestTime, settlementMark } from './model';

export interface RowContext {
  broker: BrokerKind | null;
  /** Why the whole feed is stale (link down, broker not connected), or null. */
  feedStale: string | null;
  quoteLimitMs: number;
  greeksLimitMs: number;
}

interface Props extends RowContext {
  row: PositionRow;
  /** From the frame's expiry alarms for this position; null when none. */
  expiry: ExpiryLevel | null;
}

/** Short options near expiry, as the frame's alarms rate them (see expiry.ts). */
function expiryLevel(row: PositionRow, level: ExpiryLevel | null): ExpiryLevel | null {
  if (row.quantity >= 0 || row.dte === null || !isOption(row.instrument)) return null;
  return level;
}

function expiryClass(level: ExpiryLevel | null): string | null {
  return level === null ? null : `expiry-${level}`;
}

function expiryTitle(row: PositionRow, level: ExpiryLevel | null): string | undefined {
  if (level === null) return undefined;
  const when = `Short option expires in ${row.dte} day${row.dte === 1 ? '' : 's'}`;
  return level === 'crit' ? `${when}: critical` : when;
}

function cls(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** Close (the opposite leg, whole quantity) and, for options, Roll (to the next expiry). */
function PositionActions({ row }: { row: PositionRow }) {
  if (row.quantity === 0) return null;
  const open = (draft: ReturnType<typeof closeDraft> | null) => {
    if (draft) appStore.getState().openTicket(draft);
  };
  const roll = isOption(row.instrument) ? rollDraft(row) : null;
  return (
    <span className="pos-actions">
      <button
        type="button"
        className="pos-action"
        title={`Open the ticket to close ${row.instrument.description}`}
        onClick={() => open(closeDraft(row))}
      >
        Close
      </button>
      {roll ? (
        <button
          type="button"
          className="pos-action"
          title={`Open the ticket to roll ${row.instrument.description} to a later expiry`}
          onClick={() => open(roll)}
        >
          Roll
        </button>
      ) : null}
    </span>
  );
}

/** One position. Memoized: re-renders when its row object or the stale context changes. */
export const PositionRowView = memo(function PositionRowView({
  row,
  broker,
  feedStale,
  quoteLimitMs,
  greeksLimitMs,
  expiry: alarmLevel,
}: Props) {
  const expiry = expiryLevel(row, alarmLevel);
  const priceOld = useTooOld(row.priceTime, quoteLimitMs);
  const greeksOld = useTooOld(row.greeksTime, greeksLimitMs);
  const hasGreeks = row.greeks !== null;
  const priceStale = feedStale !== null || row.priceStale || priceOld || row.price === null;
  const greeksStale = hasGreeks && (feedStale !== null || row.greeksStale || greeksOld);
  const stale = priceStale || greeksStale;
  const why =
    feedStale ??
    [
      row.price === null ? 'no price' : null,
      row.priceStale || priceOld ? `price older than ${quoteLimitMs / 1000}s` : null,
      greeksStale ? `Greeks older than ${greeksLimitMs / 1000}s` : null,
    ]
      .filter(Boolean)
      .join(', ');
  const g = row.greeks;
  const gCls = (base: string) => cls(base, greeksStale && 'stale');
  const pCls = (base: string) => cls(base, priceStale && 'stale');
  const inst = row.instrument;
  const source = greeksSourceLabel(row.greeksSource, broker);
  return (
    <tr data-position-id={row.id} className={cls('pos-row', stale && 'row-stale')}>
      <td className="c-instr" title={`${inst.description} · ${inst.key} · ${row.account}`}>
        <span className="instr-desc">{inst.description}</span>
        {inst.secType === 'STK' || inst.secType === 'FUT' ? (
          <span className="instr-type">{inst.secType}</span>
        ) : null}
        <PositionActions row={row} />
      </td>
      <td className={cls('c-qty num', row.quantity < 0 && 'short')}>{fmtQty(row.quantity)}</td>
      <td className={pCls('c-price num')}>{fmtPrice(row.price)}</td>
      <td className={pCls('c-mv num')}>{fmtMoney(row.marketValue)}</td>
      <td className={pCls(cls('c-pnl num', pnlClass(row.unrealizedPnl)))}>
        {fmtPnl(row.unrealizedPnl)}
      </td>
      <td className={gCls('c-greek num')}>{g ? fmtDelta(g.delta) : DASH}</td>
      <td className={gCls('c-greek num')}>{g ? fmtGamma(g.gamma) : DASH}</td>
      <td className={gCls('c-greek num')}>{g ? fmtTheta(g.theta) : DASH}</td>
      <td className={gCls('c-greek num')}>{g ? fmtVega(g.vega) : DASH}</td>
      <td className={gCls('c-iv num')}>{fmtIv(row.iv)}</td>
      <td className={cls('c-dte num', expiryClass(expiry))} title={expiryTitle(row, expiry)}>
        {row.dte ?? DASH}
        {settlementMark(row)}
      </td>
      <td className="c-src">
        {row.greeksSource === 'none' ? (
          <span className="flag" title="No valid Greeks: left out of every total">
            n/a
          </span>
        ) : (
          <span className={`src src-${row.greeksSource}`}>{source}</span>
        )}
      </td>
      <AgeCell time={oldestTime(row)} stale={stale} why={why} />
    </tr>
  );
});
