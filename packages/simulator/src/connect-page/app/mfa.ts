import type { SandboxInstitution } from '../../sandbox-data';
import { proceed } from './bank';
import { field, h, heading, lead, setBusy, status, validate } from './dom';
import { post } from './messages';
import type { Page } from './page';

/** The security question /Authorize asked (`prompt`); `retry` after a wrong answer. */
export function showMfa(
  page: Page,
  institution: SandboxInstitution,
  prompt: string,
  mfaTypes: readonly string[],
  retry: boolean,
): void {
  const { strings } = page;
  if (!retry) post(page, { step: 'COMPONENT_LOAD_MFA', mfaTypes, institution: institution.id });
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
        if (form.getAttribute('aria-busy') === 'true' || !validate(strings, [answerInput])) return;
        post(page, { step: 'SUBMIT_MFA', institution: institution.id });
        setBusy(strings, form, submit, strings.continue, true);
        void page.authorize({ SecurityResponses: { [prompt]: [answerInput.value] } }).then((answer) =>
          proceed(page, answer, institution, () => {
            post(page, { step: 'COMPONENT_LOAD_MFA_RETRY', institution: institution.id });
            showMfa(page, institution, prompt, mfaTypes, true);
          }),
        );
      },
    },
    field(answerInput, prompt),
    h('div', { class: 'actions' }, submit),
  );
  page.show(
    true,
    status('info', 'lock'),
    heading(strings.mfaTitle),
    lead(page.fill(strings.mfaLead, institution)),
    form,
  );
}
