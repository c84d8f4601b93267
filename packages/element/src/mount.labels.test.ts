// The words drawn around a mount follow params.language, and any of them can be overridden.
import { describe, expect, it, vi } from 'vitest';
import { unknownParams } from './index';
import { flush, frame, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';
import { pendingFetcher } from '@flinks-embed/test-support/token-fetchers';
import { alert, button, en, failing, fr, mount } from '../test/mount-fixture';

setupTestEnvironment();

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
