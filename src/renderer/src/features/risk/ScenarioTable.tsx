import { useMemo } from 'react';
import { fmtCompact, fmtPnl, pnlClass } from '../../format/numbers';
import { useBulwark } from '../../stores/store';
import { HeavyAge } from './HeavyAge';
import { modeLabel, scenarioTable } from './scenarios';

/** P&L ($) by benchmark move (columns) and vol shift (rows), revalued now; losses in red. */
export function ScenarioTable({ stale }: { stale: boolean }) {
  const grid = useBulwark((s) => s.risk.frame?.scenarios ?? null);
  const bench = useBulwark((s) => s.risk.frame?.benchmark.symbol ?? '');
  const view = useMemo(() => (grid ? scenarioTable(grid) : null), [grid]);
  return (
    <section className="risk-block" aria-labelledby="risk-scen-title">
      <h3 className="risk-h3" id="risk-scen-title">
        Scenarios{' '}
        {grid ? (
          <span className="risk-h3-note">
            {`${bench} move × vol shift · ${modeLabel(grid.mode)} · $ · no decay`}
          </span>
        ) : null}
        <HeavyAge />
      </h3>
      {view ? (
        <div className="scen-scroll">
          <table
            className={stale ? 'risk-table scen-table stale' : 'risk-table scen-table'}
            aria-label={`Scenario P&L by ${bench} move and vol shift`}
          >
            <thead>
              <tr>
                <th scope="col" className="scen-corner">
                  Vol \ {bench}
                </th>
                {view.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.isZero ? 'num scen-zero' : 'num'}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.key} className={r.isBase ? 'scen-base' : undefined}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c) => (
                    <td key={c.key} className={`num ${c.cls}`} title={c.title}>
                      {c.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The standard shocks: ±1%, ±2%, −5%… of the benchmark, β-mapped and uniform. */
export function StandardShocks({ stale }: { stale: boolean }) {
  const shocks = useBulwark((s) => s.risk.frame?.standardShocks);
  if (!shocks || shocks.length === 0) return null;
  return (
    <section className="risk-block" aria-labelledby="risk-shocks-title">
      <h3 className="risk-h3" id="risk-shocks-title">
        Standard shocks <HeavyAge />
      </h3>
      <table
        className={stale ? 'risk-table shocks-table stale' : 'risk-table shocks-table'}
        aria-label="Standard shocks"
      >
        <thead>
          <tr>
            <th scope="col">Shock</th>
            <th scope="col" className="num" title="Each underlying moves by its beta × the move">
              β-mapped
            </th>
            <th scope="col" className="num" title="Every underlying moves by the same percentage">
              Uniform
            </th>
          </tr>
        </thead>
        <tbody>
          {shocks.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              <td className={`num ${pnlClass(s.betaMapped)}`} title={fmtPnl(s.betaMapped)}>
                {fmtCompact(s.betaMapped)}
              </td>
              <td className={`num ${pnlClass(s.uniform)}`} title={fmtPnl(s.uniform)}>
                {fmtCompact(s.uniform)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
