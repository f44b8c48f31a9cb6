/**
 * The trade's P&L against the underlying's price, at the first expiry and today, with
 * lightweight-charts' options (price-scaled) chart like the risk panel's curve: created once,
 * new data on every change, removed on unmount. The curves carry no on-chart titles (they
 * overlap at the edge); the caption is the legend, and the styles differ by dash as well.
 */
import { useEffect, useRef } from 'react';
import {
  ColorType,
  LineSeries,
  LineStyle,
  createOptionsChart,
  type IChartApiBase,
  type ISeriesApi,
} from 'lightweight-charts';
import { fmt, fmtCompactUsd } from '../../format/numbers';
import { PRICE_SCALE_MIN_WIDTH } from '../risk/pnl-curve-style';
import type { PayoffView } from './payoff-legs';

/** Canvas colours (CSS variables do not reach the canvas): see base.css. */
const COLORS = {
  bg: '#0f1216',
  text: '#8c97a4',
  grid: '#161b21',
  border: '#1f262f',
  zero: '#3a4552',
};

export const PAYOFF_STYLES = {
  expiry: {
    color: '#e3a33b',
    lineStyle: LineStyle.Solid,
    label: 'at expiry',
    description: 'P&L at the first expiry among the legs',
  },
  today: {
    color: '#5b9bff',
    lineStyle: LineStyle.Dashed,
    label: 'today',
    description: 'P&L if the underlying moved there now, at the legs’ implied volatility',
  },
} as const;

type CurveId = keyof typeof PAYOFF_STYLES;

interface ChartRefs {
  chart: IChartApiBase<number>;
  expiry: ISeriesApi<'Line', number>;
  today: ISeriesApi<'Line', number>;
}

function createPayoffChart(el: HTMLElement): ChartRefs {
  const chart = createOptionsChart(el, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: COLORS.bg },
      textColor: COLORS.text,
      fontSize: 10,
      // The logo injects a <style> element, which the renderer's CSP forbids (see the caption).
      attributionLogo: false,
    },
    grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
    rightPriceScale: {
      borderColor: COLORS.border,
      scaleMargins: { top: 0.1, bottom: 0.1 },
      minimumWidth: PRICE_SCALE_MIN_WIDTH,
    },
    timeScale: { borderColor: COLORS.border, fixLeftEdge: true, fixRightEdge: true },
    handleScroll: false,
    handleScale: false,
    localization: {
      precision: 0,
      priceFormatter: fmtCompactUsd,
      timeFormatter: (x: number) => fmt(x, 0),
    },
  });
  const series = (id: CurveId) =>
    chart.addSeries(LineSeries, {
      color: PAYOFF_STYLES[id].color,
      lineWidth: 2,
      lineStyle: PAYOFF_STYLES[id].lineStyle,
      priceLineVisible: false,
      lastValueVisible: false,
      title: '',
    });
  const today = series('today');
  const expiry = series('expiry');
  expiry.createPriceLine({
    price: 0,
    color: COLORS.zero,
    lineWidth: 1,
    lineStyle: LineStyle.Solid,
    axisLabelVisible: false,
    title: '',
  });
  return { chart, expiry, today };
}

export function PayoffChart({ payoff, spot }: { payoff: PayoffView | null; spot: number | null }) {
  const container = useRef<HTMLDivElement>(null);
  const refs = useRef<ChartRefs | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const r = createPayoffChart(el);
    refs.current = r;
    return () => {
      refs.current = null;
      r.chart.remove();
    };
  }, []);

  useEffect(() => {
    const r = refs.current;
    if (!r) return;
    const curve = payoff?.curve ?? [];
    r.expiry.setData(curve.map((p) => ({ time: p.spot, value: p.expiry })));
    r.today.setData(curve.map((p) => ({ time: p.spot, value: p.today })));
    if (curve.length > 0) r.chart.timeScale().fitContent();
  }, [payoff]);

  return (
    <figure className="tk-payoff">
      <figcaption className="pnl-caption">
        <span className="risk-h3">P&amp;L ($) vs underlying</span>
        <ul className="pnl-legend" aria-label="Legend">
          {(['expiry', 'today'] as const).map((id) => (
            <li key={id} className={`pnl-key tk-key-${id}`} title={PAYOFF_STYLES[id].description}>
              {PAYOFF_STYLES[id].label}
            </li>
          ))}
        </ul>
        {spot !== null ? <span className="tk-spot">spot {fmt(spot, 2)}</span> : null}
        <a
          className="pnl-credit"
          href="https://www.tradingview.com/"
          target="_blank"
          rel="noreferrer"
          title="Charts by TradingView Lightweight Charts™"
        >
          TradingView
        </a>
      </figcaption>
      <div className="pnl-wrap">
        <div
          className="tk-payoff-chart"
          ref={container}
          role="img"
          aria-label="Payoff of the trade at expiry and today"
        />
        {payoff ? null : <span className="pnl-wait">needs a mid for every leg</span>}
      </div>
    </figure>
  );
}
