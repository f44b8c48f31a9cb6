import { memo } from 'react';
import { DASH, fmtPrice } from '../../format/numbers';
import { fmtAge } from '../../format/time';
import { StaleTag } from '../../components/StaleTag';
import { ageOf } from '../../stores/clock';
import { useFeedStaleReason, useStaleLimits, useTooOld } from '../../stores/selectors';
import { tooOld } from '../../stores/staleness';
import { useBulwark } from '../../stores/store';
import { TERM_RATIO_LABEL, fmtTermRatio, termRatio, termState, termTitle } from '../../format/term';
import { watchLabel } from './model';

interface RowProps {
  quoteKey: string;
  feedStale: boolean;
  limitMs: number;
}

const QuoteRow = memo(function QuoteRow({ quoteKey, feedStale, limitMs }: RowProps) {
  const q = useBulwark((s) => s.quotes.byKey[quoteKey]);
  const old = useTooOld(q?.time ?? null, limitMs);
  const age = useBulwark((s) => fmtAge(ageOf(q?.time ?? null, s.clock)));
  const stale = feedStale || old || q?.mark === null;
  const { symbol, detail } = watchLabel(quoteKey);
  const hasBook = q !== undefined && (q.bid !== null || q.ask !== null);
  return (
    <tr className={stale ? 'row-stale' : undefined} data-quote-key={quoteKey}>
      <td className="w-sym" title={quoteKey}>
        <span className="w-symbol">{symbol}</span>
        {detail ? <span className="w-detail">{detail}</span> : null}
        {q?.delayed ? (
          <span className="w-delayed" title="Delayed data">
            D
          </span>
        ) : null}
      </td>
      <td className={stale ? 'num w-last stale' : 'num w-last'}>{fmtPrice(q?.mark ?? q?.last)}</td>
      <td className={stale ? 'num w-book stale' : 'num w-book'}>
        {hasBook ? `${fmtPrice(q.bid)} × ${fmtPrice(q.ask)}` : DASH}
      </td>
      <td className={stale ? 'num w-age stale' : 'num w-age'} title={`${age} old`}>
        {stale ? <StaleTag title={`Stale quote, ${age} old`} /> : null}
        {age}
      </td>
    </tr>
  );
});

function TermRatioRow({ feedStale, limitMs }: { feedStale: boolean; limitMs: number }) {
  const vix = useBulwark((s) => s.quotes.byKey['IND:VIX']?.mark);
  const vix3m = useBulwark((s) => s.quotes.byKey['IND:VIX3M']?.mark);
  const old = useBulwark((s) => {
    const a = ageOf(s.quotes.byKey['IND:VIX']?.time ?? null, s.clock);
    const b = ageOf(s.quotes.byKey['IND:VIX3M']?.time ?? null, s.clock);
    return tooOld(a, limitMs) || tooOld(b, limitMs);
  });
  const ratio = termRatio(vix, vix3m);
  if (vix === undefined && vix3m === undefined) return null;
  const stale = feedStale || old || ratio === null;
  const state = termState(ratio);
  const inverted = state === 'backwardation';
  const cls = ['num', stale ? 'stale' : inverted ? 'warn' : ''].filter(Boolean).join(' ');
  return (
    <tr className="w-ratio">
      <td className="w-sym">
        <span className="w-symbol">{TERM_RATIO_LABEL}</span>
      </td>
      <td className={`${cls} w-last`} title={termTitle(state)}>
        {fmtTermRatio(ratio)}
      </td>
      <td className="num w-book">{state ?? ''}</td>
      <td className="num w-age">
        {stale ? <StaleTag title="Stale: VIX or VIX3M quote is old" /> : ''}
      </td>
    </tr>
  );
}

/** Indices, underlyings and futures with their latest quotes; VIX term structure. */
export function MarketWatch() {
  const keys = useBulwark((s) => s.quotes.watchKeys);
  const feedStale = useFeedStaleReason() !== null;
  const { quote } = useStaleLimits();
  // The term-structure ratio sits right under VIX3M (or VIX).
  const cut = Math.max(keys.indexOf('IND:VIX3M'), keys.indexOf('IND:VIX')) + 1;
  return (
    <section className="panel" aria-labelledby="mw-title">
      <h2 className="panel-title" id="mw-title">
        Market watch
      </h2>
      <div className="panel-body flush">
        <table className="watch" aria-label="Market watch">
          <thead>
            <tr>
              <th scope="col" className="w-sym">
                Symbol
              </th>
              <th scope="col" className="num w-last">
                Last
              </th>
              <th scope="col" className="num w-book">
                Bid × Ask
              </th>
              <th scope="col" className="num w-age">
                Age
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr className="empty-row">
                <td colSpan={4}>No quotes yet.</td>
              </tr>
            ) : null}
            {keys.slice(0, cut).map((k) => (
              <QuoteRow key={k} quoteKey={k} feedStale={feedStale} limitMs={quote} />
            ))}
            <TermRatioRow feedStale={feedStale} limitMs={quote} />
            {keys.slice(cut).map((k) => (
              <QuoteRow key={k} quoteKey={k} feedStale={feedStale} limitMs={quote} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
