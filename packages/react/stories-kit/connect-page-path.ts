/**
 * Where Storybook serves the simulator's static Connect page, relative to its preview page
 * (`iframe.html`). The Storybook config's connect-page plugin serves and emits the page there and
 * defines this constant, so the path is written once, in the config.
 */
declare const __CONNECT_PAGE_DIR__: string;

/**
 * The Connect page's absolute URL for `<FlinksConnect connectUrl>`. Resolved against the preview's
 * own location, so it works in `storybook dev`, in the Vitest browser run and in a static build
 * under any sub-path. It is same-origin with the story, so play functions can drive it.
 */
export function connectPageUrl(): string {
  return new URL(`${__CONNECT_PAGE_DIR__}/`, window.location.href).href;
}
