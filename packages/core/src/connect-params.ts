// Connect's parameters, each written once: the boolean ones in a table that the `ConnectParams`
// type and <flinks-connect>'s attribute list are both read off, the others in the type.

/**
 * The boolean parameters, sent as `true` / `false`. Only an import of `booleanParams` keeps the
 * table in a bundle.
 */
const BOOLEAN_PARAMS = {
  /** Shows the sandbox test bank "Flinks Capital". Sandbox only. */
  demo: true,
  demoOutbound: true,
  /** Redirect inside the iframe instead of the top window. */
  innerRedirect: true,
  /** The default differs between Flinks doc versions: set it explicitly. */
  consentEnable: true,
  closeEnable: true,
  headerEnable: true,
  headerImgEnable: true,
  backEnable: true,
  staticLoadingEnable: true,
  removePadding: true,
  institutionFilterEnable: true,
  desktopLayout: true,
  fixedHeightEnable: true,
  boxLayout: true,
  /** Events arrive as JSON strings; the parser accepts both shapes either way. */
  stringify: true,
  accountSelectorMultiple: true,
  accountSelectorNoTitle: true,
  scheduleRefresh: true,
  enhancedMFA: true,
  skipEnhancedMFA: true,
  resumeSelectedAccounts: true,
  oauthWindowRedirect: true,
  // Seen only in third-party production URLs: typed, semantics unconfirmed by Flinks docs.
  accountSelectorEnable: true,
  showAllAccounts: true,
  detailsAndStatementEnable: true,
  withTransactions: true,
  jsRedirect: true,
  webview: true,
};

/**
 * The token's own parameter, under any case (`AuthorizeToken`, `AUTHORIZETOKEN`…: a server that
 * reads names case-insensitively takes either): the library adds it, once per iframe load.
 */
export const isTokenParam = (name: string): boolean => name.toLowerCase() === 'authorizetoken';

/** The name of a boolean Connect parameter, such as `consentEnable`. */
export type BooleanParam = keyof typeof BOOLEAN_PARAMS;

/** The boolean Connect parameters, in the table's order. */
export const booleanParams = (): BooleanParam[] => Object.keys(BOOLEAN_PARAMS) as BooleanParam[];

/** The boolean parameters as options, each with its table entry's docs. */
type BooleanParams = { [Name in BooleanParam]?: boolean | undefined };

/**
 * Flinks Connect customization parameters: every parameter the library knows, and for `language`,
 * `theme` and `loadingType` the values Flinks documents, so a typo (`consentEnabled`,
 * `language: 'de'`) is a type error. To send a parameter or a value the library does not know (one
 * Flinks added since), pass it through `unknownParams`:
 * `params={{ consentEnable: true, ...unknownParams({ newFlag: true }) }}`. Booleans are sent as
 * `true` / `false`, and `undefined` values are left out.
 */
export interface ConnectParams extends BooleanParams {
  language?: 'en' | 'fr' | undefined;
  /** Where Flinks sends the user on success; it appends `loginId`, `institution`, and `tag`/`accountId`. */
  redirectUrl?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
  loadingType?: 'dots' | 'progressbar' | undefined;
  customerName?: string | undefined;
  /** Hex colour without `#`, e.g. `1f2937`. */
  backgroundColor?: string | undefined;
  /** Hex colour without `#`, e.g. `2563eb`. */
  foregroundColor1?: string | undefined;
  tag?: string | undefined;
  termsUrl?: string | undefined;
  /** Resume an earlier session. */
  requestId?: string | undefined;
  // Seen only in third-party production URLs: typed, semantics unconfirmed by Flinks docs, so
  // their values stay open.
  accountSelectorCurrency?: 'cad' | 'usd' | (string & {}) | undefined;
  daysOfTransactions?: 'Days90' | 'Days365' | (string & {}) | undefined;
  monthsOfStatements?: 'Months12' | 'MostRecent' | (string & {}) | undefined;
  maximumRetry?: number | undefined;
  /** The token is added by the library, once per iframe load; it cannot be set here. */
  authorizeToken?: never;
}

/** A Connect parameter the library does not know (or a value it does not know), sent as it is. */
export type UnknownConnectParams = Record<string, string | number | boolean | undefined>;

/**
 * The parameters that are not booleans, each with the values Flinks documents (`null`: any). Read
 * by the development check only, so production bundles leave the table out.
 */
export const VALUE_PARAMS = {
  language: ['en', 'fr'],
  redirectUrl: null,
  theme: ['light', 'dark'],
  loadingType: ['dots', 'progressbar'],
  customerName: null,
  backgroundColor: null,
  foregroundColor1: null,
  tag: null,
  termsUrl: null,
  requestId: null,
  accountSelectorCurrency: null,
  daysOfTransactions: null,
  monthsOfStatements: null,
  maximumRetry: null,
} satisfies {
  [Name in Exclude<keyof ConnectParams, BooleanParam | 'authorizeToken'>]-?:
    readonly NonNullable<ConnectParams[Name]>[] | null;
};
