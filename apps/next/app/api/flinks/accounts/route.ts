import { FlinksConfigError } from '@flinks-embed/server';
import { startAccountsJob } from '../../../../lib/account-jobs';
import { FlinksSetupError } from '../../../../lib/flinks-config';
import { getSession } from '../../../../lib/session';

export const runtime = 'nodejs';

const NO_STORE = { 'Cache-Control': 'no-store' };
/** A Flinks loginId: a GUID in practice; anything else is refused before Flinks sees it. */
const LOGIN_ID = /^[A-Za-z0-9-]{1,100}$/;

/**
 * `POST /api/flinks/accounts` `{ loginId }` (from `onRedirect`): starts getting the accounts on the
 * server and answers `202 { jobId }` at once; the page follows `GET /api/flinks/accounts/{jobId}`.
 * Flinks may take minutes (202 `OPERATION_PENDING`), so no request waits for it.
 */
export async function POST(request: Request): Promise<Response> {
  // Your own check: only a signed-in user may have the server call Flinks for a login.
  if ((await getSession(request)) === null)
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: NO_STORE });
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return Response.json(
      { error: 'Only this app’s pages may ask for the accounts.' },
      { status: 403, headers: NO_STORE },
    );
  }
  const body = (await request.json().catch(() => null)) as { loginId?: unknown } | null;
  const loginId = body?.loginId;
  if (typeof loginId !== 'string' || !LOGIN_ID.test(loginId)) {
    return Response.json(
      { error: 'Send { "loginId": "…" } with the loginId Connect gave onRedirect.' },
      { status: 400, headers: NO_STORE },
    );
  }
  let jobId: string | undefined;
  try {
    jobId = startAccountsJob(loginId);
  } catch (error) {
    if (!(error instanceof FlinksSetupError || error instanceof FlinksConfigError)) throw error;
    console.error(`[flinks] ${error.message}`);
    return Response.json({ error: 'flinks_not_configured' }, { status: 500, headers: NO_STORE });
  }
  if (jobId === undefined) {
    return Response.json(
      { error: 'Too many data requests are running. Try again in a minute.' },
      { status: 503, headers: { ...NO_STORE, 'Retry-After': '60' } },
    );
  }
  return Response.json(
    { jobId },
    { status: 202, headers: { ...NO_STORE, Location: `/api/flinks/accounts/${jobId}` } },
  );
}
