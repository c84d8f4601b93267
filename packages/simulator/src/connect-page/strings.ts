/**
 * Every text on the Connect page, in English and French. `{institution}` and `{customer}` are
 * filled in by the page. French follows Quebec usage and typography (a no-break space before
 * `:` `?` `!`, typographic apostrophes).
 */

interface TokenErrorCopy {
  readonly title: string;
  readonly body: string;
}

export interface ConnectStrings {
  readonly brand: string;
  readonly footer: string;
  readonly close: string;
  readonly back: string;
  readonly staticNotice: string;
  /** Stands for `{customer}` without `customerName`; `{customer}` only starts sentences. */
  readonly customerFallback: string;
  readonly consentTitle: string;
  readonly consentBody: string;
  readonly consentPoints: readonly string[];
  readonly consentAccept: string;
  readonly consentDecline: string;
  readonly declinedTitle: string;
  readonly declinedBody: string;
  readonly declinedReview: string;
  readonly institutionsTitle: string;
  readonly institutionsLead: string;
  readonly search: string;
  readonly searchPlaceholder: string;
  readonly noMatch: string;
  readonly testBadge: string;
  readonly credentialsTitle: string;
  readonly credentialsLead: string;
  readonly username: string;
  readonly password: string;
  readonly required: string;
  readonly continue: string;
  readonly working: string;
  readonly mfaTitle: string;
  readonly mfaLead: string;
  readonly accountsTitle: string;
  readonly accountsLead: string;
  readonly accountRequired: string;
  readonly successTitle: string;
  readonly successBody: string;
  readonly loginErrorTitle: string;
  readonly tryAgain: string;
  /** After `maximumRetry` failed attempts: no "Try again" any more. */
  readonly maximumRetry: string;
  /** By Flinks error code; `generic` for any other failure. */
  readonly loginErrors: Readonly<Record<string, string>> & { readonly generic: string };
  /** By token check result; `refused` is a token turned down when credentials were submitted. */
  readonly tokenErrors: Readonly<
    Record<'missing' | 'unknown' | 'expired' | 'reused' | 'refused', TokenErrorCopy>
  >;
}

const en: ConnectStrings = {
  brand: 'Flinks Connect',
  footer: 'Flinks simulator · no real bank is contacted',
  close: 'Close',
  back: 'Back',
  staticNotice: 'Static preview: the authorize token is not checked, and nothing you type leaves this page.',
  customerFallback: 'This app',
  consentTitle: 'Connect your bank account',
  consentBody: '{customer} uses Flinks to link your bank account securely.',
  consentPoints: [
    'Your bank credentials are encrypted and never shared.',
    'You choose which account to share.',
    'You can disconnect at any time.',
  ],
  consentAccept: 'Continue',
  consentDecline: 'Not now',
  declinedTitle: 'No account was connected',
  declinedBody: 'You declined to share your account. You can review this choice at any time.',
  declinedReview: 'Review my choice',
  institutionsTitle: 'Select your institution',
  institutionsLead: 'Find the bank or credit union you use for online banking.',
  search: 'Search institutions',
  searchPlaceholder: 'Bank name',
  noMatch: 'No institution matches your search.',
  testBadge: 'Test',
  credentialsTitle: 'Sign in to {institution}',
  credentialsLead: 'Use the username and password you use for online banking.',
  username: 'Username',
  password: 'Password',
  required: 'This field is required.',
  continue: 'Continue',
  working: 'Connecting…',
  mfaTitle: 'Security question',
  mfaLead: '{institution} wants to make sure it’s you.',
  accountsTitle: 'Select an account',
  accountsLead: 'Choose the account you want to connect.',
  accountRequired: 'Select an account to continue.',
  successTitle: 'Your account is connected',
  successBody: 'You can continue in the app.',
  loginErrorTitle: 'We couldn’t connect your account',
  tryAgain: 'Try again',
  maximumRetry: 'Too many attempts failed. Close this window and try again later.',
  loginErrors: {
    INVALID_LOGIN: 'The username or password is incorrect.',
    INVALID_SECURITY_RESPONSE: 'That answer doesn’t match the one on file.',
    RETRY_LATER: '{institution} is not available right now. Try again in a few minutes.',
    DISABLED_LOGIN: 'This login is disabled at {institution}. Contact your institution to enable it.',
    generic: 'Something went wrong. Try again.',
  },
  tokenErrors: {
    missing: {
      title: 'This session can’t start',
      body: 'Connect was opened without an authorize token. The app must create one on its server for every load.',
    },
    unknown: {
      title: 'This session can’t start',
      body: 'The authorize token was not issued by this server.',
    },
    expired: {
      title: 'This session has expired',
      body: 'Authorize tokens are valid for a limited time. Open Connect again with a new token.',
    },
    reused: {
      title: 'This session was already used',
      body: 'Each authorize token opens Connect only once. Open Connect again with a new token.',
    },
    refused: {
      title: 'This session has ended',
      body: 'The authorize token was refused. Open Connect again with a new token.',
    },
  },
};

