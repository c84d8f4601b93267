import type { SandboxAccount, SandboxInstitution } from '../../sandbox-data';
import { finish } from './done';
import { h, heading, lead } from './dom';
import { post } from './messages';
import type { Page } from './page';

/** After a successful login: pick one account, then the flow finishes. */
export function showAccounts(page: Page, institution: SandboxInstitution): void {
  const { language, strings } = page;
  const accounts: readonly SandboxAccount[] = page.config.accounts;
  post(page, {
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
        post(page, { step: 'ACCOUNT_SELECTED', accountId: chosen.value, institution: institution.id });
        finish(page, institution, chosen.value);
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
  page.show(true, heading(strings.accountsTitle), lead(strings.accountsLead), form);
}
