import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import config from '../../electron.vite.config';

const html = readFileSync('src/renderer/index.html', 'utf8');

function devCsp(): Plugin {
  const plugins = (config as { renderer: { plugins: unknown[] } }).renderer.plugins.flat();
  const plugin = plugins.find((p) => (p as Plugin | null)?.name === 'bulwark-dev-csp');
  if (!plugin) throw new Error('bulwark-dev-csp plugin not configured');
  return plugin as Plugin;
}

describe('renderer Content-Security-Policy', () => {
  it('ships strict: no inline scripts or styles in the built page', () => {
    expect(html).toMatch(/script-src 'self';/);
    expect(html).toMatch(/style-src 'self';/);
    expect(html).not.toMatch(/unsafe-inline/);
  });

  it('is relaxed only by the dev server, so hot reload works in `npm run dev`', () => {
    const plugin = devCsp();
    expect(plugin.apply).toBe('serve');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    const dev = transform(html);
    expect(dev).toMatch(/script-src 'self' 'unsafe-inline'/);
    expect(dev).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(dev).toMatch(/connect-src 'self' ws:\/\/localhost:\*/);
  });
});
