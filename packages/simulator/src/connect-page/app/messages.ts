import type { PageBase } from './page';

/** Posts a Flinks event to the embedding page, the way Flinks Connect does. */
export function post(page: PageBase, message: Record<string, unknown>): void {
  if (page.config.faults.silent) return;
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) if (value !== undefined) payload[key] = value;
  // Like Flinks, post to any origin: the embedding page checks `event.origin` and `event.source`.
  window.parent.postMessage(page.flag('stringify') ? JSON.stringify(payload) : payload, '*');
}
