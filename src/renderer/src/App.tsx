import type { Transport } from './api/bridge';
import { CommandContextReact } from './commands/context';
import type { CommandContext } from './commands/types';
import { useCommandShortcuts } from './commands/use-shortcuts';
import { SessionEndedBanner } from './components/SessionEndedBanner';
import { Header } from './features/header/Header';
import { StaleBanner } from './features/header/StaleBanner';
import { MarketWatch } from './features/market-watch/MarketWatch';
import { Notices } from './features/notices/Notices';
import { OrderTicket } from './features/orders/OrderTicket';
import { WorkingOrders } from './features/orders/WorkingOrders';
import { PositionsTable } from './features/positions/PositionsTable';
import { RiskPanel } from './features/risk/RiskPanel';
import { SimulatorPanel } from './features/simulator/SimulatorPanel';
import { StatusBar } from './features/status-bar/StatusBar';

interface Props {
  ctx: CommandContext;
  transport: Transport;
}

export function App({ ctx, transport }: Props) {
  useCommandShortcuts(ctx);
  return (
    <CommandContextReact.Provider value={ctx}>
      <div className="app">
        <Header />
        <StaleBanner />
        <main className="workspace">
          <div className="main-column">
            <RiskPanel />
            <section className="panel positions-panel" aria-labelledby="positions-title">
              <h2 className="panel-title" id="positions-title">
                Positions
              </h2>
              <PositionsTable />
            </section>
            <WorkingOrders />
          </div>
          <aside className="sidebar">
            <MarketWatch />
            <SimulatorPanel />
          </aside>
        </main>
        <StatusBar transport={transport} />
        <OrderTicket />
        <Notices />
        <SessionEndedBanner />
      </div>
    </CommandContextReact.Provider>
  );
}
