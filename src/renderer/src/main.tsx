/**
 * Renderer entry: picks the bridge (Electron IPC or the headless WebSocket), starts feeding the
 * store from the core's streams, and renders the workstation inside an error boundary.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/api';
import { getBridge } from './api/bridge';
import { App } from './App';
import { CrashScreen, ErrorBoundary } from './components/ErrorBoundary';
import { startFeeds } from './stores/feed';
import { appStore } from './stores/store';
import './styles/base.css';
import './styles/layout.css';
import './styles/positions.css';
import './styles/risk.css';
import './styles/risk-figures.css';
import './styles/alarms.css';
import './styles/sidebar.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

try {
  const { bridge, transport } = getBridge({
    onLink: (link) => appStore.getState().setLink(link),
    onNotice: (error) => appStore.getState().pushNotice(error, Date.now()),
  });
  const api = createApi(bridge);
  startFeeds(bridge, api, appStore);
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <App ctx={{ api, store: appStore }} transport={transport} />
      </ErrorBoundary>
    </StrictMode>,
  );
} catch (e) {
  root.render(<CrashScreen message={e instanceof Error ? e.message : String(e)} />);
}
