import type { IncomingMessage, ServerResponse } from 'node:http';
import { header, sendFlinksError, sendJson } from './http-utils';
import type { SimulatorContext } from './simulator-context';

/** `POST /v3/{customerId}/BankingServices/GenerateAuthorizeToken`, as Flinks answers it. */
export async function generateAuthorizeToken(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  customerId: string,
): Promise<void> {
  req.resume(); // Flinks expects no body; drain whatever came.
  if (ctx.faults.tokenLatencyMs > 0 && !(await ctx.sleep(ctx.faults.tokenLatencyMs))) return;

  const failure = ctx.faults.takeTokenFailure();
  if (failure !== undefined) {
    ctx.log(`GenerateAuthorizeToken: simulated failure ${failure} (setFaults)`);
    sendFlinksError(res, failure, 'Simulated failure (setFaults).');
    return;
  }

  if (
    header(req, 'flinks-auth-key') !== ctx.secretKey ||
    customerId.toLowerCase() !== ctx.customerId.toLowerCase()
  ) {
    ctx.ledger.recordBadSecret();
    ctx.log('GenerateAuthorizeToken: refused a wrong secret key or customerId');
    sendFlinksError(res, 401, 'You must provide a valid auth key');
    return;
  }

  const { token, label } = ctx.ledger.issue();
  ctx.log(`token ${label} issued`);
  sendJson(res, 200, { HttpStatusCode: 200, Token: token });
}