const fr: ConnectStrings = {
  brand: 'Flinks Connect',
  footer: 'Simulateur Flinks · aucune vraie banque n’est contactée',
  close: 'Fermer',
  back: 'Retour',
  staticNotice:
    'Aperçu statique\u00a0: le jeton d’autorisation n’est pas vérifié, et rien de ce que vous saisissez ne quitte cette page.',
  customerFallback: 'Cette application',
  consentTitle: 'Connectez votre compte bancaire',
  consentBody: '{customer} utilise Flinks pour lier votre compte bancaire en toute sécurité.',
  consentPoints: [
    'Vos identifiants bancaires sont chiffrés et ne sont jamais communiqués.',
    'Vous choisissez le compte à partager.',
    'Vous pouvez vous déconnecter à tout moment.',
  ],
  consentAccept: 'Continuer',
  consentDecline: 'Plus tard',
  declinedTitle: 'Aucun compte n’a été connecté',
  declinedBody: 'Vous avez refusé de partager votre compte. Vous pouvez revoir ce choix à tout moment.',
  declinedReview: 'Revoir mon choix',
  institutionsTitle: 'Sélectionnez votre institution',
  institutionsLead: 'Trouvez la banque ou la caisse que vous utilisez pour vos services bancaires en ligne.',
  search: 'Rechercher une institution',
  searchPlaceholder: 'Nom de l’institution',
  noMatch: 'Aucune institution ne correspond à votre recherche.',
  testBadge: 'Test',
  credentialsTitle: 'Connectez-vous à {institution}',
  credentialsLead: 'Utilisez le nom d’utilisateur et le mot de passe de vos services bancaires en ligne.',
  username: 'Nom d’utilisateur',
  password: 'Mot de passe',
  required: 'Ce champ est obligatoire.',
  continue: 'Continuer',
  working: 'Connexion…',
  mfaTitle: 'Question de sécurité',
  mfaLead: '{institution} veut s’assurer qu’il s’agit bien de vous.',
  accountsTitle: 'Sélectionnez un compte',
  accountsLead: 'Choisissez le compte que vous voulez connecter.',
  accountRequired: 'Sélectionnez un compte pour continuer.',
  successTitle: 'Votre compte est connecté',
  successBody: 'Vous pouvez poursuivre dans l’application.',
  loginErrorTitle: 'Impossible de connecter votre compte',
  tryAgain: 'Réessayer',
  maximumRetry: 'Trop de tentatives ont échoué. Fermez cette fenêtre et réessayez plus tard.',
  loginErrors: {
    INVALID_LOGIN: 'Le nom d’utilisateur ou le mot de passe est incorrect.',
    INVALID_SECURITY_RESPONSE: 'Cette réponse ne correspond pas à celle enregistrée.',
    RETRY_LATER: '{institution} n’est pas disponible pour le moment. Réessayez dans quelques minutes.',
    DISABLED_LOGIN:
      'Cet accès est désactivé chez {institution}. Communiquez avec votre institution pour le réactiver.',
    generic: 'Une erreur est survenue. Réessayez.',
  },
  tokenErrors: {
    missing: {
      title: 'Impossible de démarrer la session',
      body: 'Connect a été ouvert sans jeton d’autorisation. L’application doit en créer un sur son serveur à chaque chargement.',
    },
    unknown: {
      title: 'Impossible de démarrer la session',
      body: 'Le jeton d’autorisation n’a pas été émis par ce serveur.',
    },
    expired: {
      title: 'La session a expiré',
      body: 'Les jetons d’autorisation sont valides pendant une durée limitée. Rouvrez Connect avec un nouveau jeton.',
    },
    reused: {
      title: 'Cette session a déjà été utilisée',
      body: 'Chaque jeton d’autorisation n’ouvre Connect qu’une seule fois. Rouvrez Connect avec un nouveau jeton.',
    },
    refused: {
      title: 'La session est terminée',
      body: 'Le jeton d’autorisation a été refusé. Rouvrez Connect avec un nouveau jeton.',
    },
  },
};

export const CONNECT_STRINGS = { en, fr } as const;
