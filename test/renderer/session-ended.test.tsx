import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sessionEnd } from '../../src/renderer/src/api/session-end';
import { SessionEndedBanner } from '../../src/renderer/src/components/SessionEndedBanner';

describe('SessionEndedBanner', () => {
  it('shows nothing while the session is live, then tells the user to open the new address', () => {
    expect(renderToStaticMarkup(<SessionEndedBanner />)).toBe('');
    let told = 0;
    const off = sessionEnd.subscribe(() => told++);
    sessionEnd.markEnded();
    sessionEnd.markEnded();
    off();
    expect(told).toBe(1);
    const html = renderToStaticMarkup(<SessionEndedBanner />);
    expect(html).toContain('This Bulwark session has ended');
    expect(html).toContain('open the new address printed by');
    expect(html).toContain('role="alert"');
  });
});
