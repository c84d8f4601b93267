// What the jsdom tests of mountFlinksConnect (and of the element's words around Connect) share: a
// fresh container, a mount with a token fetcher and no retries, a failing fetcher, the default
// labels, and the alert and button a mount draws.
import { connectLabels } from '@flinks-embed/core';
import { vi } from 'vitest';
import { INSTANCE } from '@flinks-embed/test-support/jsdom';
import { tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { mountFlinksConnect, type MountFlinksConnectOptions } from '../src/index';

/** A new empty `<div>` at the end of `<body>`, for one mount. */
export const container = (): HTMLElement => document.body.appendChild(document.createElement('div'));

export const en = connectLabels('en');
export const fr = connectLabels('fr');

/** A fetcher whose every call rejects, as an unreachable token endpoint would. */
export const failing = () => vi.fn(() => Promise.reject(new Error('offline')));

/** Mounts on a new container with INSTANCE, a token fetcher and `retry: false`, unless `options` say otherwise. */
export function mount(options: Partial<MountFlinksConnectOptions> = {}) {
  const box = container();
  const connect = mountFlinksConnect(box, {
    instance: INSTANCE,
    fetchAuthorizeToken: tokenFetcher(),
    retry: false,
    ...options,
  });
  return { box, connect };
}

export const alert = (box: Element) => box.querySelector('[role="alert"]');
export const button = (box: Element) => box.querySelector('button');
