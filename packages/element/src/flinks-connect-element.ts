import {
  booleanParams,
  connectLabels,
  latestCallbacks,
  latestOptions,
  paramEntries,
  resolveConnectUrl,
  sessionKey,
  type UnknownConnectParams,
  type ConnectSessionHandlers,
  type FlinksConnectError,
} from '@flinks-embed/core';
import { EVENTS, type FlinksConnectEventMap } from './element-events';
import { servedToken } from './served-frame';
import {
  mountFlinksConnect,
  type FlinksConnectMount,
  type MountFlinksConnectOptions,
  type MountFlinksConnectProps,
} from './mount';

/** The boolean Connect parameters (core's table), each an attribute: `consentEnable` is `consent-enable`. */
const BOOLEAN_PARAMS = /* @__PURE__ */ booleanParams();

/** `enhancedMFA` -> `enhanced-mfa`. */
const attributeOf = (param: string): string => param.replace(/[A-Z]+/g, (upper) => `-${upper.toLowerCase()}`);

/** The element's properties besides those that mirror its attributes. */
// `title` and `className` would be the element's own: the iframe's are `frame-title` and
// `iframeAttributes.class`.
export type FlinksConnectElementProperties = Omit<
  MountFlinksConnectOptions,
  'fetchAuthorizeToken' | 'title' | 'className'
> & {
  /** Asks *your* server for a fresh authorize token. The element waits for it before it fetches anything. */
  fetchAuthorizeToken?: MountFlinksConnectOptions['fetchAuthorizeToken'] | undefined;
};

const PROPERTIES = [
  'fetchAuthorizeToken',
  'initialToken',
  'params',
  'onEvent',
  'onRedirect',
  'onError',
  'logErrors',
  'onInvalidMessage',
  'onStatusChange',
  'onPopupBlocked',
  'tokenLifetimeMs',
  'refreshMarginMs',
  'fetchTimeoutMs',
  'retry',
  'now',
  'loadTimeoutMs',
  'mountTimeoutMs',
  'loadingText',
  'errorText',
  'retryText',
  'labels',
  'loadingFallback',
  'errorFallback',
  'popupBlockedNotice',
  'iframeAttributes',
] as const satisfies readonly (keyof FlinksConnectElementProperties)[];

type Handler = (detail: never, ...rest: unknown[]) => void;

