import type { SandboxInstitution } from '../../sandbox-data';
import { proceed } from './bank';
import { field, h, heading, icon, lead, setBusy, validate } from './dom';
import { showInstitutions } from './institutions';
import { post } from './messages';
import type { Page } from './page';

/** Username and password for the institution; `retry` after a failed login. */
export function showCredentials(
  page: Page,
  institution: SandboxInstitution,
  retry: boolean,
  moveFocus: boolean,
): void {
  const { strings, session } = page;
  // A retry is announced by COMPONENT_LOAD_CREDENTIAL_RETRY instead, as Flinks does.
  if (!retry) post(page, { step: 'COMPONENT_LOAD_CREDENTIAL', institution: institution.id });
  const username = h('input', {
    id: 'username',
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    'data-autofocus': true,
  });
  username.value = session.lastUsername;
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
        if (form.getAttribute('aria-busy') === 'true' || !validate(strings, [username, password])) return;
        session.lastUsername = username.value;
        post(page, { step: 'SUBMIT_CREDENTIAL', institution: institution.id });
        setBusy(strings, form, submit, strings.continue, true);
        void page
          .authorize({
            Institution: institution.id,
            Username: username.value,
            Password: password.value,
            Language: page.language,
            MostRecentCached: false,
            Save: true,
            Tag: page.tag,
          })
          .then((answer) =>
            proceed(page, answer, institution, () => {
              post(page, { step: 'COMPONENT_LOAD_CREDENTIAL_RETRY', institution: institution.id });
              showCredentials(page, institution, true, true);
            }),
          );
      },
    },
    field(username, strings.username),
    field(password, strings.password),
    h('div', { class: 'actions' }, submit),
  );
  page.show(
    moveFocus,
    h(
      'button',
      { type: 'button', class: 'link-button', onClick: () => showInstitutions(page, true) },
      icon('back', 18),
      strings.back,
    ),
    heading(page.fill(strings.credentialsTitle, institution)),
    lead(strings.credentialsLead),
    form,
  );
}
