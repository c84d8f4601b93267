import { createAuthorizeTokenHandler, type FetchHandler } from '@flinks-embed/server';
import { flinks } from '../../../flinks';

let handler: FetchHandler | undefined;

/** The fetcher's endpoint, for every load after the first (none in the bench). */
export function POST(request: Request): Promise<Response> {
  handler ??= createAuthorizeTokenHandler(flinks());
  return handler(request);
}
