import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

/**
 * `npm run dev` only: Vite's dev server injects inline styles, the React refresh preamble and
 * an HMR WebSocket, which the renderer's strict CSP forbids. Builds keep the strict policy.
 */
const devCsp: Plugin = {
  name: 'bulwark-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
};

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rolldownOptions: {
        // headless.ts is the same core without Electron, run by plain Node; risk-worker.ts is
        // the worker thread for scenario grids and Monte Carlo.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          headless: resolve(__dirname, 'src/main/headless.ts'),
          'risk-worker': resolve(__dirname, 'src/main/risk/worker/risk-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot load ESM: build it as CommonJS.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    resolve: { alias: shared },
    plugins: [react(), devCsp],
  },
});
