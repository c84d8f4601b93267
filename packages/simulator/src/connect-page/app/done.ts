import type { SandboxInstitution } from '../../sandbox-data';
import { heading, lead, status } from './dom';
import { post } from './messages';
import type { Page } from './page';

/**
 * The last step: posts REDIRECT with the result (and its URL), shows the success screen, then
 * navigates as the parameters ask: the top window to `redirectUrl`, or this frame (`innerRedirect`).
 */
export function finish(page: Page, institution: SandboxInstitution, accountId: string): void {
  const { session, strings, tag } = page;
  const redirectParam = page.param('redirectUrl');
  let redirectUrl: URL | undefined;
  try {
    redirectUrl = redirectParam === undefined ? undefined : new URL(redirectParam);
  } catch {
    redirectUrl = undefined;
  }
  // Without a redirectUrl the event still carries a URL the host can parse, like Flinks' own.
  const base = window.location.origin === 'null' ? window.location.href : window.location.origin;
  const url = redirectUrl ?? new URL('/redirect', base);
  const fields: Record<string, string | undefined> = {
    loginId: session.loginId,
    institution: institution.id,
    requestId: session.requestId,
    accountId,
    tag,
  };
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) url.searchParams.set(key, value);

  post(page, {
    step: 'REDIRECT',
    loginId: session.loginId,
    requestId: session.requestId,
    institution: institution.id,
    accountId,
    tag,
    url: url.href,
  });
  page.show(true, status('success', 'check'), heading(strings.successTitle), lead(strings.successBody));

  if (page.config.faults.navigateFrameOnRedirect) {
    // `url` is the simulator's own /redirect page when there is no redirectUrl, with the result in its query.
    window.location.assign(url.href);
    return;
  }
  if (redirectUrl === undefined) return;
  if (page.flag('innerRedirect')) {
    window.location.assign(url.href);
    return;
  }
  try {
    (window.top ?? window).location.href = url.href;
  } catch {
    // A sandboxed frame may not navigate the top window; the host still has the REDIRECT event.
  }
}
