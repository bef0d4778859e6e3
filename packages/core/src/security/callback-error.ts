/**
 * Errors thrown by code an app hands smmkit (a token provider, a token store's `persist` or
 * loader, a refresh callback, the publisher's `tokens` option) are the app's own, and their
 * messages may quote anything: a database error quotes the row it failed on, token and all. So
 * smmkit never copies such a message into its own error. It says what kind of error was thrown
 * ({@link describeCallbackError}) and keeps the original as `cause`, which `util.inspect` does
 * not print ({@link withUnprintedCause}): the app can read `error.cause` on purpose, but logging
 * an outcome or an event never prints it.
 */

/** Node's `util.inspect.custom`, by its registry name, so core needs no `node:util`. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** An identifier-like name or code: a class name or `23505`, never free text. */
const NAME_PATTERN = /^[A-Za-z_$][\w$]{0,63}$/;
const CODE_PATTERN = /^[\w.-]{1,40}$/;

/**
 * What a callback threw, in words that cannot hold a secret: the error's class name and its
 * `code` when both look like identifiers (`a DatabaseError (code 23505)`), or the type of a
 * thrown non-error (`a thrown string`). Never the message.
 *
 * @param thrown - what the callback threw
 * @returns a phrase for an error message
 *
 * @example
 * ```ts
 * describeCallbackError(Object.assign(new Error('Key (access_token)=(…)'), { code: '23505' }));
 * // 'an Error (code 23505)'
 * ```
 */
export function describeCallbackError(thrown: unknown): string {
  if (!(thrown instanceof Error)) return `a thrown ${thrown === null ? 'null' : typeof thrown}`;
  const { name, code } = identity(thrown);
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}${code === undefined ? '' : ` (code ${code})`}`;
}

/**
 * Makes `util.inspect(error)` (and so `console.log` of an outcome or event holding it) print
 * the error as usual except for its `cause`, shown only by class name and code. `error.cause`
 * itself is unchanged and stays non-enumerable, so `JSON.stringify` and object spreads leave it
 * out too.
 *
 * @param error - an error whose `cause` is something an app's callback threw
 * @returns the same error
 *
 * @example
 * ```ts
 * throw withUnprintedCause(new TransientError('transient', 'Loading the tokens failed.', { cause: thrown }));
 * ```
 */
export function withUnprintedCause<E extends Error>(error: E): E {
  return Object.defineProperty(error, INSPECT, {
    value: inspectWithoutCause,
    configurable: true,
    writable: true,
  });
}

type Inspect = (value: unknown, options?: object) => string;

/** Prints a copy of the error: every own property but `cause`, which becomes a summary. */
function inspectWithoutCause(
  this: Error,
  depth: number | null,
  options: Readonly<Record<string, unknown>>,
  inspect: Inspect,
): string {
  if (depth !== null && depth < 0) return `[${this.name}]`;
  const copy: Error = Object.create(Object.getPrototypeOf(this), {
    ...Object.getOwnPropertyDescriptors(this),
    // V8's `stack` accessor reads the stack of whatever object it is called on: copy the value.
    stack: { value: this.stack },
    ...('cause' in this ? { cause: { value: causeSummary(this.cause) } } : {}),
  });
  Reflect.deleteProperty(copy, INSPECT);
  return inspect(copy, { ...options, depth });
}

function causeSummary(cause: unknown): Error {
  const summary = Object.assign(
    new Error('not shown: it came from your code and may quote a secret; read error.cause to see it'),
    cause instanceof Error ? identity(cause) : { name: describeCallbackError(cause) },
  );
  // Only the summary's own line: its stack frames would be smmkit's, not the callback's.
  summary.stack = `${summary.name}: ${summary.message}`;
  return summary;
}

/** An error's class name and `code` where they look like identifiers (`Error` and none otherwise). */
function identity(error: Error): { readonly name: string; readonly code?: string } {
  const { code } = error as { code?: unknown };
  const text = typeof code === 'number' ? String(code) : code;
  return {
    name: NAME_PATTERN.test(error.name) ? error.name : 'Error',
    ...(typeof text === 'string' && CODE_PATTERN.test(text) ? { code: text } : {}),
  };
}
