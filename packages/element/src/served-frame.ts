// A Connect iframe a server rendered into the container (Rails, Django, Laravel templates:
// `<flinks-connect ...><iframe src="...&authorizeToken=..."></iframe></flinks-connect>`), adopted
// instead of loading Connect again.

import { connectUrlToken } from '@flinks-embed/core';

const tokenOf = (src: string | null | undefined): string | null => (src ? connectUrlToken(src) : null);

/**
 * The first token of the server-rendered iframe in `container`, as an `initialToken`: it then
 * follows the first-token rules (used for that load only, its age bounded by the page's).
 */
export function servedToken(container: Element): { token: string } | undefined {
  const token = tokenOf(container.querySelector('iframe')?.getAttribute('src'));
  return token ? { token } : undefined;
}

/** The iframe in `container` already loading `src`'s token, to keep: loading it again would spend it twice. */
export function servedFrame(container: Element, src: string): HTMLIFrameElement | null {
  const frame = container.querySelector('iframe');
  return frame && tokenOf(frame.getAttribute('src')) === tokenOf(src) ? frame : null;
}
