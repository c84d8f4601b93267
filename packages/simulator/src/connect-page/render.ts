import { SANDBOX_ACCOUNTS, SANDBOX_BANK_DATA, SANDBOX_INSTITUTIONS } from '../sandbox-data';
import type { ConnectPageFaults } from '../faults';
import { CONFIG_ELEMENT_ID } from './config';
import type { ConnectPageConfig, TokenCheck } from './config';
import { connectPageScript } from './script';
import { CONNECT_STRINGS } from './strings';
import { CONNECT_PAGE_CSS } from './styles';

export interface ConnectPageInput {
  readonly tokenCheck: TokenCheck;
  /** `null` renders the static page, which logs in against the sandbox bank in the browser. */
  readonly authorizePath: string | null;
  /** CSP nonce for the inline style and script of a served page. */
  readonly nonce?: string;
  readonly faults?: ConnectPageFaults;
}

export function renderConnectPageHtml({
  tokenCheck,
  authorizePath,
  nonce,
  faults = { silent: false, navigateFrameOnRedirect: false },
}: ConnectPageInput): string {
  const isStatic = authorizePath === null;
  const config: ConnectPageConfig = {
    mode: isStatic ? 'static' : 'server',
    tokenCheck,
    authorizePath,
    bank: isStatic ? SANDBOX_BANK_DATA : null,
    institutions: SANDBOX_INSTITUTIONS,
    accounts: SANDBOX_ACCOUNTS,
    strings: CONNECT_STRINGS,
    faults,
  };
  // The built browser program (app/main.ts), which reads `config` from the JSON element below.
  const program = connectPageScript();
  // Inline code cannot contain its own end tag; a change that adds one must fail loudly here.
  if (/<\/script/i.test(program) || /<\/style/i.test(CONNECT_PAGE_CSS)) {
    throw new Error('The Connect page code contains a closing </script> or </style> tag; split that string.');
  }
  // `<` escaped so no value can close the JSON script element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const nonceAttribute = nonce === undefined ? '' : ` nonce="${nonce}"`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Flinks Connect (simulator)</title>
<style${nonceAttribute}>${CONNECT_PAGE_CSS}</style>
</head>
<body>
<div id="app"></div>
<noscript>Flinks Connect needs JavaScript.</noscript>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${json}</script>
<script${nonceAttribute}>${program}</script>
</body>
</html>
`;
}

/**
 * The Connect page as one self-contained HTML file that needs no server: it skips the token check
 * (and says so on screen) and logs in against the sandbox bank in the browser. Serve it from any
 * static host or dev server (Storybook, Vite), with the usual Connect parameters in its query.
 * The build writes the same HTML to `dist/connect/index.html` (see `connectPageDir()`).
 */
export function renderStaticConnectPage(): string {
  return renderConnectPageHtml({ tokenCheck: 'unchecked', authorizePath: null });
}
