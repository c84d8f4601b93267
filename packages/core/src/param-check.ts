// Development only: a Connect parameter the library does not know is most likely a typo, and a
// typo is sent as it is (`consentEnabled=true`) and silently ignored by Flinks. Said once per
// name (and per unknown value) on the page; production bundles leave all of this out.
import {
  booleanParams,
  isTokenParam,
  VALUE_PARAMS,
  type ConnectParams,
  type UnknownConnectParams,
} from './connect-params';

// Names passed through `unknownParams` (on purpose), and what was said already.
const intended = /* @__PURE__ */ new Set<string>();
const said = /* @__PURE__ */ new Set<string>();

/**
 * Connect parameters the library does not know, passed on purpose: one Flinks added since this
 * version, or a value it does not document (`language: 'es'`). Spread into `params`:
 * `params={{ consentEnable: true, ...unknownParams({ newFlag: true }) }}`. They are sent as they
 * are, with no type check and no development warning.
 */
export function unknownParams(params: UnknownConnectParams): ConnectParams {
  if (__DEV__) for (const name in params) intended.add(name);
  return params as ConnectParams;
}

/** Edit distance, case-insensitive: how far a typo is from a known name. */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}

const say = (key: string, message: string): void => {
  if (said.has(key)) return;
  said.add(key);
  console.warn(`flinks-embed: ${message}`);
};

const HOW =
  'To send a parameter or value the library does not know on purpose, pass it through unknownParams ' +
  '(exported by @flinks-embed/react, @flinks-embed/element and @flinks-embed/core): ';

/** Warns, once each, of the names in `params` the library does not know and of undocumented values. */
export function warnUnknownParams(params: ConnectParams): void {
  const known: string[] = [...booleanParams(), ...Object.keys(VALUE_PARAMS)];
  for (const [name, value] of Object.entries(params) as [string, unknown][]) {
    if (value === undefined || intended.has(name) || isTokenParam(name)) continue;
    const example = `params={{ ...unknownParams({ ${name}: ${JSON.stringify(value)} }) }}.`;
    if (!known.includes(name)) {
      const nearest = known
        .map((candidate) => [distance(name, candidate), candidate] as const)
        .sort(([a], [b]) => a - b)[0]!;
      const guess = nearest[0] <= Math.max(2, name.length / 4) ? ` Did you mean \`${nearest[1]}\`?` : '';
      say(
        name,
        `params.${name} is not a Connect parameter this library knows; it is sent as it is, and Flinks ignores a name it does not know.${guess} ${HOW}${example}`,
      );
      continue;
    }
    const values: readonly string[] | null = VALUE_PARAMS[name as keyof typeof VALUE_PARAMS];
    if (values && !values.includes(value as string)) {
      say(
        `${name}=${String(value)}`,
        `params.${name} is ${JSON.stringify(value)}, which Flinks does not document (${values.join(', ')}); it is sent as it is. ${HOW}${example}`,
      );
    }
  }
}
