import { useShallow } from 'zustand/react/shallow';
import type { Transport } from '../../api/bridge';
import { ageOf } from '../../stores/clock';
import { useStaleLimits } from '../../stores/selectors';
import { useBulwark } from '../../stores/store';
import { SettingsButton } from '../settings/SettingsButton';
import { lastUpdateView } from './last-update';

/** Age of the newest market data received, and the broker state when it is not live. */
function LastUpdate() {
  const { quote } = useStaleLimits();
  const v = useBulwark(
    useShallow((s) =>
      lastUpdateView(
        s.link,
        s.connection,
        ageOf(s.quotes.newestTime, s.clock),
        quote,
        s.app?.broker === 'sim' ? (s.sim?.running ?? null) : null,
      ),
    ),
  );
  return (
    <span className={v.warn ? 'warn' : undefined} title={v.title}>
      {v.text}
    </span>
  );
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
      <SettingsButton />
    </footer>
  );
}
