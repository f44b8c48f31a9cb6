import type { Transport } from '../../api/bridge';
import { fmtAge } from '../../format/time';
import { useBulwark } from '../../stores/store';

function LastUpdate() {
  const text = useBulwark((s) =>
    s.clock.lastEventAt === null ? 'none yet' : `${fmtAge(s.clock.now - s.clock.lastEventAt)} ago`,
  );
  return <span title="Time since the core last sent anything">Last update {text}</span>;
}

export function StatusBar({ transport }: { transport: Transport }) {
  const runtime = useBulwark((s) => s.app?.runtime ?? null);
  const version = useBulwark((s) => s.app?.version ?? null);
  const positions = useBulwark((s) => s.positions.rows.length);
  const loaded = useBulwark((s) => s.positions.loaded);
  const isSim = useBulwark((s) => s.app?.broker === 'sim');
  const skew = useBulwark((s) => Math.round(s.clock.skewMs / 100) / 10);
  return (
    <footer className="status-bar">
      <span>{runtime ?? '…'}</span>
      <span>v{version ?? '…'}</span>
      <span title="How this window reaches the core">
        {transport === 'ipc' ? 'IPC' : 'WebSocket'}
      </span>
      <LastUpdate />
      <span>{loaded ? `${positions.toLocaleString('en-US')} positions` : 'positions loading'}</span>
      <span title="Core clock minus this machine's clock">clock skew {skew.toFixed(1)}s</span>
      <span className="status-spacer" />
      {isSim ? (
        <span className="status-hint">Alt+P pause/resume simulator · Alt+1…4 shock presets</span>
      ) : null}
    </footer>
  );
}
