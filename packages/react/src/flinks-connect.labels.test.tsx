// The words around Connect follow params.language, any of them can be overridden, and the
// blocked-pop-up notice comes and goes with Connect's reports.
import { connectLabels } from '@flinks-embed/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, type FlinksConnectLabels, type FlinksConnectOptions } from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  pendingFetcher,
  post,
  setupTestEnvironment,
  tokenFetcher,
} from '../test/jsdom';

setupTestEnvironment();

const failing = () => vi.fn(() => Promise.reject(new Error('offline')));
const connect = (props: Partial<FlinksConnectOptions> = {}) => (
  <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={tokenFetcher()} retry={false} {...props} />
);

describe('the string tables', () => {
  it('has every string in English and in French, different and non-empty', () => {
    const en = connectLabels('en');
    const fr = connectLabels('fr');
    const keys: (keyof FlinksConnectLabels)[] = [
      'title',
      'loading',
      'error',
      'retry',
      'popupBlocked',
      'dismiss',
    ];
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(en[key].trim()).not.toBe('');
      expect(fr[key].trim()).not.toBe('');
      expect(fr[key]).not.toBe(en[key]);
    }
    // English for anything Connect does not speak, or no language at all.
    expect(connectLabels(undefined)).toEqual(en);
    expect(connectLabels('de')).toEqual(en);
    expect(connectLabels('fr', { retry: 'Recommencer' })).toEqual({ ...fr, retry: 'Recommencer' });
  });
});

describe('<FlinksConnect> in French', () => {
  it('announces the loading and names the iframe in French', async () => {
    const { fetcher, calls } = pendingFetcher();
    render(connect({ fetchAuthorizeToken: fetcher, params: { language: 'fr' } }));
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent('Connexion à votre banque…');
    act(() => calls[0]!.resolve('token-1'));
    await flush();
    expect(frame()).toHaveAttribute('title', 'Connexion à votre compte bancaire');
    expect(frame()).toHaveAttribute('title', connectLabels('fr').title);
  });

  it('shows the French error and retry button', async () => {
    render(connect({ fetchAuthorizeToken: failing(), params: { language: 'fr' } }));
    await flush();
    expect(screen.getByRole('alert', { name: connectLabels('fr').error })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });

  it('stays English by default', async () => {
    render(connect({ fetchAuthorizeToken: failing() }));
    await flush();
    expect(
      screen.getByRole('alert', { name: 'Your bank connection could not be loaded.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('labels', () => {
  it('overrides single strings and keeps the rest, and title still wins for the iframe', async () => {
    const view = render(connect({ params: { language: 'fr' }, labels: { title: 'Lier mon compte' } }));
    await flush();
    expect(frame()).toHaveAttribute('title', 'Lier mon compte');
    view.rerender(
      connect({ params: { language: 'fr' }, labels: { title: 'Lier mon compte' }, title: 'Mon titre' }),
    );
    expect(frame()).toHaveAttribute('title', 'Mon titre');
  });

  it('reach the default error fallback, and a custom one is given them too', async () => {
    const seen: FlinksConnectLabels[] = [];
    const view = render(
      connect({ fetchAuthorizeToken: failing(), labels: { error: 'Bank unavailable.', retry: 'Reload' } }),
    );
    await flush();
    expect(screen.getByRole('alert', { name: 'Bank unavailable.' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    view.rerender(
      connect({
        fetchAuthorizeToken: failing(),
        params: { language: 'fr' },
        errorFallback: ({ labels }) => {
          seen.push(labels);
          return <p>{labels.error}</p>;
        },
      }),
    );
    await flush();
    expect(seen.at(-1)).toEqual(connectLabels('fr'));
  });
});

describe('the blocked pop-up notice', () => {
  it('appears next to the frame on POPUP_BLOCKED, is dismissed, and comes back for the next one', async () => {
    const onPopupBlocked = vi.fn();
    render(connect({ onPopupBlocked }));
    await flush();
    const iframe = frame();
    post({ step: 'APP_MOUNTED' });
    expect(screen.queryByRole('alert')).toBeNull();
    post({ step: 'POPUP_BLOCKED' });
    expect(onPopupBlocked).toHaveBeenCalledWith(expect.objectContaining({ step: 'POPUP_BLOCKED' }));
    expect(screen.getByRole('alert', { name: connectLabels('en').popupBlocked })).toBeInTheDocument();
    // The iframe is the same element: the session (and the token) carry on.
    expect(frame()).toBe(iframe);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    post({ step: 'POPUP_BLOCKED' });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    // The user allowed pop-ups and tried again: the notice goes.
    post({ step: 'POPUP_OPENED' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(frame()).toBe(iframe);
    expect(onPopupBlocked).toHaveBeenCalledTimes(2);
  });

  it('speaks French, can be replaced, or turned off', async () => {
    const view = render(connect({ params: { language: 'fr' } }));
    await flush();
    post({ step: 'POPUP_BLOCKED' });
    expect(screen.getByRole('alert', { name: connectLabels('fr').popupBlocked })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeInTheDocument();
    view.rerender(
      connect({
        params: { language: 'fr' },
        popupBlockedNotice: ({ dismiss }) => (
          <button type="button" onClick={dismiss}>
            Ouvrir la banque
          </button>
        ),
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir la banque' }));
    expect(screen.queryByRole('button', { name: 'Ouvrir la banque' })).toBeNull();
    post({ step: 'POPUP_BLOCKED' });
    view.rerender(connect({ params: { language: 'fr' }, popupBlockedNotice: false }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('is gone with a new load', async () => {
    const view = render(connect({ params: { demo: true } }));
    await flush();
    post({ step: 'POPUP_BLOCKED' });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    view.rerender(connect({ params: { demo: false } }));
    await flush();
    expect(screen.queryByRole('alert')).toBeNull();
    await advance(1_000);
    expect(frame()).toBeInTheDocument();
  });
});

describe('onStatusChange', () => {
  it('reports the progress from core, with the token times, without the token', async () => {
    const onStatusChange = vi.fn();
    const start = Date.now();
    render(connect({ onStatusChange, tokenLifetimeMs: 600_000 }));
    await flush();
    post({ step: 'APP_MOUNTED' });
    expect(onStatusChange.mock.calls.at(-1)![0]).toEqual({
      status: 'ready',
      mounted: true,
      used: false,
      expiresAt: start + 600_000,
      refreshAt: start + 540_000,
    });
    expect(JSON.stringify(onStatusChange.mock.calls)).not.toContain('token-1');
  });
});
