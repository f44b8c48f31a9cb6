/**
 * P&L against the benchmark move, drawn with lightweight-charts' options (price-scaled) chart:
 * revalued now with no vol shift, and after one day of decay. The chart is created once, resizes
 * with its container (autoSize), gets new series data on every frame and is removed on unmount.
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
import { fmtCompactUsd } from '../../format/numbers';
import { useBulwark } from '../../stores/store';
import { HeavyAge } from './HeavyAge';
import { CURVE_STYLES, PRICE_SCALE_MIN_WIDTH, type CurveId } from './pnl-curve-style';
import { fmtMove, pnlCurve } from './scenarios';

/** Canvas colours (CSS variables do not reach the canvas): see base.css. */
const COLORS = {
  bg: '#0f1216',
  text: '#8c97a4',
  grid: '#161b21',
  border: '#1f262f',
  zero: '#3a4552',
} as const;

interface ChartRefs {
  chart: IChartApiBase<number>;
  now: ISeriesApi<'Line', number>;
  decay: ISeriesApi<'Line', number>;
}

function createCurveChart(el: HTMLElement): ChartRefs {
  const chart = createOptionsChart(el, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: COLORS.bg },
      textColor: COLORS.text,
      fontSize: 10,
      // The logo injects a <style> element, which the renderer's CSP forbids; the panel
      // credits TradingView in its caption instead.
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
    localization: { precision: 0, priceFormatter: fmtCompactUsd, timeFormatter: fmtMove },
  });
  const series = (id: CurveId) => {
    const st = CURVE_STYLES[id];
    return chart.addSeries(LineSeries, {
      color: st.color,
      lineWidth: st.lineWidth,
      lineStyle: st.lineStyle,
      priceLineVisible: false,
      lastValueVisible: false,
      title: '',
    });
  };
  // The +1 day curve first, so "now" is drawn on top where they coincide.
  const decay = series('decay');
  const now = series('now');
  now.createPriceLine({
    price: 0,
    color: COLORS.zero,
    lineWidth: 1,
    lineStyle: LineStyle.Solid,
    axisLabelVisible: false,
    title: '',
  });
  return { chart, now, decay };
}

export function PnlCurveChart({ stale }: { stale: boolean }) {
  const grid = useBulwark((s) => s.risk.frame?.scenarios ?? null);
  const bench = useBulwark((s) => s.risk.frame?.benchmark.symbol ?? 'benchmark');
  const container = useRef<HTMLDivElement>(null);
  const refs = useRef<ChartRefs | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const r = createCurveChart(el);
    refs.current = r;
    return () => {
      refs.current = null;
      r.chart.remove();
    };
  }, []);

  useEffect(() => {
    const r = refs.current;
    if (!r) return;
    const curve = pnlCurve(grid);
    for (const id of ['now', 'decay'] as const) {
      const st = CURVE_STYLES[id];
      r[id].applyOptions({ color: stale ? st.staleColor : st.color });
    }
    r.now.setData(curve.now.map((p) => ({ time: p.time, value: p.value })));
    r.decay.setData(curve.decay.map((p) => ({ time: p.time, value: p.value })));
    r.chart.timeScale().fitContent();
  }, [grid, stale]);

  return (
    <figure className="pnl-curve">
      <figcaption className="pnl-caption">
        <span className="risk-h3">P&amp;L ($) vs {bench} move (%)</span>
        <ul className="pnl-legend" aria-label="Legend">
          {(['now', 'decay'] as const).map((id) => (
            <li key={id} className={`pnl-key pnl-key-${id}`} title={CURVE_STYLES[id].description}>
              {CURVE_STYLES[id].label}
            </li>
          ))}
        </ul>
        <HeavyAge />
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
          className="pnl-chart"
          ref={container}
          role="img"
          aria-label={`P&L curve against the ${bench} move, now and after one day of decay`}
        />
        {grid ? null : <span className="pnl-wait">computing…</span>}
      </div>
    </figure>
  );
}
