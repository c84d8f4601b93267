import { SANDBOX_PASSWORD, type SandboxInstitution } from '../../sandbox-data';
import { proceed } from './bank';
import { button, h, heading, lead, status } from './dom';
import { post } from './messages';
import type { Page } from './page';

/** This screen's words, kept beside it: the other screens' live in `../strings.ts`. */
const WORDS = {
  en: {
    title: 'Sign in at {institution}',
    lead: '{institution} opens its own window for you to sign in. Come back here when you are done.',
    open: 'Continue to {institution}',
    blocked: 'Your browser blocked the sign-in window. Allow pop-ups for this page, then try again.',
    tryAgain: 'Try again',
    waiting: 'Finish signing in in the {institution} window.',
    popupTitle: '{institution}: sign in',
    authorize: 'Authorize',
  },
  fr: {
    title: 'Connexion chez {institution}',
    lead: '{institution} ouvre sa propre fenêtre pour que vous vous connectiez. Revenez ici une fois terminé.',
    open: 'Continuer vers {institution}',
    blocked:
      'Votre navigateur a bloqué la fenêtre de connexion. Autorisez les fenêtres contextuelles pour cette page, puis réessayez.',
    tryAgain: 'Réessayer',
    waiting: 'Terminez la connexion dans la fenêtre de {institution}.',
    popupTitle: '{institution} : connexion',
    authorize: 'Autoriser',
  },
};

/**
 * An OAuth ("outbound") bank: the user signs in in a pop-up window opened from this frame. Flinks
 * posts `POPUP_OPENED` when it opens and `POPUP_BLOCKED` when the browser refuses it; here, a
 * click of Authorize in the pop-up logs in as the sandbox's no-MFA user.
 */
export function showOutboundSignIn(page: Page, institution: SandboxInstitution): void {
  const words = WORDS[page.language];
  const fill = (text: string): string => page.fill(text, institution);
  const note = h('p', { class: 'alert', role: 'alert', hidden: true });
  const open = button(fill(words.open), 'primary', {
    onClick: () => {
      // Must follow a click: browsers block a window.open that does not (in-app browsers block all).
      const popup = page.config.faults.blockPopups
        ? null
        : window.open('', 'flinks-oauth', 'popup,width=480,height=640');
      if (!popup) {
        post(page, { step: 'POPUP_BLOCKED', institution: institution.id });
        note.textContent = words.blocked;
        note.hidden = false;
        open.textContent = words.tryAgain;
        return;
      }
      post(page, { step: 'POPUP_OPENED', institution: institution.id });
      note.textContent = fill(words.waiting);
      note.hidden = false;
      open.disabled = true;
      const doc = popup.document;
      doc.title = fill(words.popupTitle);
      const authorize = doc.createElement('button');
      authorize.type = 'button';
      authorize.textContent = words.authorize;
      authorize.addEventListener('click', () => {
        popup.close();
        void page
          .authorize({
            Institution: institution.id,
            Username: 'greatday_nomfa',
            Password: SANDBOX_PASSWORD,
            Language: page.language,
            MostRecentCached: false,
            Save: true,
            Tag: page.tag,
          })
          .then((answer) => proceed(page, answer, institution, () => showOutboundSignIn(page, institution)));
      });
      const title = doc.createElement('h1');
      title.textContent = fill(words.popupTitle);
      doc.documentElement.lang = page.language;
      doc.body.replaceChildren(title, authorize);
    },
  });
  page.show(true, status('info', 'bank'), heading(fill(words.title)), lead(fill(words.lead)), note, open);
}
