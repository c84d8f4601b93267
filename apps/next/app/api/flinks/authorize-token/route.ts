import {
  createAuthorizeTokenHandler,
  createFlinksClient,
  FlinksConfigError,
  type FetchHandler,
} from '@flinks-embed/server';
import { FlinksSetupError, readFlinksClientOptions } from '../../../../lib/flinks-config';
import { getSession } from '../../../../lib/session';

// The Node.js runtime (the default, said out loud): Next.js deprecates the Edge runtime.
export const runtime = 'nodejs';

// Created on the first request, not when the module loads: `next build` loads this module with
// no FLINKS_* in its environment, and the secrets exist only where the app runs.
let handler: FetchHandler | undefined;
function authorizeTokenHandler(): FetchHandler {
  handler ??= createAuthorizeTokenHandler(createFlinksClient(readFlinksClientOptions()), {
    allowRequest: async (request) => (await getSession(request)) !== null,
  });
  return handler;
}

/** `POST /api/flinks/authorize-token`: one fresh authorize token as JSON, `Cache-Control: no-store`. */
export async function POST(request: Request): Promise<Response> {
  let handle: FetchHandler;
  try {
    handle = authorizeTokenHandler();
  } catch (error) {
    // A setup mistake (a missing variable): the message names the fix and never a value.
    if (!(error instanceof FlinksSetupError || error instanceof FlinksConfigError)) throw error;
    console.error(`[flinks] ${error.message}`);
    return Response.json(
      { error: 'flinks_not_configured' },
      { status: 500, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return handle(request);
}
