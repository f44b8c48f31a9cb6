import type { TradingMode } from '@shared/domain/account';
import { newOrder } from '../../commands/orders';
import { useCommandContext } from '../../commands/context';
import { useBulwark } from '../../stores/store';
import { TradingStateBadge } from '../orders/TradingStateBadge';
import { AccountFigures } from './AccountFigures';
import { ConnectionIndicator, LinkIndicator } from './ConnectionIndicator';

const MODE_TEXT: Record<TradingMode, string> = {
  simulated: 'Simulated',
  paper: 'Paper',
  live: 'LIVE',
};

export function Header() {
  const broker = useBulwark((s) => s.connection?.broker ?? s.app?.broker ?? null);
  const mode = useBulwark((s) => s.connection?.mode ?? null);
  const accountId = useBulwark((s) => s.connection?.account ?? s.account?.account ?? null);
  const serverVersion = useBulwark((s) => s.connection?.serverVersion ?? null);
  const ctx = useCommandContext();
  const canOrder = useBulwark((s) => newOrder.enabled(s));
  return (
    <header className="header">
      <div className="brand">
        <img className="brand-mark" src="./favicon.svg" alt="" width={18} height={18} />
        <span className="brand-name">Bulwark</span>
      </div>
      <div className="header-tags">
        {broker ? (
          <span className={`badge badge-broker badge-${broker}`} title="Market data source">
            {broker === 'sim' ? 'SIM' : 'IBKR'}
          </span>
        ) : null}
        {mode ? (
          <span className={`badge badge-mode mode-${mode}`} title="Trading mode">
            {MODE_TEXT[mode]}
          </span>
        ) : null}
        <span className="account-id" title="Account">
          {accountId ?? '—'}
        </span>
        {serverVersion !== null ? (
          <span className="server-version" title="TWS / IB Gateway API server version">
            API v{serverVersion}
          </span>
        ) : null}
      </div>
      <ConnectionIndicator />
      <LinkIndicator />
      <TradingStateBadge />
      <button
        type="button"
        className="btn btn-primary header-new-order"
        disabled={!canOrder}
        title={newOrder.description}
        onClick={() => void newOrder.perform(ctx)}
      >
        New order
      </button>
      <div className="header-spacer" />
      <AccountFigures />
    </header>
  );
}
