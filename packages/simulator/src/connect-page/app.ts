import type { SandboxBank, SandboxBankData } from '../sandbox-bank';
import type { SandboxAccount, SandboxInstitution, SandboxLanguage } from '../sandbox-data';
import type { ConnectPageConfig } from './config';

type CreateBank = (data: SandboxBankData, newId: () => string, now: () => number) => SandboxBank;

/**
 * The Connect page's program, run in the browser. It is serialized with `Function#toString` into
 * the page, so it must not reference anything outside its own body except browser globals and its
 * parameters (type imports are fine: they are erased). `createBank` is the sandbox bank's factory,
 * given to the static page only, which logs in without a server.
 *
 * It reads the customization parameters from its own URL, as Flinks Connect does, and posts the
 * events Flinks posts to `window.parent`.
 */
export function runConnectPage(config: ConnectPageConfig, createBank: CreateBank | null): void {
  const query = new URLSearchParams(window.location.search);
  const param = (name: string): string | undefined => query.get(name) ?? undefined;
  const flag = (name: string): boolean => param(name)?.toLowerCase() === 'true';

  const language: SandboxLanguage = param('language')?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const strings = config.strings[language];
  const token = param('authorizeToken');
  const tag = param('tag');
  const customer = param('customerName')?.trim() || strings.customerFallback;

  // ---- Events -------------------------------------------------------------------------------

  const post = (message: Record<string, unknown>): void => {
    if (config.faults.silent) return;
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(message)) if (value !== undefined) payload[key] = value;
    // Like Flinks, post to any origin: the embedding page checks `event.origin` and `event.source`.
    window.parent.postMessage(flag('stringify') ? JSON.stringify(payload) : payload, '*');
  };

  // ---- Theme ----------------------------------------------------------------------------------

  const root = document.documentElement;
  root.lang = language;
  if (param('theme')?.toLowerCase() === 'dark') root.dataset.theme = 'dark';

  const hexParam = (name: string): string | undefined => {
    const value = param(name);
    return value !== undefined && /^(?:[0-9a-f]{3}){1,2}$/i.test(value) ? `#${value}` : undefined;
  };
  // Text on the accent colour is black or white, whichever contrasts more (WCAG relative luminance).
  const readableOn = (hex: string): string => {
    const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
    const channel = (offset: number): number => {
      const c = parseInt(digits.slice(offset, offset + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#111111' : '#ffffff';
  };
  const background = hexParam('backgroundColor');
  if (background !== undefined) root.style.setProperty('--bg', background);
  const accent = hexParam('foregroundColor1');
  if (accent !== undefined) {
    root.style.setProperty('--accent', accent);
    root.style.setProperty('--on-accent', readableOn(accent));
  }

  // ---- DOM helpers ----------------------------------------------------------------------------

  type Child = Node | string | false | null | undefined;
  type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

  const h = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Props = {},
    ...children: Child[]
  ): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'function') node.addEventListener(key.slice(2).toLowerCase(), value);
      else if (value === true) node.setAttribute(key, '');
      else if (typeof value === 'string') node.setAttribute(key, value);
    }
    for (const child of children)
      if (child !== false && child !== null && child !== undefined) node.append(child);
    return node;
  };

  const ICONS = {
    close: 'M18 6 6 18M6 6l12 12',
    back: 'm15 18-6-6 6-6',
    next: 'm9 18 6-6-6-6',
    check: 'M20 6 9 17l-5-5',
    lock: 'M7 11V7a5 5 0 0 1 10 0v4M5 11h14v10H5z',
    alert: 'M12 8v5m0 3v.5M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
    bank: 'M3 10h18M5 10v8m4-8v8m6-8v8m4-8v8M3 21h18M12 3l9 5H3l9-5Z',
  };
  const icon = (name: keyof typeof ICONS, size = 20): SVGSVGElement => {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    const attributes: Record<string, string> = {
      viewBox: '0 0 24 24',
      width: String(size),
      height: String(size),
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': '2',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
      focusable: 'false',
    };
    for (const [key, value] of Object.entries(attributes)) svg.setAttribute(key, value);
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  };

  const fill = (template: string, institution?: SandboxInstitution): string =>
    template
      .replace(/\{customer\}/g, customer)
      .replace(/\{institution\}/g, institution === undefined ? '' : institution.name[language]);

  const heading = (text: string): HTMLHeadingElement => h('h1', { tabindex: '-1' }, text);
  const lead = (text: string): HTMLParagraphElement => h('p', { class: 'lead' }, text);
  const status = (kind: 'success' | 'error' | 'info', name: keyof typeof ICONS): HTMLDivElement =>
    h('div', { class: `status status-${kind}` }, icon(name, 28));
  const button = (label: string, variant: 'primary' | 'secondary', props: Props = {}): HTMLButtonElement =>
    h('button', { type: 'button', class: `button button-${variant}`, ...props }, label);

  const setBusy = (form: HTMLFormElement, submit: HTMLButtonElement, label: string, busy: boolean): void => {
    form.setAttribute('aria-busy', String(busy));
    submit.disabled = busy;
    submit.replaceChildren(
      ...(busy ? [h('span', { class: 'spinner', 'aria-hidden': 'true' }), strings.working] : [label]),
    );
  };

  const field = (input: HTMLInputElement, label: string): HTMLDivElement => {
    const error = h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true });
    input.setAttribute('aria-describedby', error.id);
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, error);
  };

  /** Marks empty fields with a message; returns whether all are filled. Focuses the first empty one. */
  const validate = (inputs: readonly HTMLInputElement[]): boolean => {
    let firstEmpty: HTMLInputElement | undefined;
    for (const input of inputs) {
      const empty = input.value.trim() === '';
      input.setAttribute('aria-invalid', String(empty));
      const error = document.getElementById(`${input.id}-error`);
      if (error !== null) {
        error.textContent = empty ? strings.required : '';
        error.hidden = !empty;
      }
      if (empty && firstEmpty === undefined) firstEmpty = input;
    }
    firstEmpty?.focus();
    return firstEmpty === undefined;
  };

  // ---- Layout ---------------------------------------------------------------------------------

  const screen = h('div', { class: 'screen' });
  const card = h(
    'main',
    { class: 'card' },
    h(
      'div',
      { class: 'card-header' },
      h('span', { class: 'brand' }, strings.brand),
      flag('closeEnable') &&
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': strings.close,
            onClick: () => post({ step: 'COMPONENT_CLOSE_SESSION' }),
          },
          icon('close'),
        ),
    ),
    screen,
    h('footer', { class: 'footer' }, icon('lock', 14), strings.footer),
  );
  const app = document.getElementById('app') ?? document.body;
  app.replaceChildren(
    ...(config.mode === 'static' ? [h('p', { class: 'notice', role: 'note' }, strings.staticNotice)] : []),
    card,
  );

  /**
   * Replaces the screen. After a user action, focus moves to the new screen (its first field, else
   * its heading) so keyboard and screen-reader users land on it. The first screen takes no focus:
   * an iframe that grabs focus on load steals it from the host page.
   */
  const show = (moveFocus: boolean, ...nodes: Child[]): void => {
    screen.replaceChildren(...nodes.filter((node): node is Node | string => Boolean(node)));
    if (!moveFocus) return;
    const target =
      screen.querySelector<HTMLElement>('[data-autofocus]') ?? screen.querySelector<HTMLElement>('h1');
    target?.focus();
  };

  // ---- Talking to the bank --------------------------------------------------------------------

  const randomId = (): string => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  const localBank =
    createBank !== null && config.bank !== null ? createBank(config.bank, randomId, Date.now) : null;

  interface Answer {
    readonly status: number;
    readonly body: Record<string, unknown>;
  }

  let requestId: string | undefined;
  let loginId: string | undefined;

  /** Calls /Authorize with the page's token; later calls of the session carry its RequestId. */
  const authorize = async (fields: Record<string, unknown>): Promise<Answer> => {
    const body = requestId === undefined ? fields : { ...fields, RequestId: requestId };
    if (localBank !== null) {
      const reply = localBank.authorize(body);
      return { status: reply.status, body: { ...reply.body } };
    }
    try {
      const response = await fetch(config.authorizePath ?? '', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'flinks-auth-key': token ?? '' },
        body: JSON.stringify(body),
      });
      const json: unknown = await response.json().catch(() => ({}));
      return {
        status: response.status,
        body: typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {},
      };
    } catch {
      return { status: 0, body: {} };
    }
  };

  /** Routes an /Authorize answer to the next screen; `retry` shows the failed step again. */
  const proceed = (answer: Answer, institution: SandboxInstitution, retry: () => void): void => {
    const { body } = answer;
    if (typeof body.RequestId === 'string') requestId = body.RequestId;
    if (answer.status === 200) {
      const login = body.Login as { Id?: unknown } | undefined;
      loginId = typeof login?.Id === 'string' ? login.Id : undefined;
      showAccounts(institution);
      return;
    }
    const challenges = Array.isArray(body.SecurityChallenges) ? (body.SecurityChallenges as unknown[]) : [];
    const first = challenges[0] as { Type?: unknown; Prompt?: unknown } | undefined;
    if (answer.status === 203 && typeof first?.Prompt === 'string') {
      const types = challenges.map((challenge) => String((challenge as { Type?: unknown }).Type));
      showMfa(institution, first.Prompt, types, false);
      return;
    }
    const flinksCode = typeof body.FlinksCode === 'string' ? body.FlinksCode : undefined;
    if (answer.status === 401 && flinksCode === undefined) {
      // The token itself was refused (expired or spent before the user got here).
      post({ step: 'TOKEN_INVALID' });
      showTokenError('refused', true);
      return;
    }
    const code = flinksCode ?? 'RETRY_LATER';
    post({ flinksCode: code, requestId, institution: institution.id });
    showLoginError(code, institution, retry);
  };

  // ---- Screens --------------------------------------------------------------------------------

  function showTokenError(kind: keyof typeof strings.tokenErrors, moveFocus: boolean): void {
    const copy = strings.tokenErrors[kind];
    show(
      moveFocus,
      status('error', 'alert'),
      heading(copy.title),
      h('p', { class: 'lead', role: 'alert' }, copy.body),
    );
  }

  function showConsent(moveFocus: boolean): void {
    post({ step: 'COMPONENT_LOAD_CONSENT' });
    show(
      moveFocus,
      status('info', 'lock'),
      heading(strings.consentTitle),
      lead(fill(strings.consentBody)),
      h(
        'ul',
        { class: 'points' },
        ...strings.consentPoints.map((point) => h('li', {}, icon('check', 18), fill(point))),
      ),
      h(
        'div',
        { class: 'actions' },
        button(strings.consentAccept, 'primary', {
          onClick: () => {
            post({ step: 'COMPONENT_ACCEPT_CONSENT' });
            showInstitutions(true);
          },
        }),
        button(strings.consentDecline, 'secondary', {
          onClick: () => {
            post({ step: 'COMPONENT_DENY_CONSENT' });
            show(
              true,
              status('info', 'lock'),
              heading(strings.declinedTitle),
              lead(strings.declinedBody),
              button(strings.declinedReview, 'secondary', { onClick: () => showConsent(true) }),
            );
          },
        }),
      ),
    );
  }

  function showInstitutions(moveFocus: boolean): void {
    post({ step: 'COMPONENT_LOAD_INSTITUTION_SELECTOR', cached: false });
    const available = config.institutions.filter((institution) => !institution.demoOnly || flag('demo'));
    const fold = (text: string): string =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();

    const list = h('ul', { class: 'institutions' });
    const empty = h('p', { class: 'empty', role: 'status', hidden: true }, strings.noMatch);
    const search = h('input', {
      id: 'institution-search',
      type: 'search',
      autocomplete: 'off',
      placeholder: strings.searchPlaceholder,
    });
    const render = (): void => {
      const needle = fold(search.value.trim());
      const matches = available.filter((institution) => fold(institution.name[language]).includes(needle));
      empty.hidden = matches.length > 0;
      list.replaceChildren(
        ...matches.map((institution) => {
          const name = institution.name[language];
          const monogram = initials(name);
          const avatar = h(
            'span',
            { class: 'avatar', 'aria-hidden': 'true', 'data-long': monogram.length > 2 },
            monogram,
          );
          avatar.style.setProperty('--avatar', avatarColor(institution.id));
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'institution',
                onClick: () => {
                  post({ step: 'INSTITUTION_SELECTED', institution: institution.id });
                  showCredentials(institution, false, true);
                },
              },
              avatar,
              h('span', { class: 'institution-name' }, name),
              institution.demoOnly && h('span', { class: 'badge' }, strings.testBadge),
              icon('next', 18),
            ),
          );
        }),
      );
    };
    search.addEventListener('input', render);
    render();
    show(
      moveFocus,
      heading(strings.institutionsTitle),
      lead(strings.institutionsLead),
      h('label', { class: 'visually-hidden', for: search.id }, strings.search),
      search,
      list,
      empty,
    );
  }

  /** "BMO Bank of Montreal" -> "BMO", "Flinks Capital" -> "FC", "Desjardins" -> "DE". */
  function initials(name: string): string {
    const words = name.split(/\s+/);
    const first = words[0] ?? '';
    if (/^[A-Z]{2,4}$/.test(first)) return first;
    const second = words[1];
    return (second === undefined ? first.slice(0, 2) : (first[0] ?? '') + (second[0] ?? '')).toUpperCase();
  }

  /** A stable colour per institution, from a palette that keeps white text readable. */
  function avatarColor(id: string): string {
    const palette = ['#3056d3', '#6741d9', '#0b7285', '#2b8a3e', '#a61e4d', '#c2410c', '#1864ab', '#5c3c92'];
    let hash = 0;
    for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 9973;
    return palette[hash % palette.length] ?? '#3056d3';
  }

  let lastUsername = '';

  function showCredentials(institution: SandboxInstitution, retry: boolean, moveFocus: boolean): void {
    // A retry is announced by COMPONENT_LOAD_CREDENTIAL_RETRY instead, as Flinks does.
    if (!retry) post({ step: 'COMPONENT_LOAD_CREDENTIAL', institution: institution.id });
    const username = h('input', {
      id: 'username',
      name: 'username',
      type: 'text',
      autocomplete: 'username',
      autocapitalize: 'none',
      spellcheck: 'false',
      'data-autofocus': true,
    });
    username.value = lastUsername;
    const password = h('input', {
      id: 'password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
    });
    const submit = h('button', { type: 'submit', class: 'button button-primary' }, strings.continue);
    const form = h(
      'form',
      {
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          if (form.getAttribute('aria-busy') === 'true' || !validate([username, password])) return;
          lastUsername = username.value;
          post({ step: 'SUBMIT_CREDENTIAL', institution: institution.id });
          setBusy(form, submit, strings.continue, true);
          void authorize({
            Institution: institution.id,
            Username: username.value,
            Password: password.value,
            Language: language,
            MostRecentCached: false,
            Save: true,
            Tag: tag,
          }).then((answer) =>
            proceed(answer, institution, () => {
              post({ step: 'COMPONENT_LOAD_CREDENTIAL_RETRY' });
              showCredentials(institution, true, true);
            }),
          );
        },
      },
      field(username, strings.username),
      field(password, strings.password),
      h('div', { class: 'actions' }, submit),
    );
    show(
      moveFocus,
      h(
        'button',
        { type: 'button', class: 'link-button', onClick: () => showInstitutions(true) },
        icon('back', 18),
        strings.back,
      ),
      heading(fill(strings.credentialsTitle, institution)),
      lead(strings.credentialsLead),
      form,
    );
  }

  function showMfa(
    institution: SandboxInstitution,
    prompt: string,
    mfaTypes: readonly string[],
    retry: boolean,
  ): void {
    if (!retry) post({ step: 'COMPONENT_LOAD_MFA', mfaTypes, institution: institution.id });
    const answerInput = h('input', {
      id: 'mfa-answer',
      name: 'answer',
      type: 'text',
      autocomplete: 'off',
      'data-autofocus': true,
    });
    const submit = h('button', { type: 'submit', class: 'button button-primary' }, strings.continue);
    const form = h(
      'form',
      {
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          if (form.getAttribute('aria-busy') === 'true' || !validate([answerInput])) return;
          post({ step: 'SUBMIT_MFA', institution: institution.id });
          setBusy(form, submit, strings.continue, true);
          void authorize({ SecurityResponses: { [prompt]: [answerInput.value] } }).then((answer) =>
            proceed(answer, institution, () => {
              post({ step: 'COMPONENT_LOAD_MFA_RETRY' });
              showMfa(institution, prompt, mfaTypes, true);
            }),
          );
        },
      },
      field(answerInput, prompt),
      h('div', { class: 'actions' }, submit),
    );
    show(
      true,
      status('info', 'lock'),
      heading(strings.mfaTitle),
      lead(fill(strings.mfaLead, institution)),
      form,
    );
  }

  function showLoginError(code: string, institution: SandboxInstitution, retry: () => void): void {
    const message = strings.loginErrors[code] ?? strings.loginErrors.generic;
    show(
      true,
      status('error', 'alert'),
      heading(strings.loginErrorTitle),
      h('p', { class: 'alert', role: 'alert' }, fill(message, institution)),
      button(strings.tryAgain, 'primary', { onClick: retry }),
    );
  }

  function showAccounts(institution: SandboxInstitution): void {
    const accounts: readonly SandboxAccount[] = config.accounts;
    post({
      step: 'COMPONENT_LOAD_ACCOUNT_SELECTION',
      totalAccounts: accounts.length,
      displayedAccounts: accounts.length,
    });
    const money = (account: SandboxAccount): string =>
      new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
        style: 'currency',
        currency: account.currency,
      }).format(account.balance);
    const error = h('p', { class: 'field-error', id: 'account-error', role: 'alert', hidden: true });
    const options = accounts.map((account, index) =>
      h(
        'label',
        { class: 'account' },
        h('input', {
          type: 'radio',
          name: 'account',
          value: account.id,
          'aria-describedby': error.id,
          'data-autofocus': index === 0,
        }),
        h(
          'span',
          {},
          h('span', { class: 'account-title' }, account.title[language]),
          h('span', { class: 'account-meta' }, account.number),
        ),
        h('span', { class: 'amount' }, money(account)),
      ),
    );
    const form = h(
      'form',
      {
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          const chosen = form.querySelector<HTMLInputElement>('input[name="account"]:checked');
          if (chosen === null) {
            error.textContent = strings.accountRequired;
            error.hidden = false;
            form.querySelector<HTMLInputElement>('input[name="account"]')?.focus();
            return;
          }
          post({ step: 'ACCOUNT_SELECTED', accountId: chosen.value, institution: institution.id });
          finish(institution, chosen.value);
        },
      },
      h(
        'fieldset',
        { class: 'accounts' },
        h('legend', { class: 'visually-hidden' }, strings.accountsTitle),
        ...options,
      ),
      error,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button button-primary' }, strings.continue),
      ),
    );
    show(true, heading(strings.accountsTitle), lead(strings.accountsLead), form);
  }

  function finish(institution: SandboxInstitution, accountId: string): void {
    const redirectParam = param('redirectUrl');
    let redirectUrl: URL | undefined;
    try {
      redirectUrl = redirectParam === undefined ? undefined : new URL(redirectParam);
    } catch {
      redirectUrl = undefined;
    }
    // Without a redirectUrl the event still carries a URL the host can parse, like Flinks' own.
    const base = window.location.origin === 'null' ? window.location.href : window.location.origin;
    const url = redirectUrl ?? new URL('/redirect', base);
    const fields: Record<string, string | undefined> = {
      loginId,
      institution: institution.id,
      requestId,
      accountId,
      tag,
    };
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) url.searchParams.set(key, value);

    post({
      step: 'REDIRECT',
      loginId,
      requestId,
      institution: institution.id,
      accountId,
      tag,
      url: url.href,
    });
    show(true, status('success', 'check'), heading(strings.successTitle), lead(strings.successBody));

    if (config.faults.navigateFrameOnRedirect) {
      // `url` is the simulator's own /redirect page when there is no redirectUrl, with the result in its query.
      window.location.assign(url.href);
      return;
    }
    if (redirectUrl === undefined) return;
    if (flag('innerRedirect')) {
      window.location.assign(url.href);
      return;
    }
    try {
      (window.top ?? window).location.href = url.href;
    } catch {
      // A sandboxed frame may not navigate the top window; the host still has the REDIRECT event.
    }
  }

  // ---- Start ----------------------------------------------------------------------------------

  // APP_MOUNTED comes first even for a refused token, as with Flinks: the app loaded and shows
  // its own error, so a host's load watchdog does not mistake it for a blank frame.
  post({ step: 'APP_MOUNTED' });
  if (config.tokenCheck !== 'ok' && config.tokenCheck !== 'unchecked') {
    post({ step: 'TOKEN_INVALID' });
    showTokenError(config.tokenCheck, false);
  } else if (flag('consentEnable')) {
    showConsent(false);
  } else {
    showInstitutions(false);
  }
}