// Importing this module on a server (no DOM) must not throw: the class then extends a stand-in
// that is never instantiated, because `customElements` does not exist there either.
const Base = (typeof HTMLElement == 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

/**
 * `<flinks-connect>`: `mountFlinksConnect` as a custom element. Attributes: `instance` or
 * `connect-url`, `language`, `frame-title`, and every boolean Connect parameter in kebab case
 * (`consent-enable`, `inner-redirect`, ...: present or `"true"` is true, `"false"` is false,
 * absent leaves Flinks' default). Properties: `fetchAuthorizeToken`, `params` (merged under
 * the attributes), the callbacks, the token options, `labels` and the fallbacks; the words it
 * draws follow `language` (English, or French for `"fr"`). Events: `flinks-event`,
 * `flinks-redirect`, `flinks-error`, `flinks-status` and `flinks-popup-blocked`, which bubble.
 *
 * It loads when it is in the document with a target and a fetcher. A change of the target, the
 * params or the token options loads again with a fresh token; new callbacks or an equal
 * `params` object change nothing. Removed from the document, it drops the iframe, every
 * listener and timer, and aborts a token request in flight; added again, it starts over.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the accessors' types, below
export class FlinksConnectElement extends Base {
  static readonly observedAttributes = [
    'instance',
    'connect-url',
    'language',
    'frame-title',
    ...BOOLEAN_PARAMS.map(attributeOf),
  ];

  static {
    // One accessor per property, on the prototype: setting one schedules an update, which
    // reloads only when what the iframe loads has changed.
    for (const name of PROPERTIES) {
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        enumerable: true,
        get(this: FlinksConnectElement) {
          return this.#properties[name];
        },
        set(this: FlinksConnectElement, value: unknown) {
          (this.#properties as Record<string, unknown>)[name] = value;
          this.#schedule();
        },
      });
    }
  }

  #properties: FlinksConnectElementProperties = {};
  /**
   * Each callback that is also a DOM event: the latest property's callback, then the event. In
   * `finally`: a throwing callback must not keep the DOM event from its listeners.
   */
  #emitters = Object.fromEntries(
    Object.entries(EVENTS).map(([name, type]) => [
      name,
      (detail: never, ...rest: unknown[]) => {
        try {
          (this.#properties[name as keyof typeof EVENTS] as Handler | undefined)?.(detail, ...rest);
        } finally {
          this.#emit(type, detail);
        }
      },
    ]),
  ) as Pick<ConnectSessionHandlers, keyof typeof EVENTS>;
  #mount: FlinksConnectMount | undefined;
  /** What the current mount loads; `undefined` for no mount. */
  #key: string | undefined;
  #queued = false;
  /** The token of an iframe a server rendered inside, read once: the first load's `initialToken`. */
  #served: { token: string } | false | undefined;

  /** The Flinks instance name, such as `"toolbox"`: the `instance` attribute. */
  get instance(): string | null {
    return this.getAttribute('instance');
  }
  set instance(value: string | null) {
    this.#reflect('instance', value);
  }

  /** The Connect base URL: the `connect-url` attribute. */
  get connectUrl(): string | null {
    return this.getAttribute('connect-url');
  }
  set connectUrl(value: string | null) {
    this.#reflect('connect-url', value);
  }

  /** Loads the iframe again with a fresh token (the user starts over). */
  reload(): void {
    this.#mount?.reload();
  }

  connectedCallback(): void {
    // A property set before this element was upgraded is an own property hiding the accessor.
    for (const name of [...PROPERTIES, 'instance', 'connectUrl'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value: unknown = this[name];
        delete this[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    this.#schedule();
  }

  disconnectedCallback(): void {
    // At once, not later: an iframe put back into a document would load its src, and so its
    // token, a second time.
    this.#unmount();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'frame-title') {
      this.querySelector('iframe')?.setAttribute(
        'title',
        value ?? connectLabels(this.#language(), this.#properties.labels).title,
      );
    } else this.#schedule();
  }

  /** Connect's language: the `language` attribute (any text: attributes pass through), over `params.language`. */
  #language(): string | undefined {
    return this.getAttribute('language') ?? this.#properties.params?.language;
  }

  #reflect(name: string, value: string | null): void {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  /** Several changes in one task (attributes, then properties) make one load, not several. */
  #schedule(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#update();
    });
  }

  #unmount(): void {
    this.#mount?.destroy();
    this.#mount = this.#key = undefined;
  }

  #emit<K extends keyof FlinksConnectEventMap>(type: K, detail: FlinksConnectEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #update(): void {
    if (!this.isConnected) return;
    const properties = this.#properties;
    const { instance, connectUrl } = this;
    const params: UnknownConnectParams = { ...properties.params, language: this.#language() };
    for (const param of BOOLEAN_PARAMS) {
      const value = this.getAttribute(attributeOf(param));
      if (value != null) params[param] = value !== 'false';
    }
    let key = '';
    let invalid: unknown;
    let url = '';
    if (properties.fetchAuthorizeToken && (instance ?? connectUrl) != null) {
      try {
        url = resolveConnectUrl(this, '<flinks-connect>');
        key = sessionKey(url, paramEntries(params), properties);
      } catch (error) {
        invalid = error;
        key = String(error);
      }
    }
    // The same wrong options are reported once, not again for every unrelated change.
    if (key === (this.#key ?? '')) return;
    this.#unmount();
    if (!key) return;
    this.#key = key;
    if (invalid) return this.#fail(invalid);
    try {
      // Read when used (core's one way): a new fetcher, clock, callback, text or fallback changes
      // nothing already loaded.
      const callbacks = latestCallbacks(
        properties.fetchAuthorizeToken,
        () => this.#properties as MountFlinksConnectProps,
      );
      // Read when used (core's one way): a new fetcher, clock, callback, text or fallback changes
      // nothing already loaded. The callbacks that are DOM events too go through the emitters.
      this.#served ??= servedToken(this) ?? false;
      const read = () =>
        ({
          initialToken: this.#served || undefined,
          ...this.#properties,
          ...this.#emitters,
          ...callbacks,
          connectUrl: url,
          params,
          title: this.getAttribute('frame-title') ?? undefined,
        }) as MountFlinksConnectProps;
      this.#mount = mountFlinksConnect(this, latestOptions(read));
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Wrong options: reported like any error, and thrown where developers see it. */
  #fail(error: unknown): void {
    try {
      this.#emitters.onError!(error as FlinksConnectError);
    } finally {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

export type { FlinksConnectEventMap };

// The accessors above, typed: declaration merging adds them to the class.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FlinksConnectElement extends FlinksConnectElementProperties {}

declare global {
  interface HTMLElementTagNameMap {
    'flinks-connect': FlinksConnectElement;
  }
}
