// The subjects the Chromium parts of the bench compare, as their tables name them.

/** @typedef {import('./page/harness').SubjectKind} Kind */

export const LABELS = {
  flinks: '`<FlinksConnect>`',
  'naive-mount': 'naive embed, mount-only effect',
  'naive-deps': 'naive embed, lint-clean effect',
  plaid: "`<PlaidEmbeddedLink>` (counting stand-in for Plaid's script)",
  floor: 'floor: bare `fetch` + bare iframe, no React',
};
