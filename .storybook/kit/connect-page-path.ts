/**
 * Where the simulator's static Connect page is served, relative to Storybook's preview page
 * (`iframe.html`): connect-page-plugin.ts serves and emits it there, stories resolve it from there.
 */
export const CONNECT_PAGE_DIR = 'flinks-connect';

/**
 * The Connect page's absolute URL for `<FlinksConnect connectUrl>`. Resolved against the preview's
 * own location, so it works in `storybook dev`, in the Vitest browser run and in a static build
 * under any sub-path. It is same-origin with the story, so play functions can drive it.
 */
export function connectPageUrl(): string {
  return new URL(`${CONNECT_PAGE_DIR}/`, window.location.href).href;
}
