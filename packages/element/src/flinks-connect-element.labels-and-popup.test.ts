// <flinks-connect> speaks its `language`, takes labels as a property, and shows the blocked-pop-up
// notice next to an iframe that stays the same element.
import type { ConnectEvent } from '@flinks-embed/core';
import { describe, expect, it, vi } from 'vitest';
import type { FlinksConnectElement } from './define';
import { flush, frame, INSTANCE, post, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';
import { pendingFetcher, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { alert, button, en, failing, fr } from '../test/mount-fixture';

setupTestEnvironment();

describe('<flinks-connect>', () => {
  function element(attributes: string): FlinksConnectElement {
    document.body.insertAdjacentHTML('beforeend', `<flinks-connect ${attributes}></flinks-connect>`);
    const connect = document.body.lastElementChild as FlinksConnectElement;
    connect.fetchAuthorizeToken = tokenFetcher();
    return connect;
  }

  it('speaks French with language="fr": loading, title, error and retry', async () => {
    await import('./define');
    const { fetcher, calls } = pendingFetcher();
    const connect = element(`instance="${INSTANCE}" language="fr"`);
    connect.fetchAuthorizeToken = fetcher;
    await flush();
    expect(connect.querySelector('[role="status"]')).toHaveTextContent(fr.loading);
    calls[0]!.resolve('token-1');
    await flush();
    expect(frame().title).toBe(fr.title);

    // frame-title wins, and removing it gives the French default back.
    connect.setAttribute('frame-title', 'Mon titre');
    expect(frame().title).toBe('Mon titre');
    connect.removeAttribute('frame-title');
    expect(frame().title).toBe(fr.title);

    const failed = element(`instance="${INSTANCE}" language="fr"`);
    failed.retry = false;
    failed.fetchAuthorizeToken = failing();
    await flush();
    expect(alert(failed)).toHaveTextContent(fr.error);
    expect(button(failed)).toHaveTextContent(fr.retry);
  });

  it('takes labels as a property, and is English without a language', async () => {
    await import('./define');
    const connect = element(`instance="${INSTANCE}"`);
    connect.retry = false;
    connect.fetchAuthorizeToken = failing();
    await flush();
    expect(alert(connect)).toHaveTextContent(en.error);
    connect.labels = { retry: 'Reload' };
    connect.reload();
    await flush();
    expect(button(connect)).toHaveTextContent('Reload');
  });

  it('shows the notice and dispatches flinks-popup-blocked, which bubbles; removal clears it', async () => {
    await import('./define');
    const connect = element(`instance="${INSTANCE}" language="fr"`);
    const onPopupBlocked = vi.fn();
    connect.onPopupBlocked = onPopupBlocked;
    const seen: ConnectEvent[] = [];
    document.body.addEventListener('flinks-popup-blocked', (event) => seen.push(event.detail));
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(seen).toEqual([expect.objectContaining({ step: 'POPUP_BLOCKED' })]);
    expect(onPopupBlocked).toHaveBeenCalledTimes(1);
    expect(alert(connect)).toHaveTextContent(fr.popupBlocked);
    expect(frame()).toBe(iframe);
    button(connect)!.click();
    expect(alert(connect)).toBeNull();
    expect(frame()).toBe(iframe);

    connect.popupBlockedNotice = false;
    post({ step: 'POPUP_BLOCKED' });
    expect(seen).toHaveLength(2);
    expect(alert(connect)).toBeNull();

    connect.popupBlockedNotice = undefined;
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(connect)).not.toBeNull();
    connect.remove();
    expect(connect.children).toHaveLength(0);
  });
});
