import type { SandboxInstitution } from '../../sandbox-data';
import { showCredentials } from './credentials';
import { h, heading, icon, lead } from './dom';
import { post } from './messages';
import { showOutboundSignIn } from './outbound';
import type { Page } from './page';

/** The institutions this page lists: the test ones only with `demo=true` (and `demoOutbound=true`). */
function availableInstitutions(page: Page): SandboxInstitution[] {
  return page.config.institutions.filter(
    (institution) =>
      (!institution.demoOnly || page.flag('demo')) && (!institution.outbound || page.flag('demoOutbound')),
  );
}

/**
 * The screen after consent: a deep link's institution (`/v2/Credential/National`, matched without
 * regard to case) opens at its sign-in screen, as on Flinks; an unknown one, or none, at the list.
 */
export function showStart(page: Page, moveFocus: boolean): void {
  const linked =
    page.deepLink === undefined
      ? undefined
      : availableInstitutions(page).find(
          (institution) =>
            institution.id.toLowerCase() === page.deepLink!.toLowerCase() && !institution.outbound,
        );
  if (linked === undefined) showInstitutions(page, moveFocus);
  else showCredentials(page, linked, false, moveFocus);
}

/** The institution picker: a search field over the institutions (test ones with `demo=true`). */
export function showInstitutions(page: Page, moveFocus: boolean): void {
  const { language, strings } = page;
  post(page, { step: 'COMPONENT_LOAD_INSTITUTION_SELECTOR', cached: false });
  const available = availableInstitutions(page);
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
                post(page, { step: 'INSTITUTION_SELECTED', institution: institution.id });
                if (institution.outbound) showOutboundSignIn(page, institution);
                else showCredentials(page, institution, false, true);
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
  page.show(
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
