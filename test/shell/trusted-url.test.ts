import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, type TrustedPages } from '../../src/main/shell/trusted-url';

const INDEX =
  'file:///Applications/Bulwark.app/Contents/Resources/app.asar/out/renderer/index.html';
const packaged: TrustedPages = { devServerUrl: null, indexFileUrl: INDEX };
const dev: TrustedPages = { devServerUrl: 'http://localhost:5173', indexFileUrl: INDEX };

describe('isTrustedRendererUrl', () => {
  it('trusts our built index.html, with or without hash and query', () => {
    expect(isTrustedRendererUrl(INDEX, packaged)).toBe(true);
    expect(isTrustedRendererUrl(`${INDEX}#/positions`, packaged)).toBe(true);
    expect(isTrustedRendererUrl(`${INDEX}?view=risk#x`, packaged)).toBe(true);
  });

  it('trusts the same file after dot segments are resolved, but not a different file', () => {
    const viaDots = INDEX.replace('/out/renderer/', '/out/main/../renderer/');
    expect(isTrustedRendererUrl(viaDots, packaged)).toBe(true);
    expect(isTrustedRendererUrl(INDEX.replace('index.html', 'other.html'), packaged)).toBe(false);
    expect(isTrustedRendererUrl(INDEX.replace('/out/renderer/', '/out/'), packaged)).toBe(false);
    expect(isTrustedRendererUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isTrustedRendererUrl(`${INDEX}/extra`, packaged)).toBe(false);
  });

  it('rejects a file URL on another host', () => {
    const remote = INDEX.replace('file:///', 'file://evil.example/');
    expect(isTrustedRendererUrl(remote, packaged)).toBe(false);
  });

  it('rejects every web page when there is no dev server', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', packaged)).toBe(false);
  });

  it('in development trusts any page on the dev server origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/src/main.tsx?t=1#a', dev)).toBe(true);
    expect(isTrustedRendererUrl(INDEX, dev)).toBe(true);
  });

  it('rejects lookalikes of the dev server: other ports, hosts, schemes and credentials', () => {
    for (const url of [
      'http://localhost:5174/',
      'http://localhost:51730/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost.evil.example:5173/',
      'http://evil.example/?http://localhost:5173',
      'http://localhost:5173@evil.example/',
      'http://user:pass@localhost:5173/',
      'ws://localhost:5173/',
    ]) {
      expect(isTrustedRendererUrl(url, dev), url).toBe(false);
    }
  });

  it('rejects script, data, blob, about and garbage URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:http://localhost:5173/0d6c2a33-1111-2222-3333-444455556666',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'chrome://gpu',
      '',
      'not a url',
      '/out/renderer/index.html',
    ]) {
      expect(isTrustedRendererUrl(url, dev), url).toBe(false);
    }
  });

  it('never trusts a dev server URL that is not http(s)', () => {
    const odd: TrustedPages = { devServerUrl: 'file:///tmp/', indexFileUrl: INDEX };
    expect(isTrustedRendererUrl('file:///tmp/index.html', odd)).toBe(false);
    const broken: TrustedPages = { devServerUrl: 'not a url', indexFileUrl: INDEX };
    expect(isTrustedRendererUrl('http://localhost:5173/', broken)).toBe(false);
  });
});
