import { button, h, heading, icon, lead, status } from './dom';
import { showStart } from './institutions';
import { post } from './messages';
import type { Page } from './page';

/** `consentEnable=true`: the consent screen first; declining shows a way back to it. */
export function showConsent(page: Page, moveFocus: boolean): void {
  const { strings } = page;
  post(page, { step: 'COMPONENT_LOAD_CONSENT' });
  page.show(
    moveFocus,
    status('info', 'lock'),
    heading(strings.consentTitle),
    lead(page.fill(strings.consentBody)),
    h(
      'ul',
      { class: 'points' },
      ...strings.consentPoints.map((point) => h('li', {}, icon('check', 18), page.fill(point))),
    ),
    h(
      'div',
      { class: 'actions' },
      button(strings.consentAccept, 'primary', {
        onClick: () => {
          post(page, { step: 'COMPONENT_ACCEPT_CONSENT' });
          showStart(page, true);
        },
      }),
      button(strings.consentDecline, 'secondary', {
        onClick: () => {
          post(page, { step: 'COMPONENT_DENY_CONSENT' });
          page.show(
            true,
            status('info', 'lock'),
            heading(strings.declinedTitle),
            lead(strings.declinedBody),
            button(strings.declinedReview, 'secondary', { onClick: () => showConsent(page, true) }),
          );
        },
      }),
    ),
  );
}
