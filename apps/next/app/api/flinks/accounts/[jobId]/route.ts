import { readAccountsJob } from '../../../../../lib/account-jobs';

export const runtime = 'nodejs';

/** `GET /api/flinks/accounts/{jobId}`: pending (with the checks so far), done (the accounts) or failed. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const job = readAccountsJob((await params).jobId);
  if (!job) {
    return Response.json(
      { error: 'No such data request: it ended a while ago or the server restarted. Start again.' },
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return Response.json(job, { headers: { 'Cache-Control': 'no-store' } });
}
