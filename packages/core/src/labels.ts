/**
 * Every word a binding draws around Connect (`<FlinksConnect>`, `<flinks-connect>`). Override any
 * of them with the binding's `labels` option.
 */
export interface FlinksConnectLabels {
  /** The iframe's accessible name (the `title` prop wins over it). */
  title: string;
  /** The default loading fallback. */
  loading: string;
  /** The default error fallback's sentence. */
  error: string;
  /** The default error fallback's button. */
  retry: string;
  /** The notice shown when the bank's sign-in pop-up was blocked. */
  popupBlocked: string;
  /** The notice's dismiss button. */
  dismiss: string;
}

/**
 * The defaults for Connect's two languages. French as a Canadian user reads it for a bank login
 * ("institution financière", "fenêtres contextuelles"), not a word-for-word translation.
 */
const LABELS: Record<'en' | 'fr', FlinksConnectLabels> = {
  en: {
    title: 'Connect your bank account',
    loading: 'Loading your bank connection…',
    error: 'Your bank connection could not be loaded.',
    retry: 'Try again',
    popupBlocked: 'Your bank’s window was blocked. Allow pop-ups for this page and try again.',
    dismiss: 'Dismiss',
  },
  fr: {
    title: 'Connexion à votre compte bancaire',
    loading: 'Connexion à votre banque…',
    error: 'Impossible de charger la connexion à votre institution financière.',
    retry: 'Réessayer',
    popupBlocked:
      'La fenêtre de votre banque a été bloquée. Autorisez les fenêtres contextuelles pour cette page et réessayez.',
    dismiss: 'Fermer',
  },
};

/**
 * The labels for `params.language` (English unless `'fr'`), with the app's overrides on top.
 *
 * @example
 * connectLabels('fr', { retry: 'Recommencer' }).error; // "Impossible de charger la connexion…"
 */
export const connectLabels = (
  // Any text: a language Connect does not speak (sent through `unknownParams`) gets English.
  language: string | undefined,
  overrides?: Partial<FlinksConnectLabels>,
): FlinksConnectLabels => ({ ...LABELS[language === 'fr' ? 'fr' : 'en'], ...overrides });
