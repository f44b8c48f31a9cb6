/**
 * The trade itself: legs, natural and mid, its Greeks (the chain's delta before a review, the
 * gate's projected $ Greeks after), max profit and loss, break-evens, probability of profit.
 */
import type { Review } from '@shared/domain/order-ticket';
import type { TradeStats } from '@shared/domain/payoff';
import { DASH, fmt, fmtDelta, fmtGamma, fmtPercent, fmtPrice, fmtUsd } from '../../format/numbers';
import type { FixedLeg } from './ticket-draft';
import type { TicketPrices } from './ticket-legs';

interface Props {
  legs: readonly FixedLeg[];
  action: 'BUY' | 'SELL';
  prices: TicketPrices;
  delta: number | null;
  stats: TradeStats | null;
  /** The current review (for the exact draft), or null. */
  review: Review | null;
}

function Figure({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="tk-figure" title={title}>
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
}

const GATE = 'Projected by the gate: the book after the trade minus the book now';

/** "unlimited" rather than a number when the payoff has no bound that way. */
const bound = (v: number | null) => (v === null ? 'unlimited' : fmtUsd(v));

function LegList({ legs, action }: Pick<Props, 'legs' | 'action'>) {
  if (legs.length === 0) return null;
  return (
    <ul className="tk-legs" aria-label="Legs">
      {legs.map((l) => {
        const buys = l.action === action;
        return (
          <li key={l.instrument.key} className={buys ? 'leg-buy' : 'leg-sell'}>
            <span className="tk-leg-side">{buys ? 'BUY' : 'SELL'}</span>
            {l.ratio > 1 ? <span className="tk-leg-ratio">{l.ratio}×</span> : null}
            <span>{l.instrument.description}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function TradeSummary({ legs, action, prices, delta, stats, review }: Props) {
  const g = review?.tradeGreeks ?? null;
  // Said of each price by its sign: selling at a positive price (or buying at a negative one,
  // IB's combo convention) brings money in; the other way pays.
  const side = (px: number | null) => ((action === 'SELL') === (px ?? 0) >= 0 ? 'credit' : 'debit');
  return (
    <section className="tk-group tk-summary" aria-label="Trade">
      <LegList legs={legs} action={action} />
      <dl className="tk-figures">
        <Figure label={`Natural (${side(prices.natural)})`} value={fmtPrice(prices.natural)} />
        <Figure label={`Mid (${side(prices.mid)})`} value={fmtPrice(prices.mid)} />
        <Figure label="Tick" value={fmt(prices.tick, 2)} />
        {g ? (
          <>
            <Figure label="Δ $" value={fmtUsd(g.delta)} title={GATE} />
            <Figure label="β-Δ $" value={fmtUsd(g.betaDelta)} title={GATE} />
            <Figure label="Γ" value={fmtGamma(g.gamma)} title={GATE} />
            <Figure label="Θ $/day" value={fmtUsd(g.theta)} title={GATE} />
            <Figure label="Vega $" value={fmtUsd(g.vega)} title={GATE} />
          </>
        ) : (
          <Figure
            label="Δ (shares)"
            value={delta === null ? DASH : fmtDelta(delta)}
            title="From the chain's deltas; the gate's Greeks come with Simulate"
          />
        )}
      </dl>
      <dl className="tk-figures">
        <Figure label="Max profit" value={stats ? bound(stats.maxProfit) : DASH} />
        <Figure label="Max loss" value={stats ? bound(stats.maxLoss) : DASH} />
        <Figure
          label="Break-evens"
          value={
            stats && stats.breakevens.length > 0
              ? stats.breakevens.map((b) => fmt(b, 2)).join(' · ')
              : DASH
          }
        />
        <Figure
          label="P(profit)"
          value={fmtPercent(stats?.probabilityOfProfit ?? null, 0)}
          title="Lognormal at the legs' implied volatility, to the first expiry"
        />
      </dl>
    </section>
  );
}
