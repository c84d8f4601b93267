import type { RedirectDetails } from './events';
import { urlDetails, webUrl } from './messages';

/**
 * The second, trusted channel for the result: when the frame has landed on `redirectUrl` on the
 * host's own origin, its URL carries `loginId` and friends. Returns the reader for one frame, or
 * `undefined` when there is no `redirectUrl` to land on.
 */
export function landingChannel(
  redirectUrl: string | undefined,
  getFrame: () => unknown,
): (() => RedirectDetails | null) | undefined {
  const landing = redirectUrl ? webUrl(redirectUrl) : undefined;
  return (
    landing &&
    (() => {
      let url: URL | undefined;
      try {
        // Readable only once the frame is on the host's own origin; Connect's pages throw here.
        url = webUrl((getFrame() as Window | null | undefined)?.location.href ?? '');
      } catch {
        return null;
      }
      return url?.origin === landing.origin && url.pathname === landing.pathname ? urlDetails(url) : null;
    })
  );
}
