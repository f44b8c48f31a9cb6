import { fmtPrice } from '../../format/numbers';
import { fmtAge } from '../../format/time';
import { useAgeText, useRiskStaleReason } from '../../stores/selectors';
import { useBulwark } from '../../stores/store';
import { alarmChip } from './alarms';
import { AlarmsList } from './AlarmsList';
import { GammaByDte } from './GammaByDte';
import { riskNotice } from './notice';
import { PnlCurveChart } from './PnlCurveChart';
import { RegimeBadge } from './RegimeBadge';
import { RiskTotals } from './RiskTotals';
import { ScenarioTable, StandardShocks } from './ScenarioTable';
import { ThetaVegaGauge } from './ThetaVegaGauge';
import { TrafficLights } from './TrafficLights';
import { VarFigures } from './VarFigures';

function FrameAge() {
  const asOf = useBulwark((s) => s.risk.frame?.asOf ?? null);
  const age = useAgeText(asOf, fmtAge);
  return (
    <span className="risk-age" title="Age of the latest risk frame">
      {age} ago
    </span>
  );
}

function Benchmark({ stale }: { stale: boolean }) {
  const symbol = useBulwark((s) => s.risk.frame?.benchmark.symbol ?? null);
  const price = useBulwark((s) => s.risk.frame?.benchmark.price ?? null);
  if (!symbol) return null;
  return (
    <span className="regime-fact" title="Benchmark for β-delta and the scenarios">
      <span className="regime-key">{symbol}</span>
      <span className={stale ? 'num stale' : 'num'}>{fmtPrice(price)}</span>
    </span>
  );
}

/** How many alarms and how bad, in the title bar; a click brings the alarm list into view. */
function AlarmChip() {
  const alarms = useBulwark((s) => s.risk.frame?.alarms);
  const chip = alarmChip(alarms ?? []);
  if (!chip) return null;
  return (
    <button
      type="button"
      className={`alarm-chip alarm-${chip.severity}`}
      title="Show the alarms"
      onClick={() =>
        document.getElementById('risk-alarms-title')?.scrollIntoView({ block: 'start' })
      }
    >
      {chip.text}
    </button>
  );
}

/** An engine failure (red, with its reason) or why the figures are not live (amber). */
function Notice({ staleReason }: { staleReason: string | null }) {
  const failure = useBulwark((s) => s.risk.frame?.failure ?? null);
  const stale = useBulwark((s) => s.risk.frame?.stale ?? false);
  const reason = useBulwark((s) => s.risk.frame?.staleReason ?? null);
  const n = riskNotice({ failure, stale, staleReason: reason }, staleReason);
  if (n === null) return null;
  if (n.kind === 'failure') {
    return (
      <div className="risk-failure" role="alert">
        <strong>{n.title}</strong> — {n.text}
      </div>
    );
  }
  return (
    <p className="risk-stale-notice">
      <span className="stale-tag">stale</span>
      {n.text}
    </p>
  );
}

/**
 * The risk engine's view of the book: regime, limit lights, Greeks, gamma by expiry, θ/ν,
 * scenarios with the P&L curve, VaR and alarms. Shows what the core computed; computes no risk.
 */
export function RiskPanel() {
  const hasFrame = useBulwark((s) => s.risk.frame !== null);
  const staleReason = useRiskStaleReason();
  const stale = staleReason !== null;
  return (
    <section
      className={hasFrame ? 'panel risk-panel' : 'panel risk-panel is-empty'}
      aria-labelledby="risk-title"
    >
      <div className="panel-title risk-titlebar">
        <h2 className="risk-title" id="risk-title">
          Risk
        </h2>
        {hasFrame ? (
          <>
            <RegimeBadge stale={stale} />
            <Benchmark stale={stale} />
            <span className="header-spacer" />
            <AlarmChip />
            <FrameAge />
          </>
        ) : (
          <span className="risk-waiting">Waiting for the first risk frame from the core…</span>
        )}
      </div>
      {hasFrame ? (
        <div className={stale ? 'risk-body is-stale' : 'risk-body'}>
          <Notice staleReason={staleReason} />
          <div className="risk-col risk-col-limits">
            <TrafficLights stale={stale} />
            <AlarmsList />
          </div>
          <div className="risk-col risk-col-book">
            <RiskTotals stale={stale} />
            <VarFigures stale={stale} />
            <ThetaVegaGauge stale={stale} />
            <GammaByDte stale={stale} />
          </div>
          <div className="risk-col risk-col-scen">
            <PnlCurveChart stale={stale} />
            <ScenarioTable stale={stale} />
            <StandardShocks stale={stale} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
