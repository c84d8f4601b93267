/** Answers one token request: a fresh token, or `null` when the kit fails it on purpose. */
export type MintToken = () => { token: string; expiresIn: number } | { failStatus: number };

/**
 * Puts a `fetch` on the page that answers requests to `tokenEndpoint` (same origin and path, any
 * query) with `mint()`'s answer, and passes every other request to the real `fetch`. Returns
 * what restores the real one.
 */
export function stubTokenEndpoint(tokenEndpoint: string, mint: MintToken): () => void {
  const realFetch = globalThis.fetch as typeof fetch | undefined;
  const endpoint = new URL(tokenEndpoint, document.baseURI);
  const matches = (input: unknown): boolean => {
    // Jest's jsdom environment has no `Request` global: `instanceof Request` would throw there.
    const isRequest = typeof Request === 'function' && input instanceof Request;
    const text = isRequest ? input.url : String(input);
    const url = new URL(text, document.baseURI);
    return url.origin === endpoint.origin && url.pathname === endpoint.pathname;
  };
  globalThis.fetch = async (input, init) => {
    if (!matches(input)) {
      if (!realFetch)
        throw new Error(`fetch is not defined in this environment (request to ${String(input)}).`);
      return realFetch(input, init);
    }
    if (init?.signal?.aborted) throw init.signal.reason;
    const answer = mint();
    return 'failStatus' in answer
      ? jsonResponse(answer.failStatus, { error: 'unavailable' })
      : jsonResponse(200, answer);
  };
  return () => {
    globalThis.fetch = realFetch!;
  };
}

/** A JSON response, also where the environment has no `Response` (Jest's jsdom). */
function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  if (typeof Response === 'function') {
    return new Response(text, {
      status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  }
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  } as unknown as Response;
}
