import { tokenIn } from './frame-messages';

/** The origin of an iframe `src` (resolved against the page), or `null` when it has none. */
export function originOf(src: string): string | null {
  if (src === '') return null;
  try {
    const { origin } = new URL(src, document.baseURI);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** What the page holds now, for an error that says what the kit saw: origins only, never a query. */
function otherFrames(origin: string): string {
  const all = [...document.querySelectorAll('iframe')];
  const elsewhere = [
    ...new Set(all.map((iframe) => originOf(iframe.src)).filter((seen) => seen !== null && seen !== origin)),
  ];
  if (elsewhere.length > 0) {
    return (
      ` The page has ${all.length === 1 ? 'an iframe' : `${all.length} iframes`} on ${elsewhere.join(', ')}. ` +
      'If your app embeds Connect from there (the simulator, another instance), tell the kit: ' +
      `createConnectKit({ connectUrl: '${elsewhere[0]}/v2/' }) with the URL your app passes as connectUrl, ` +
      "or createConnectKit({ instance: 'your-instance' })."
    );
  }
  if (all.length > 0)
    return ` The page has ${all.length === 1 ? 'an iframe' : `${all.length} iframes`} with no src.`;
  return ' The page has no iframe at all.';
}

/** Why no Connect iframe with a token can be used, and what to do about it. */
export function noFrameMessage(
  origin: string,
  waitedMs: number | null,
  { tokenRequests, tokenEndpoint }: { tokenRequests: number; tokenEndpoint: string | undefined },
): string {
  const connect = [...document.querySelectorAll('iframe')].filter(
    (iframe) => originOf(iframe.src) === origin,
  );
  const waited = waitedMs === null ? 'is on the page yet' : `appeared within ${waitedMs} ms`;
  if (connect.length > 0 && connect.every((iframe) => tokenIn(iframe.src) === null)) {
    return (
      `A Connect iframe is on the page, but no iframe src with an authorizeToken ${waited}. ` +
      'The app loaded Connect without a token: check that it passes a fetcher to <FlinksConnect>.'
    );
  }
  const start =
    `No Connect iframe (src on ${origin}) ${waited}: the kit watches that origin ` +
    '(https://toolbox-iframe.private.fin.ag unless given connectUrl or instance).';
  const requests =
    tokenRequests > 0
      ? ''
      : tokenEndpoint === undefined
        ? ' The kit answered no token request: hand kit.fetchAuthorizeToken to the component, or pass ' +
          'tokenEndpoint with the URL your app fetches its token from.'
        : ` The kit answered no request to ${tokenEndpoint}: the app has not asked yet, or asks another URL.`;
  const timers =
    waitedMs === null
      ? ' Await kit.findFrame() first, or advance your fake timers: the component fetches its token one task after mounting.'
      : '';
  return start + otherFrames(origin) + requests + timers;
}
