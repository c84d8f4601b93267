/**
 * The Connect page's program, run in the browser: the entry of the script the build bundles into
 * `dist/connect-page/app.js` (see `../script.ts`). It reads its config from the page's JSON
 * element and the customization parameters from its own URL, as Flinks Connect does, and posts
 * the events Flinks posts to `window.parent`. One file per screen, beside this one.
 */
import { createSandboxBank } from '../../sandbox-bank';
import { CONFIG_ELEMENT_ID } from '../config';
import type { ConnectPageConfig } from '../config';
import { connectBank } from './bank';
import { showConsent } from './consent';
import { showTokenError } from './errors';
import { showStart } from './institutions';
import { mountLayout } from './layout';
import { post } from './messages';
import { createPageBase } from './page';
import type { Page } from './page';
import { applyTheme } from './theme';

const config = JSON.parse(document.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? '') as ConnectPageConfig;
const base = createPageBase(config);
applyTheme(base);
const page: Page = { ...base, show: mountLayout(base), authorize: connectBank(base, createSandboxBank) };

// APP_MOUNTED comes first even for a refused token, as with Flinks: the app loaded and shows
// its own error, so a host's load watchdog does not mistake it for a blank frame.
post(page, { step: 'APP_MOUNTED' });
if (config.tokenCheck !== 'ok' && config.tokenCheck !== 'unchecked') {
  post(page, { step: 'TOKEN_INVALID' });
  showTokenError(page, config.tokenCheck, false);
} else if (page.flag('consentEnable')) {
  showConsent(page, false);
} else {
  showStart(page, false);
}
