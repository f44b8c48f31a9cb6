import { shockPresetCommands, simSpeedCommands, toggleSimPause } from '../../commands/sim';
import { fmt } from '../../format/numbers';
import { fmtNewYork, fmtSpeed } from '../../format/time';
import { useBulwark } from '../../stores/store';
import { CommandButton } from './CommandButton';
import { SimFeedback } from './Feedback';
import { ShockForm } from './ShockForm';

function SimFacts() {
  const simTime = useBulwark((s) => s.sim?.simTime ?? null);
  const speed = useBulwark((s) => s.sim?.speed ?? null);
  const steps = useBulwark((s) => s.sim?.steps ?? null);
  const seed = useBulwark((s) => s.sim?.seed ?? null);
  const lastShock = useBulwark((s) => s.sim?.lastShock ?? null);
  return (
    <dl className="facts">
      <dt>Sim time</dt>
      <dd className="num">{simTime === null ? '—' : fmtNewYork(simTime)}</dd>
      <dt>Speed</dt>
      <dd className="num">{speed === null ? '—' : fmtSpeed(speed)}</dd>
      <dt>Steps</dt>
      <dd className="num">{fmt(steps, 0)}</dd>
      <dt>Seed</dt>
      <dd className="num">{seed ?? '—'}</dd>
      <dt>Last shock</dt>
      <dd>{lastShock ?? 'none'}</dd>
    </dl>
  );
}

function RunState() {
  const running = useBulwark((s) => s.sim?.running ?? null);
  if (running === null) return <span className="run-state">—</span>;
  return (
    <span className={running ? 'run-state running' : 'run-state paused'}>
      {running ? 'Running' : 'Paused'}
    </span>
  );
}

/** Controls of the built-in market simulator (only when the broker is the simulator). */
export function SimulatorPanel() {
  const isSim = useBulwark((s) => s.app?.broker === 'sim');
  if (!isSim) return null;
  return (
    <section className="panel" aria-labelledby="sim-title">
      <h2 className="panel-title" id="sim-title">
        Simulator <RunState />
      </h2>
      <div className="panel-body">
        <SimFacts />
        <div className="control-row">
          <CommandButton command={toggleSimPause} className="btn-primary btn-pause" />
          <div className="segmented" role="group" aria-label="Simulator speed">
            {simSpeedCommands.map((c) => (
              <CommandButton key={c.id} command={c} className="seg" />
            ))}
          </div>
        </div>
        <div className="control-label">Shock presets</div>
        <div className="shock-presets">
          {shockPresetCommands.map((c) => (
            <CommandButton key={c.id} command={c} className="btn-shock" />
          ))}
        </div>
        <div className="control-label">Custom shock</div>
        <ShockForm />
        <SimFeedback />
      </div>
    </section>
  );
}
