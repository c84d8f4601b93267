/** Replaces every given secret in a string with `[redacted]`. */
export type Redact = (text: string) => string;

const REDACTED = '[redacted]';

/**
 * A redactor for the credentials one call sent. Each secret counts as given, trimmed, and as
 * `fetch` sends it in a header (HTTP whitespace stripped): a key read from a file with its trailing
 * newline goes out trimmed, and Flinks echoes what it received.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined) continue;
    for (const form of [secret, secret.trim(), secret.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')]) {
      if (form !== '') forms.add(form);
    }
  }
  // Longest first, so a secret that contains another is redacted whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const form of ordered) result = result.split(form).join(REDACTED);
    return result;
  };
}

/**
 * A copy of an error's `cause` chain with every string redacted: undici, a proxy or a custom
 * `fetch` may put a header, and so a key, into an error message. Only what helps to diagnose is
 * kept (name, message, code, stack, nested causes and errors); anything else is dropped.
 */
export function redactCause(cause: unknown, redact: Redact, depth = 0): unknown {
  if (typeof cause === 'string') return redact(cause);
  if (typeof cause === 'number' || typeof cause === 'boolean') return cause;
  if (!(cause instanceof Error) || depth > 4) return undefined;
  const nested = depth + 1;
  const copy = new Error(redact(cause.message), {
    cause: redactCause((cause as { cause?: unknown }).cause, redact, nested),
  });
  if ((cause as { cause?: unknown }).cause === undefined) delete (copy as { cause?: unknown }).cause;
  copy.name = redact(cause.name);
  if (cause.stack === undefined) delete copy.stack;
  else copy.stack = redact(cause.stack);
  const { code, errors } = cause as { code?: unknown; errors?: unknown };
  if (typeof code === 'string' || typeof code === 'number') {
    Object.assign(copy, { code: typeof code === 'string' ? redact(code) : code });
  }
  if (Array.isArray(errors)) {
    Object.assign(copy, { errors: errors.map((error: unknown) => redactCause(error, redact, nested)) });
  }
  return copy;
}

/**
 * A copy of a parsed JSON answer with every string, keys included, redacted. Flinks' error
 * answers are small; past a depth that no answer has, a branch is dropped rather than walked.
 */
export function redactJson(value: unknown, redact: Redact, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 20) return undefined;
  if (Array.isArray(value)) return value.map((item: unknown) => redactJson(item, redact, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key), redactJson(item, redact, depth + 1)]),
  );
}
