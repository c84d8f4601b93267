import { createFlinksClient, type FlinksClient } from '@flinks-embed/server';

/** The bench's simulator, which next-variant.mjs names in the environment of `next start`. */
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the bench's Next.js app is started by next-variant.mjs.`);
  return value;
}

let client: FlinksClient | undefined;
/** Created on the first request: `next build` runs with none of these set. */
export function flinks(): FlinksClient {
  client ??= createFlinksClient({
    baseUrl: env('FLINKS_API_URL'),
    customerId: env('FLINKS_CUSTOMER_ID'),
    secretKey: env('FLINKS_SECRET_KEY'),
  });
  return client;
}

export const connectUrl = (): string => env('FLINKS_CONNECT_URL');
