import type { ConnectLoad } from './kit-types';

/** Tokens that went into more than one iframe load (Flinks refuses the second). */
export function reusedTokensIn(loads: readonly ConnectLoad[]): string[] {
  const seen = new Map<string, number>();
  for (const { token } of loads) if (token !== null) seen.set(token, (seen.get(token) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([token]) => token);
}

/** Each token rule the loads broke, in words that name the fix (`verify()` throws them). */
export function tokenRuleProblems(loads: readonly ConnectLoad[], issued: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const position = (token: string) =>
    loads.flatMap((load, index) => (load.token === token ? [index + 1] : [])).join(' and ');
  for (const token of reusedTokensIn(loads)) {
    problems.push(
      `one authorize token went into iframe loads ${position(token)}: Flinks tokens are single-use, so ` +
        'Connect refuses the second load. Fetch a fresh token for every load (FlinksConnect does; ' +
        'check for an app-side token cache or a hard-coded src).',
    );
  }
  if (issued.size > 0) {
    loads.forEach((load, index) => {
      if (load.token !== null && !issued.has(load.token)) {
        problems.push(`iframe load ${index + 1} carries a token this kit never issued.`);
      }
    });
  }
  loads.forEach((load, index) => {
    if (load.token === null) problems.push(`iframe load ${index + 1} has no authorizeToken.`);
  });
  return problems;
}
