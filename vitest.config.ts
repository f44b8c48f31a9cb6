import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        // The shell tests run against a stubbed electron module (test/fakes/electron.ts).
        resolve: {
          alias: { ...alias, electron: resolve(import.meta.dirname, 'test/fakes/electron.ts') },
        },
        test: { name: 'shell', include: ['test/shell/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        // Benchmarks: measured and printed as JSON lines by `npm run bench`, never asserted.
        resolve: { alias },
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
