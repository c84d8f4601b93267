import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataLogin } from './data-accounts';
import { header, readJsonBody, sendFlinksError, sendJson } from './http-utils';
import type { SimulatorContext } from './simulator-context';

/**
 * `POST /v3/{customerId}/BankingServices/Authorize`: the authorize token in `flinks-auth-key`,
 * then the sandbox bank's answer. A fresh token is spent by the call, whatever the login outcome.
 */
export async function authorize(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  customerId: string,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendFlinksError(res, 400, body.message);
    return;
  }
  const fields =
    typeof body.value === 'object' && body.value !== null ? (body.value as Record<string, unknown>) : {};
  const requestId = typeof fields.RequestId === 'string' ? fields.RequestId : undefined;
  // A token belongs to its customer: under another customerId it is unknown.
  const key =
    customerId.toLowerCase() === ctx.customerId.toLowerCase() ? header(req, 'flinks-auth-key') : undefined;

  const access = ctx.ledger.checkAuthorize(key, requestId);
  if (!access.ok) {
    ctx.log(`Authorize: refused ${ctx.ledger.labelOf(key)} (${access.reason})`);
    sendFlinksError(res, 401, 'You must provide a valid authorize token');
    return;
  }

  const reply = ctx.bank.authorize(body.value);
  if (access.fresh && key !== undefined && reply.requestId !== undefined) {
    ctx.ledger.redeem(key, reply.requestId);
    ctx.log(`Authorize: ${ctx.ledger.labelOf(key)} redeemed`);
  }
  const login = reply.body.Login as DataLogin['login'] | undefined;
  if (reply.status === 200 && reply.requestId !== undefined && login !== undefined) {
    // A token the Connect page was loaded with is the Connect flow's: there Flinks starts the
    // GetAccountsDetail job itself, and the webhook follows without any data call.
    const connect = key !== undefined && ctx.ledger.loadsOf(key) > 0;
    ctx.data.authorized(
      { requestId: reply.requestId, institution: String(reply.body.Institution), login },
      connect,
    );
  }
  sendJson(res, reply.status, reply.body);
}
