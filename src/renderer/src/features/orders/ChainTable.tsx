/**
 * One expiry of the option chain: calls left, strike in the middle, puts right. A click on a
 * side picks that strike for the strategy. Quotes that are missing or stale read "—", never 0.
 */
import type { ChainQuote, ChainRow, ChainView } from '@shared/domain/chain';
import { formatStrike } from '@shared/domain/instrument';
import { DASH, fmt, fmtIv, fmtPrice } from '../../format/numbers';
import type { FixedLeg } from './ticket-draft';
import type { QuoteBook, TicketQuote } from './ticket-legs';

interface Props {
  chain: ChainView | null;
  book: QuoteBook;
  /** The legs as built, to mark them in the table (by instrument key, with the order's side). */
  legs: readonly FixedLeg[];
  action: 'BUY' | 'SELL';
  onPick: (strike: number, right: 'C' | 'P') => void;
  canPick: boolean;
}

const SIDE_COLUMNS = ['Bid', 'Ask', 'Mid', 'Δ', 'IV', 'OI'] as const;

function cells(q: ChainQuote | null, t: TicketQuote | undefined): string[] {
  if (!q || !t) return SIDE_COLUMNS.map(() => DASH);
  return [
    fmtPrice(t.bid),
    fmtPrice(t.ask),
    fmtPrice(t.mid),
    t.delta === null ? DASH : fmt(t.delta, 2),
    fmtIv(t.iv),
    q.openInterest === null ? DASH : fmt(q.openInterest, 0),
  ];
}

/** The row whose strike is nearest the underlying: where the money is. */
function atmIndex(chain: ChainView): number {
  const px = chain.underlyingPrice;
  if (px === null) return -1;
  let best = -1;
  chain.rows.forEach((r, i) => {
    if (best < 0 || Math.abs(r.strike - px) < Math.abs(chain.rows[best]!.strike - px)) best = i;
  });
  return best;
}

function Side(props: {
  row: ChainRow;
  right: 'C' | 'P';
  book: QuoteBook;
  mark: string | null;
  onPick: Props['onPick'];
  canPick: boolean;
}) {
  const { row, right, book, mark, onPick, canPick } = props;
  const q = right === 'C' ? row.call : row.put;
  const t = q ? book.get(q.instrument.key) : undefined;
  const stale =
    q !== null && t !== undefined && t.bid === null && (q.bid !== null || q.ask !== null);
  const values = cells(q, t);
  const word = right === 'C' ? 'call' : 'put';
  const name = `${formatStrike(row.strike)} ${word}`;
  const ordered = right === 'C' ? values : [...values].reverse();
  const cls = ['chain-cell', `chain-${word}`, mark ? `leg-${mark}` : '', stale ? 'stale' : '']
    .filter(Boolean)
    .join(' ');
  const pick = () => {
    if (q && canPick) onPick(row.strike, right);
  };
  return (
    <>
      {ordered.map((v, i) => {
        const isMid = (right === 'C' ? i : SIDE_COLUMNS.length - 1 - i) === 2;
        return (
          <td
            key={i}
            className={`${cls} num`}
            onClick={pick}
            title={stale ? `${name}: quote stale or missing` : undefined}
          >
            {isMid && q && canPick ? (
              <button type="button" className="chain-pick" aria-label={`Pick ${name}`}>
                {v}
              </button>
            ) : (
              v
            )}
          </td>
        );
      })}
    </>
  );
}

export function ChainTable({ chain, book, legs, action, onPick, canPick }: Props) {
  if (!chain) return <p className="chain-wait">Loading the chain…</p>;
  if (chain.rows.length === 0) return <p className="chain-wait">No strikes listed.</p>;
  const marks = new Map<string, string>();
  for (const l of legs) marks.set(l.instrument.key, l.action === action ? 'buy' : 'sell');
  const atm = atmIndex(chain);
  const heads = (right: 'C' | 'P') =>
    (right === 'C' ? SIDE_COLUMNS : [...SIDE_COLUMNS].reverse()).map((c) => (
      <th key={`${right}${c}`} scope="col" className="num">
        {c}
      </th>
    ));
  return (
    <div className="chain-scroll">
      <table className="chain-table" aria-label={`${chain.underlying} option chain`}>
        <thead>
          <tr>
            <th colSpan={SIDE_COLUMNS.length} scope="colgroup">
              Calls
            </th>
            <th scope="col">Strike</th>
            <th colSpan={SIDE_COLUMNS.length} scope="colgroup">
              Puts
            </th>
          </tr>
          <tr>
            {heads('C')}
            <th scope="col" className="num">
              {chain.underlyingPrice === null ? DASH : fmtPrice(chain.underlyingPrice)}
            </th>
            {heads('P')}
          </tr>
        </thead>
        <tbody>
          {chain.rows.map((r, i) => (
            <tr key={r.strike} className={i === atm ? 'chain-atm' : undefined}>
              <Side
                row={r}
                right="C"
                book={book}
                mark={r.call ? (marks.get(r.call.instrument.key) ?? null) : null}
                onPick={onPick}
                canPick={canPick}
              />
              <th scope="row" className="chain-strike num">
                {formatStrike(r.strike)}
              </th>
              <Side
                row={r}
                right="P"
                book={book}
                mark={r.put ? (marks.get(r.put.instrument.key) ?? null) : null}
                onPick={onPick}
                canPick={canPick}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
