import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './authorize-route';
import { isConnectPagePath, serveConnectPage } from './connect-route';
import { matchDataRoute, serveData } from './data-route';
import { sendFlinksError, sendText } from './http-utils';
import type { SimulatorContext } from './simulator-context';
import { generateAuthorizeToken } from './token-route';

// Case-insensitive: how a client capitalizes the path is not what a test should trip on.
const API_ROUTE = /^\/v3\/([^/]+)\/BankingServices\/(GenerateAuthorizeToken|Authorize)\/?$/i;

/** Every path the simulator serves: Flinks' two hosts (API and Connect) on one origin. */
export async function route(ctx: SimulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const method = req.method ?? 'GET';

  const api = API_ROUTE.exec(url.pathname);
  if (api !== null) {
    const [, customerId = '', endpoint = ''] = api;
    if (method !== 'POST') {
      sendFlinksError(res, 405, `Use POST for ${endpoint}.`, { Allow: 'POST' });
      return;
    }
    const handler = endpoint.toLowerCase() === 'authorize' ? authorize : generateAuthorizeToken;
    await handler(ctx, req, res, customerId);
    return;
  }

  const data = matchDataRoute(url.pathname);
  if (data !== undefined) {
    await serveData(ctx, req, res, data);
    return;
  }

  const isRead = method === 'GET' || method === 'HEAD';
  if (isConnectPagePath(url.pathname)) {
    if (isRead) serveConnectPage(ctx, req, res, url);
    else sendFlinksError(res, 405, 'The Connect page only answers GET.', { Allow: 'GET, HEAD' });
    return;
  }
  if (url.pathname === SIMULATOR_INDEX && isRead) {
    sendText(res, 200, 'text/plain', INDEX_TEXT);
    return;
  }
  if (url.pathname === '/redirect' && isRead) {
    sendText(res, 200, 'text/html', REDIRECT_HTML);
    return;
  }
  sendFlinksError(
    res,
    404,
    `Not found. The simulator serves the Connect page at /, /v2/ and /v2/Credential/{institution}, and /v3/{customerId}/BankingServices/ GenerateAuthorizeToken, Authorize, GetAccountsDetail(Async), GetAccountsSummary(Async) and DeleteCard; ${SIMULATOR_INDEX} lists its routes.`,
  );
}

/** The simulator's own index: `/` is the Connect page, as on Flinks. */
export const SIMULATOR_INDEX = '/_simulator';

const INDEX_TEXT = `Flinks simulator

GET  /v2/?authorizeToken=…&demo=true                         Connect page (also /, the v1 root)
GET  /v2/Credential/{institution}?authorizeToken=…           Connect page, at that institution's sign-in
POST /v3/{customerId}/BankingServices/GenerateAuthorizeToken  flinks-auth-key: <secret key>
POST /v3/{customerId}/BankingServices/Authorize               flinks-auth-key: <authorize token>
POST /v3/{customerId}/BankingServices/GetAccountsDetail       { RequestId, WithTransactions, … }
GET  /v3/{customerId}/BankingServices/GetAccountsDetailAsync/{requestId}
POST /v3/{customerId}/BankingServices/GetAccountsSummary      { RequestId }
GET  /v3/{customerId}/BankingServices/GetAccountsSummaryAsync/{requestId}
DELETE /v3/{customerId}/BankingServices/DeleteCard/{loginId}
`;

const REDIRECT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Connected (Flinks simulator)</title></head>
<body style="font-family: system-ui, sans-serif; padding: 24px">
<p>The Connect flow is complete. With a <code>redirectUrl</code>, the app's own page would load here.</p>
</body></html>
`;
