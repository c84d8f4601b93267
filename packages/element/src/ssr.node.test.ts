import { describe, expect, it, vi } from 'vitest';

describe('importing on a server (Node, no DOM)', () => {
  it('runs where window, document, HTMLElement and customElements do not exist', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof HTMLElement).toBe('undefined');
    expect(typeof customElements).toBe('undefined');
  });

  it('imports both entries without throwing, registering and scheduling nothing', async () => {
    vi.useFakeTimers();
    const main = await import('./index');
    const define = await import('./define');
    expect(typeof main.mountFlinksConnect).toBe('function');
    expect(typeof define.FlinksConnectElement).toBe('function');
    expect(define.FlinksConnectElement.observedAttributes).toEqual(
      expect.arrayContaining(['instance', 'connect-url', 'language', 'consent-enable', 'enhanced-mfa']),
    );
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });
});
