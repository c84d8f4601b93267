import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderConnectPageHtml } from './connect-page/render';
import { sendText } from './http-utils';
import type { SimulatorContext } from './simulator-context';

/**
 * The paths Flinks serves Connect on: `/` (the v1 design's root, which older integrations and
 * Flinks' own demo load), `/v2/`, and the deep links `/Credential/{institution}` and
 * `/v2/Credential/{institution}`, which open at that institution's sign-in (the page reads the
 * institution from its own path). Case-insensitive, with or without the trailing slash.
 */
const CONNECT_PAGE_PATH = /^(?:\/v2)?(?:\/Credential\/[^/]+)?\/?$/i;

export function isConnectPagePath(pathname: string): boolean {
  return CONNECT_PAGE_PATH.test(pathname);
}

/**
 * `GET /v2/?authorizeToken=…` (or another Connect page path): the Connect page. Serving it is what counts as a load of the
 * token, so the count is exact however the page is opened (iframe, tab, reload).
 */
export function serveConnectPage(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const token = url.searchParams.get('authorizeToken') ?? undefined;
  // HEAD (link checkers, preconnect probes) is not a load.
  const tokenCheck = req.method === 'GET' ? ctx.ledger.recordPageLoad(token) : 'ok';
  if (req.method === 'GET') {
    const label = token === undefined ? 'a load without a token' : ctx.ledger.labelOf(token);
    const loads = token === undefined ? 0 : ctx.ledger.loadsOf(token);
    ctx.log(
      tokenCheck === 'ok'
        ? `Connect page loaded with ${label} (load ${loads})`
        : `Connect page refused ${label} (${tokenCheck})`,
    );
  }

  const nonce = randomBytes(16).toString('base64');
  const html = renderConnectPageHtml({
    tokenCheck,
    authorizePath: `/v3/${ctx.customerId}/BankingServices/Authorize`,
    nonce,
    faults: ctx.faults.connectPage,
  });
  sendText(res, 200, 'text/html', html, {
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      "connect-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
    // The URL carries the token: never send it to the redirect target as a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
}
