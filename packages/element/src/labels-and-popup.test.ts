// The words drawn around Connect follow params.language (or the element's `language`), any of
// them can be overridden, and the blocked-pop-up notice comes and goes next to an iframe that
// stays the same element.
import { connectLabels, type ConnectEvent } from '@flinks-embed/core';
import { describe, expect, it, vi } from 'vitest';
import type { FlinksConnectElement } from './define';
import { mountFlinksConnect, unknownParams, type MountFlinksConnectOptions } from './index';
import { flush, frame, INSTANCE, post, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';
import { pendingFetcher, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';

setupTestEnvironment();

const en = connectLabels('en');
const fr = connectLabels('fr');
const failing = () => vi.fn(() => Promise.reject(new Error('offline')));

function mount(options: Partial<MountFlinksConnectOptions> = {}) {
  const box = document.body.appendChild(document.createElement('div'));
  const connect = mountFlinksConnect(box, {
    instance: INSTANCE,
    fetchAuthorizeToken: tokenFetcher(),
    retry: false,
    ...options,
  });
  return { box, connect };
}

const alert = (box: Element) => box.querySelector('[role="alert"]');
const button = (box: Element) => box.querySelector('button');

describe('mountFlinksConnect in French', () => {
  it('announces the loading and names the iframe in French', async () => {
    const { fetcher, calls } = pendingFetcher();
    const { box } = mount({ fetchAuthorizeToken: fetcher, params: { language: 'fr' } });
    expect(box.querySelector('[role="status"]')).toHaveTextContent('Connexion à votre banque…');
    await flush();
    calls[0]!.resolve('token-1');
    await flush();
    expect(frame().title).toBe('Connexion à votre compte bancaire');
    expect(frame().title).toBe(fr.title);
  });

  it('shows the French error and retry button', async () => {
    const { box } = mount({ fetchAuthorizeToken: failing(), params: { language: 'fr' } });
    await flush();
    expect(alert(box)).toHaveTextContent(fr.error);
    expect(button(box)).toHaveTextContent('Réessayer');
  });

  it('stays English by default, and for a language Connect does not speak', async () => {
    const { box } = mount({ fetchAuthorizeToken: failing() });
    await flush();
    expect(alert(box)).toHaveTextContent('Your bank connection could not be loaded.');
    expect(button(box)).toHaveTextContent('Try again');
    const { box: other } = mount({ params: unknownParams({ language: 'de' }) });
    expect(other.querySelector('[role="status"]')).toHaveTextContent(en.loading);
  });
});

describe('labels', () => {
  it('override single strings and keep the rest; title and the text options win over them', async () => {
    const { box } = mount({
      fetchAuthorizeToken: failing(),
      params: { language: 'fr' },
      labels: { error: 'Banque indisponible.' },
    });
    await flush();
    expect(alert(box)).toHaveTextContent('Banque indisponible.');
    expect(button(box)).toHaveTextContent(fr.retry);

    const { box: titled } = mount({ params: { language: 'fr' }, labels: { title: 'Lier mon compte' } });
    await flush();
    expect(titled.querySelector('iframe')!.title).toBe('Lier mon compte');
    const { box: both } = mount({
      labels: { title: 'Lier mon compte', loading: 'Un instant' },
      title: 'Mon titre',
    });
    expect(both).toHaveTextContent('Un instant');
    await flush();
    expect(both.querySelector('iframe')!.title).toBe('Mon titre');

    const { box: texts } = mount({
      fetchAuthorizeToken: failing(),
      labels: { error: 'From labels', retry: 'From labels' },
      errorText: 'From errorText',
      retryText: 'From retryText',
    });
    await flush();
    expect(alert(texts)).toHaveTextContent('From errorText');
    expect(button(texts)).toHaveTextContent('From retryText');
  });

  it('are given to a custom errorFallback', async () => {
    const errorFallback = vi.fn(() => document.createElement('p'));
    mount({
      fetchAuthorizeToken: failing(),
      params: { language: 'fr' },
      labels: { retry: 'Recommencer' },
      errorFallback,
    });
    await flush();
    expect(errorFallback).toHaveBeenCalledWith(
      expect.objectContaining({ labels: { ...fr, retry: 'Recommencer' } }),
    );
  });
});

describe('the blocked pop-up notice', () => {
  it('appears before the same iframe on POPUP_BLOCKED, is dismissed, comes back, and goes on POPUP_OPENED', async () => {
    const onPopupBlocked = vi.fn();
    const { box } = mount({ onPopupBlocked });
    await flush();
    const iframe = frame();
    // Every iframe removal (a move is one too), to check that none happens from here on.
    const observer = new MutationObserver(() => {});
    observer.observe(box, { childList: true });
    const iframeRemovals = () =>
      observer.takeRecords().filter((record) => [...record.removedNodes].includes(iframe));
    post({ step: 'APP_MOUNTED' });
    expect(alert(box)).toBeNull();

    post({ step: 'POPUP_BLOCKED' });
    expect(onPopupBlocked).toHaveBeenCalledTimes(1);
    expect(onPopupBlocked).toHaveBeenCalledWith(expect.objectContaining({ step: 'POPUP_BLOCKED' }));
    expect(alert(box)).toHaveTextContent(en.popupBlocked);
    const notice = box.firstElementChild!;
    expect(notice.nextElementSibling).toBe(iframe);
    expect(notice.querySelector('[role="alert"] button')).toBeNull();
    // The iframe is the same element, never moved: the session (and the token) carry on.
    expect(frame()).toBe(iframe);

    const dismiss = button(box)!;
    expect(dismiss).toHaveTextContent('Dismiss');
    expect(dismiss.type).toBe('button');
    dismiss.click();
    expect(alert(box)).toBeNull();
    expect(box.children).toHaveLength(1);
    expect(frame()).toBe(iframe);

    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toHaveTextContent(en.popupBlocked);
    expect(frame()).toBe(iframe);

    // The user allowed pop-ups and tried again: the notice goes.
    post({ step: 'POPUP_OPENED' });
    expect(alert(box)).toBeNull();
    expect([...box.children]).toEqual([iframe]);
    expect(onPopupBlocked).toHaveBeenCalledTimes(2);
    expect(iframeRemovals()).toEqual([]);
    observer.disconnect();
  });

  it('speaks French, with labels over it', async () => {
    const { box } = mount({ params: { language: 'fr' }, labels: { dismiss: 'OK' } });
    await flush();
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toHaveTextContent(fr.popupBlocked);
    expect(button(box)).toHaveTextContent('OK');
  });

  it('can be turned off, and onPopupBlocked still fires', async () => {
    const onPopupBlocked = vi.fn();
    const { box } = mount({ popupBlockedNotice: false, onPopupBlocked });
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(onPopupBlocked).toHaveBeenCalledTimes(1);
    expect(alert(box)).toBeNull();
    expect([...box.children]).toEqual([iframe]);
  });

  it('can be replaced, with a dismiss and the labels', async () => {
    const { box } = mount({
      params: { language: 'fr' },
      popupBlockedNotice: ({ dismiss, labels }) => {
        const open = document.createElement('button');
        open.textContent = `${labels.dismiss}: ouvrir la banque`;
        open.addEventListener('click', dismiss);
        return open;
      },
    });
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toBeNull();
    expect(button(box)).toHaveTextContent('Fermer: ouvrir la banque');
    button(box)!.click();
    expect(button(box)).toBeNull();
    expect(frame()).toBe(iframe);
  });

  it('is gone with a new load, and destroy removes it with the iframe', async () => {
    const { box, connect } = mount();
    await flush();
    const first = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).not.toBeNull();
    connect.reload();
    await flush();
    expect(frame()).not.toBe(first);
    expect(alert(box)).toBeNull();

    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).not.toBeNull();
    const dismiss = button(box)!;
    connect.destroy();
    expect(box.children).toHaveLength(0);
    // A stale dismiss after destroy draws nothing.
    dismiss.click();
    expect(box.children).toHaveLength(0);
  });

  it("may be a template's content (a DocumentFragment): all of it comes and goes", async () => {
    const template = document.createElement('template');
    template.innerHTML = '<p role="alert">Pop-ups are blocked.</p><button type="button">Close</button>';
    const { box, connect } = mount({
      popupBlockedNotice: ({ dismiss }) => {
        const notice = template.content.cloneNode(true) as DocumentFragment;
        notice.querySelector('button')!.addEventListener('click', dismiss);
        return notice;
      },
    });
    await flush();
    const iframe = frame();
    post({ step: 'POPUP_BLOCKED' });
    expect([...box.childNodes].map((node) => node.nodeName)).toEqual(['P', 'BUTTON', 'IFRAME']);
    button(box)!.click();
    expect([...box.childNodes]).toEqual([iframe]);

    post({ step: 'POPUP_BLOCKED' });
    expect(alert(box)).toHaveTextContent('Pop-ups are blocked.');
    post({ step: 'POPUP_OPENED' });
    expect([...box.childNodes]).toEqual([iframe]);

    post({ step: 'POPUP_BLOCKED' });
    connect.destroy();
    expect(box.childNodes).toHaveLength(0);
  });
});

describe('fallbacks made of a DocumentFragment', () => {
  const fragment = (html: string) => () => document.createRange().createContextualFragment(html);

  it('are replaced whole, and destroy() removes all of them', async () => {
    const { box, connect } = mount({
      fetchAuthorizeToken: failing(),
      loadingFallback: fragment('<p role="status">Un instant</p><span>…</span>'),
      errorFallback: fragment('<p role="alert">Oops</p><span>later</span>'),
    });
    expect(box.querySelector('[role="status"]')).toHaveTextContent('Un instant');
    expect(box.childNodes).toHaveLength(2);
    await flush();
    expect(alert(box)).toHaveTextContent('Oops');
    expect(box.querySelector('[role="status"]')).toBeNull();
    expect(box.childNodes).toHaveLength(2);
    connect.destroy();
    expect(box.childNodes).toHaveLength(0);
  });
});

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
